/**
 * Amounts below a millionth of a rupee, which JavaScript writes with an exponent
 * (1e-7). With Medusa's default MEDUSA_EPSILON (0.0001) its BigNumber reads them
 * as 0; a shop that sets a smaller epsilon hands them to rupeesToPaise as they
 * are, and they must be refused as more than two decimals, never misread.
 */
let rupeesToPaise: typeof import("../money").rupeesToPaise
const before = process.env.MEDUSA_EPSILON

beforeAll(() => {
  jest.isolateModules(() => {
    // Medusa reads MEDUSA_EPSILON once, when its utilities load.
    process.env.MEDUSA_EPSILON = "0.000000000001"
    rupeesToPaise = require("../money").rupeesToPaise
  })
})

afterAll(() => {
  if (before === undefined) delete process.env.MEDUSA_EPSILON
  else process.env.MEDUSA_EPSILON = before
})

describe("rupees to paise below a millionth of a rupee", () => {
  it("refuses them as more than two decimals", () => {
    expect(() => rupeesToPaise(1e-7)).toThrow("₹1e-7 has more than two decimals; it cannot be paid in paise.")
    expect(() => rupeesToPaise(-1e-7)).toThrow("₹-1e-7 has more than two decimals; it cannot be paid in paise.")
    expect(() => rupeesToPaise(1.5e-7)).toThrow("₹1.5e-7 has more than two decimals; it cannot be paid in paise.")
    expect(() => rupeesToPaise(-2.25e-10)).toThrow("₹-2.25e-10 has more than two decimals; it cannot be paid in paise.")
  })

  it("still reads ordinary amounts", () => {
    expect(rupeesToPaise(199.99)).toBe(19999)
    expect(rupeesToPaise(0.000001 * 1e6)).toBe(100)
  })
})
