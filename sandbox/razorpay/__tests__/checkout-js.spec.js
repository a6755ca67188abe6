// The stand-in checkout.js lists the payment methods in the order checkout options' config.display asks
// (Razorpay's "Configure payment methods": blocks, sequence, preferences.show_default_blocks).
const { checkoutScript, displayedMethods } = require("../checkout-js")

describe("the stand-in checkout.js: payment methods in config.display's order", () => {
  it("follows a display config in Razorpay's documented shape: the sequence's blocks first, then the defaults", () => {
    const options = {
      key: "rzp_test_sandbox",
      order_id: "order_x",
      config: {
        display: {
          blocks: { banks: { name: "Pay using netbanking", instruments: [{ method: "netbanking" }] } },
          sequence: ["block.banks"],
          preferences: { show_default_blocks: true },
        },
      },
    }
    expect(displayedMethods(options).map((m) => m.method)).toEqual(["netbanking", "upi", "card", "wallet"])
    expect(displayedMethods({ key: "k", order_id: "o" }).map((m) => m.method)).toEqual(["upi", "card", "netbanking", "wallet"])
  })

  it("shows the shop's checkout (UPI first: intent on a phone, QR on a desktop; then cards, netbanking, wallets) and nothing more", () => {
    const { razorpayCheckoutConfig } = require("@sweetshop/shop-contracts")
    const phone = displayedMethods({ config: razorpayCheckoutConfig("phone") })
    expect(phone.map((m) => [m.method, m.flows.join(" ")])).toEqual([["upi", "intent"], ["card", ""], ["netbanking", ""], ["wallet", ""]])
    const desktop = displayedMethods({ config: razorpayCheckoutConfig("desktop") })
    expect(desktop[0]).toMatchObject({ method: "upi", flows: ["qr"] })
    expect(desktop).toHaveLength(4)
  })

  it("serves a script that parses and carries the same ordering", () => {
    const script = checkoutScript()
    expect(() => new Function(script)).not.toThrow()
    expect(script).toContain("function displayedMethods(options)")
    expect(script).toContain('data-field="methods"')
  })
})
