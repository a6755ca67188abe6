import { idempotencyKeyOf, pincodeOf, readCheckoutForm, splitName, validateCheckout, type CheckoutFields } from "../checkout-form"

const now = new Date("2026-11-25T06:00:00+05:30")
const good: CheckoutFields = {
  fullName: "Priya Sharma",
  phone: "98765 43210",
  email: "",
  address: "221 Lajpat Nagar",
  landmark: "",
  city: "New Delhi",
  state: "Delhi",
  pincode: "110024",
  fulfilment: "delivery",
  deliveryDate: "2026-11-25",
  slot: "evening",
  giftMessage: "",
  payment: "cod",
}

describe("Indian mobiles (the contracts' rule, as the backend applies it)", () => {
  it.each(["98765 43210", "+91-98765-43210", "098765 43210", "919876543210", "(+91) 98765 43210"])("accepts %s", (phone) => {
    expect(validateCheckout({ ...good, phone }, now).phone).toBeUndefined()
  })

  it.each(["12345 67890", "98765", "987654321", "+44 7911 123456", "98765-4321x", ""])("refuses %p with the backend's sentence", (phone) => {
    expect(validateCheckout({ ...good, phone }, now).phone).toBe("Please give a 10-digit Indian mobile number, for example 98765 43210, so we can send you order updates.")
  })
})

describe("checkout form", () => {
  it("a complete delivery form has no errors", () => {
    expect(validateCheckout(good, now)).toEqual({})
  })

  it("names every missing or wrong field in a sentence", () => {
    const errors = validateCheckout({ ...good, fullName: "", phone: "12345", address: "", city: "", state: "", pincode: "40001", email: "priya@" }, now)
    expect(Object.keys(errors).sort()).toEqual(["address", "city", "email", "fullName", "phone", "pincode", "state"])
    expect(errors.pincode).toBe("Please enter a 6-digit pincode, for example 110024.")
  })

  it("takes a pincode typed with a space and never cuts a longer one", () => {
    expect(validateCheckout({ ...good, pincode: "110 024" }, now)).toEqual({})
    expect(pincodeOf({ pincode: "110 024" })).toBe("110024")
    expect(validateCheckout({ ...good, pincode: "1100245" }, now).pincode).toBe("Please enter a 6-digit pincode, for example 110024.")
    expect(pincodeOf({ pincode: "1100245" })).toBe("1100245")
  })

  it("takes an optional landmark of a sensible length", () => {
    expect(validateCheckout({ ...good, landmark: "Near the Sai temple" }, now)).toEqual({})
    expect(validateCheckout({ ...good, landmark: "x".repeat(101) }, now).landmark).toMatch(/100 characters/)
  })

  it("sends only an Idempotency-Key that is a UUID", () => {
    expect(idempotencyKeyOf("3b241101-e2bb-4255-8caf-4136c566a962")).toBe("3b241101-e2bb-4255-8caf-4136c566a962")
    expect(idempotencyKeyOf("not-a-key")).toBeNull()
    expect(idempotencyKeyOf(null)).toBeNull()
  })

  it("pickup needs no address", () => {
    expect(validateCheckout({ ...good, fulfilment: "pickup", address: "", city: "", state: "", pincode: "" }, now)).toEqual({})
  })

  it("asks for a day and slot (their cut-offs are the backend's to judge) and refuses an overlong gift message", () => {
    const errors = validateCheckout({ ...good, slot: "", giftMessage: "x".repeat(201) }, new Date("2026-11-25T08:00:00+05:30"))
    expect(errors.slot).toBe("Please choose a delivery day and slot.")
    expect(validateCheckout({ ...good, deliveryDate: "2026-11-24" }, new Date("2026-11-25T08:00:00+05:30")).slot).toMatch(/has passed/)
    // Pickup asks for the day only.
    expect(validateCheckout({ ...good, fulfilment: "pickup", slot: "" }, new Date("2026-11-25T08:00:00+05:30")).slot).toBeUndefined()
    expect(validateCheckout({ ...good, fulfilment: "pickup", slot: "", deliveryDate: "" }, new Date("2026-11-25T08:00:00+05:30")).slot).toBe("Please choose a pickup day.")
    expect(errors.giftMessage).toMatch(/200 characters/)
  })

  it("reads a posted form, trimming and defaulting", () => {
    const form = new FormData()
    form.set("fullName", "  Priya Sharma ")
    form.set("fulfilment", "something else")
    form.set("landmark", " Near the Sai temple ")
    const fields = readCheckoutForm(form)
    expect(fields.fullName).toBe("Priya Sharma")
    expect(fields.fulfilment).toBe("delivery")
    expect(fields.landmark).toBe("Near the Sai temple")
    expect(fields.phone).toBe("")
    expect(fields.payment).toBe("cod")
    form.set("payment", "razorpay")
    expect(readCheckoutForm(form).payment).toBe("razorpay")
  })

  it("splits a name for the address", () => {
    expect(splitName("Priya Sharma")).toEqual({ firstName: "Priya", lastName: "Sharma" })
    expect(splitName("  Madhu  ")).toEqual({ firstName: "Madhu", lastName: "" })
    expect(splitName("Anil Kumar Verma")).toEqual({ firstName: "Anil", lastName: "Kumar Verma" })
  })
})
