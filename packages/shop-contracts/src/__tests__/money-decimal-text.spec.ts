/**
 * rupeesToPaise reads the decimal text of an amount, expanding exponent
 * notation itself ("1.5e1" is 15) so no float multiplication happens. Medusa's
 * BigNumber only ever hands it a JavaScript number's text, in which exponents
 * appear only for amounts of 10^21 and more or below a millionth (both refused:
 * money-edges.spec.ts, money-tiny-amounts.spec.ts). Here the text is handed
 * over as given, so the expansion itself is checked for every place the
 * decimal point can land.
 */
import { rupeesToPaise } from "../money"

describe("decimal text with an exponent", () => {
  it.each([
    ["1.5e1", 1500], // the point lands at the end of the digits
    ["1.5e2", 15000], // past them: zeros follow
    ["1.2345e2", 12345], // among them
    ["12.5e0", 1250],
    ["5e-1", 50], // before them
    ["5e-2", 5],
    ["2.5E1", 2500],
    ["-1.5e1", -1500],
    ["-1.2345e2", -12345],
    ["-5e-2", -5],
  ])("reads ₹%s as %p paise", (text, paise) => {
    expect(rupeesToPaise(text)).toBe(paise)
  })

  it("refuses more than two decimals once expanded", () => {
    expect(() => rupeesToPaise("1.2345e1")).toThrow("₹1.2345e1 has more than two decimals; it cannot be paid in paise.")
    expect(() => rupeesToPaise("5e-3")).toThrow("₹5e-3 has more than two decimals; it cannot be paid in paise.")
  })

  it("reads trailing zeros of the decimals as nothing", () => {
    expect(rupeesToPaise("12.5000")).toBe(1250)
    expect(rupeesToPaise("12.000")).toBe(1200)
    expect(rupeesToPaise("1.50e1")).toBe(1500)
  })

  it("refuses text that is not all an amount", () => {
    for (const text of ["12.5x", "x12.5", " 12.5", "12.5 ", "1-2e3", "--1e1", "12."]) {
      expect(() => rupeesToPaise(text)).toThrow(`Not an amount of rupees: ${text}`)
    }
  })
})
