import { lookupSchema } from "../inputs"

describe("the tracking lookup's order number", () => {
  it.each([
    ["#13", 13],
    ["13", 13],
    [" SS-13 ", 13],
    ["Order #13", 13],
    [13, 13],
  ])("reads %p as order %p", (typed, number) => {
    const parsed = lookupSchema.safeParse({ order_number: typed, phone: "98765 43210" })
    expect(parsed.success && parsed.data.order_number).toBe(number)
  })

  it.each(["+91 98765 43210", "098765-43210", "(+91) 98765 43210", "919876543210"])("reads the phone %p as its ten digits", (phone) => {
    const parsed = lookupSchema.safeParse({ order_number: "#13", phone })
    expect(parsed.success && parsed.data.phone).toBe("9876543210")
  })

  it.each(["#", "SS-", "13 14", "thirteen", "0", -4])("refuses %p with the sentence about the number", (typed) => {
    const parsed = lookupSchema.safeParse({ order_number: typed, phone: "9876543210" })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(parsed.error.issues[0].message).toMatch(/order_number/)
  })
})
