/**
 * UPI first: the `config.display` the storefront passes to Razorpay's checkout.js (Razorpay's
 * "Configure payment methods" docs: blocks, sequence, preferences). UPI Collect (typing a VPA)
 * is deprecated by NPCI from 28 February 2026, so the UPI block offers the intent flow (the
 * phone's UPI apps) on a phone and a QR code on a desktop; cards, netbanking and wallets follow.
 * The sandbox's stand-in checkout.js shows the blocks in the same order.
 */

export type CheckoutDevice = "phone" | "desktop"

export type RazorpayInstrument = { method: "upi"; flows: ("intent" | "qr")[] } | { method: "card" | "netbanking" | "wallet" }

export type RazorpayDisplayConfig = {
  display: {
    blocks: Record<"upi" | "cards" | "netbanking" | "wallets", { name: string; instruments: RazorpayInstrument[] }>
    sequence: string[]
    preferences: { show_default_blocks: boolean }
  }
}

/** checkout.js's `config` for a phone (UPI apps by intent) or a desktop (UPI by QR code). */
export function razorpayCheckoutConfig(device: CheckoutDevice): RazorpayDisplayConfig {
  const phone = device === "phone"
  return {
    display: {
      blocks: {
        upi: { name: phone ? "Pay with a UPI app" : "Scan the QR code with any UPI app", instruments: [{ method: "upi", flows: [phone ? "intent" : "qr"] }] },
        cards: { name: "Cards", instruments: [{ method: "card" }] },
        netbanking: { name: "Netbanking", instruments: [{ method: "netbanking" }] },
        wallets: { name: "Wallets", instruments: [{ method: "wallet" }] },
      },
      sequence: ["block.upi", "block.cards", "block.netbanking", "block.wallets"],
      // Only these blocks, in this order: Razorpay's default blocks would add UPI Collect again.
      preferences: { show_default_blocks: false },
    },
  }
}

/** A phone (UPI apps can open) or a desktop, from the browser's user agent and whether its main pointer is coarse (touch). */
export function checkoutDevice(userAgent: string, coarsePointer = false): CheckoutDevice {
  return /Android|iPhone|iPod|Mobile|Windows Phone/i.test(userAgent) || (coarsePointer && !/Macintosh|Windows NT|X11|CrOS/i.test(userAgent)) ? "phone" : "desktop"
}
