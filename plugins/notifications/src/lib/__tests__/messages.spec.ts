import crypto from "crypto"
import {
  lowStockText,
  neutralReplyText,
  paymentReceivedText,
  refundedText,
  statusChangedText,
  statusReplyText,
  WHATSAPP_TEMPLATES,
} from "../templates"
import { parseQuestion, verificationChallenge, whatsappSignatureValid } from "../whatsapp-webhook"
import { backoffMs, MAX_ATTEMPTS } from "../deliver"

describe("status, payment, refund and stock messages", () => {
  it("writes each in English within one Unicode SMS segment (70 characters) where it can", () => {
    expect(paymentReceivedText({ display_id: 1042, amount_rupees: 880 })).toBe("Sweet Shop: payment of ₹880.00 received for order #1042. Thank you!")
    expect(statusChangedText({ display_id: 1042, status: "out_for_delivery" })).toBe("Sweet Shop: your order #1042 is out for delivery.")
    expect(statusChangedText({ display_id: 1042, status: "preparing" })).toBe("Sweet Shop: your order #1042 is being prepared.")
    for (const status of ["confirmed", "preparing", "out_for_delivery", "delivered", "cancelled"]) {
      expect(statusChangedText({ display_id: 1042, status }).length).toBeLessThanOrEqual(70)
    }
    expect(refundedText({ display_id: 7, amount_rupees: 1250.5 })).toBe("Sweet Shop: ₹1,250.50 refunded for order #7. It reaches your account in 5-7 days.")
    expect(refundedText({ display_id: 7, amount_rupees: 1250.5, instant: true })).toBe(
      "Sweet Shop: ₹1,250.50 refunded for order #7 as an instant refund. It reaches your account within minutes."
    )
    expect(refundedText({ display_id: 7, amount_rupees: 1250.5, instant: true }, "hi")).toContain("कुछ ही मिनटों में")
    expect(lowStockText({ product_title: "Kaju Katli", available_units: 750, unit: "grams", low_stock_threshold_units: 1000 })).toBe(
      "Sweet Shop stock: Kaju Katli is low, 750 g left (alert at 1000 g)."
    )
  })

  it("has Hindi for customers, and a tracking link when there is one", () => {
    expect(statusChangedText({ display_id: 9, status: "delivered" }, "hi")).toBe("Sweet Shop: आपका ऑर्डर #9 पहुँच गया है।")
    expect(statusChangedText({ display_id: 9, status: "confirmed", tracking_url: "https://s.in/t/x" })).toMatch(/ Track: https:\/\/s\.in\/t\/x$/)
    expect(paymentReceivedText({ display_id: 9, amount_rupees: 100 }, "hi")).toContain("भुगतान मिल गया")
  })

  it("fills the WhatsApp templates' parameters in order, never with an empty one", () => {
    const params = WHATSAPP_TEMPLATES.order_placed.parameters({
      display_id: 5,
      items: [{ title: "Rasgulla", variant_title: "6 pieces", quantity: 2 }],
      total_rupees: 420,
      payment: "online",
    })
    expect(params).toEqual(["5", "2 × Rasgulla 6 pieces", "₹420.00", "paid online", "-"])
    expect(WHATSAPP_TEMPLATES.order_status_update.parameters({ display_id: 5, status: "ready_for_pickup" })).toEqual(["5", "ready for pickup", "-"])
  })

  it("answers strangers with words that name no order", () => {
    expect(neutralReplyText()).not.toMatch(/#\d/)
    expect(statusReplyText({ display_id: 12, status: "placed" })).toBe("Sweet Shop: order #12 is placed.")
  })
})

describe("WhatsApp webhook checks", () => {
  const secret = "app-secret"
  const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] })
  const sign = (b: string, s = secret) => "sha256=" + crypto.createHmac("sha256", s).update(b).digest("hex")

  it("accepts only the HMAC-SHA256 of the raw body with the app secret", () => {
    expect(whatsappSignatureValid(secret, body, sign(body))).toBe(true)
    expect(whatsappSignatureValid(secret, Buffer.from(body), sign(body))).toBe(true)
    expect(whatsappSignatureValid(secret, body + " ", sign(body))).toBe(false)
    expect(whatsappSignatureValid(secret, body, sign(body, "other"))).toBe(false)
    expect(whatsappSignatureValid(secret, body, sign(body).replace("sha256=", ""))).toBe(false)
    expect(whatsappSignatureValid(secret, body, "sha256=abc")).toBe(false)
    expect(whatsappSignatureValid(secret, body, undefined)).toBe(false)
  })

  it("returns the challenge only for subscribe with the right token", () => {
    const q = { "hub.mode": "subscribe", "hub.verify_token": "tok-12345", "hub.challenge": "42" }
    expect(verificationChallenge(q, "tok-12345")).toBe("42")
    expect(verificationChallenge({ ...q, "hub.verify_token": "tok-12346" }, "tok-12345")).toBeNull()
    expect(verificationChallenge({ ...q, "hub.mode": "unsubscribe" }, "tok-12345")).toBeNull()
    expect(verificationChallenge(q, undefined)).toBeNull()
  })

  it("understands 'status' and order numbers, nothing else", () => {
    expect(parseQuestion(" Status ")).toEqual({ kind: "status" })
    expect(parseQuestion("status?")).toEqual({ kind: "status" })
    expect(parseQuestion("#1042")).toEqual({ kind: "order", display_id: 1042 })
    expect(parseQuestion("order 1042")).toEqual({ kind: "order", display_id: 1042 })
    expect(parseQuestion("hello")).toBeNull()
  })
})

describe("retry back-off", () => {
  it("doubles the wait between a bounded number of tries", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(MAX_ATTEMPTS).toBe(5)
  })
})
