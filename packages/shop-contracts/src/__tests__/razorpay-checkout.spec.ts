import { checkoutDevice, razorpayCheckoutConfig } from "../index"

describe("Razorpay checkout: UPI first", () => {
  it("opens on a phone with UPI by intent (the phone's UPI apps), then cards, netbanking, wallets, and nothing else", () => {
    const { display } = razorpayCheckoutConfig("phone")
    expect(display.sequence).toEqual(["block.upi", "block.cards", "block.netbanking", "block.wallets"])
    expect(display.blocks.upi.instruments).toEqual([{ method: "upi", flows: ["intent"] }])
    expect(display.blocks.cards.instruments).toEqual([{ method: "card" }])
    expect(display.blocks.netbanking.instruments).toEqual([{ method: "netbanking" }])
    expect(display.blocks.wallets.instruments).toEqual([{ method: "wallet" }])
    expect(display.preferences.show_default_blocks).toBe(false)
    // Every block named in the sequence exists.
    for (const entry of display.sequence) expect(display.blocks).toHaveProperty(entry.replace(/^block\./, ""))
  })

  it("opens on a desktop with UPI by QR code, never UPI Collect", () => {
    const { display } = razorpayCheckoutConfig("desktop")
    expect(display.sequence[0]).toBe("block.upi")
    expect(display.blocks.upi.instruments).toEqual([{ method: "upi", flows: ["qr"] }])
    expect(JSON.stringify(razorpayCheckoutConfig("phone")) + JSON.stringify(display)).not.toContain("collect")
  })

  it("tells a phone from a desktop", () => {
    expect(checkoutDevice("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")).toBe("phone")
    expect(checkoutDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148")).toBe("phone")
    expect(checkoutDevice("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36")).toBe("desktop")
    expect(checkoutDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", true)).toBe("desktop")
    expect(checkoutDevice("SomeTablet/1.0", true)).toBe("phone")
  })
})
