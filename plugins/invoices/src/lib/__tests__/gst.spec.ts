import { documentNumber, financialYear, numberInWords, paiseInWords, taxableOf, taxBill } from "../gst"

const line = (total: number, description = "Kaju Katli 500 g") => ({ description, hsn: "2106", quantity: 1, total_paise: total })

describe("GST on tax-inclusive prices", () => {
  it("splits ₹105 into ₹100 taxable and ₹5 tax, CGST+SGST in the state, IGST across", () => {
    const intra = taxBill([line(10500)], true)
    expect(intra.lines[0]).toMatchObject({ taxable_paise: 10000, cgst_paise: 250, sgst_paise: 250, igst_paise: 0 })
    const inter = taxBill([line(10500)], false)
    expect(inter.lines[0]).toMatchObject({ taxable_paise: 10000, cgst_paise: 0, sgst_paise: 0, igst_paise: 500 })
  })

  it("makes the lines add up to the total and the taxable value to the bill's, whatever the rounding", () => {
    const totals = [45000, 6000, 29900, 99, 1, 33333, 0, 12345]
    for (const intra of [true, false]) {
      const bill = taxBill(totals.map((t, i) => line(t, `line ${i}`)), intra)
      const sum = totals.reduce((a, b) => a + b, 0)
      expect(bill.total_paise).toBe(sum)
      expect(bill.taxable_paise).toBe(taxableOf(sum))
      expect(bill.taxable_paise + bill.cgst_paise + bill.sgst_paise + bill.igst_paise).toBe(sum)
      for (const l of bill.lines) expect(l.taxable_paise + l.cgst_paise + l.sgst_paise + l.igst_paise).toBe(l.total_paise)
    }
  })

  it("rounds the bill's taxable value half up to the paisa", () => {
    expect(taxableOf(10500)).toBe(10000)
    expect(taxableOf(100)).toBe(95) // 95.238…
    expect(taxableOf(21)).toBe(20)
    expect(taxableOf(0)).toBe(0)
    expect(() => taxableOf(1.5)).toThrow()
  })
})

describe("amounts in words, Indian numbering", () => {
  it("writes lakh and crore", () => {
    expect(numberInWords(0)).toBe("Zero")
    expect(numberInWords(15)).toBe("Fifteen")
    expect(numberInWords(1260)).toBe("One Thousand Two Hundred Sixty")
    expect(numberInWords(1_250_000)).toBe("Twelve Lakh Fifty Thousand")
    expect(numberInWords(123_456_789)).toBe("Twelve Crore Thirty Four Lakh Fifty Six Thousand Seven Hundred Eighty Nine")
    expect(paiseInWords(126050)).toBe("Rupees One Thousand Two Hundred Sixty and Fifty Paise Only")
    expect(paiseInWords(100000)).toBe("Rupees One Thousand Only")
  })
})

describe("numbers per financial year", () => {
  it("starts the year on 1 April in India", () => {
    expect(financialYear(new Date("2026-03-31T18:29:59Z"))).toBe("2025-26")
    expect(financialYear(new Date("2026-03-31T18:30:00Z"))).toBe("2026-27")
    expect(financialYear(new Date("2027-01-15T10:00:00Z"))).toBe("2026-27")
    expect(documentNumber("invoice", "2026-27", 123)).toBe("SS/2026-27/000123")
    expect(documentNumber("credit_note", "2026-27", 1)).toBe("SS/CN/2026-27/000001")
  })
})
