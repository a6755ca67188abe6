import { sellerFrom } from "../../modules/invoices/service"
import type { InvoiceOrder } from "../invoice-data"
import { renderInvoicePdf } from "../pdf"
import { pdfTextLines } from "../pdf-text"

const seller = sellerFrom({ gstin: "07AABCS1234Q1Z5", legal_name: "Sweet Shop Foods Pvt Ltd", address: "12 Chandni Chowk, Delhi 110006", state: "Delhi (07)", fssai_licence: "13324999000123" })

const order = (province: string): InvoiceOrder => ({
  id: "order_1",
  display_id: 7,
  placed_at: new Date("2026-11-30T08:00:00Z"),
  total_paise: 126000,
  buyer: { name: "Priya Sharma", address_lines: ["221 Lajpat Nagar", "New Delhi 110024"], state: province, state_code: province === "Delhi" ? "07" : "09", phone: null },
  lines: [
    { description: "Kaju Katli, 500 g", hsn: "2106", quantity: 2, total_paise: 120000 },
    { description: "Delivery (Home delivery)", hsn: "9968", quantity: 1, total_paise: 6000 },
  ],
})

describe("the invoice PDF", () => {
  it("prints CGST and SGST in the shop's state, with the seller, buyer, HSN and totals in words", async () => {
    const text = pdfTextLines(await renderInvoicePdf({ kind: "invoice", number: "SS/2026-27/000001", date: new Date(), seller, order: order("Delhi") })).join("\n")
    expect(text).toContain("TAX INVOICE")
    expect(text).toContain("GSTIN: 07AABCS1234Q1Z5")
    expect(text).toContain("FSSAI licence no.: 13324999000123")
    expect(text).toContain("Invoice no.: SS/2026-27/000001")
    expect(text).toContain("Priya Sharma")
    expect(text).toContain("2106")
    expect(text).toContain("CGST @ 2.5%: Rs. 30.00")
    expect(text).toContain("SGST @ 2.5%: Rs. 30.00")
    expect(text).toContain("Taxable value: Rs. 1,200.00")
    expect(text).toContain("Invoice total: Rs. 1,260.00")
    expect(text).toContain("In words: Rupees One Thousand Two Hundred Sixty Only")
    expect(text).not.toContain("IGST")
  })

  it("prints IGST for another state", async () => {
    const text = pdfTextLines(await renderInvoicePdf({ kind: "invoice", number: "SS/2026-27/000002", date: new Date(), seller, order: order("Uttar Pradesh") })).join("\n")
    expect(text).toContain("Place of supply: Uttar Pradesh (code 09)")
    expect(text).toContain("IGST @ 5%: Rs. 60.00")
    expect(text).not.toContain("CGST")
  })
})

describe("the seller's settings", () => {
  it("refuses a GSTIN of another state and a state code that does not match, in a sentence", () => {
    expect(() => sellerFrom({ gstin: "09AABCS1234Q1Z5", legal_name: "x", address: "x", state: "Delhi", fssai_licence: "1" })).toThrow(/belongs to state 09, not to Delhi/)
    expect(() => sellerFrom({ gstin: "07AABCS1234Q1Z5", legal_name: "x", address: "x", state: "Delhi (09)", fssai_licence: "1" })).toThrow(/its code is 07/)
    expect(() => sellerFrom({ gstin: "07AABCS1234Q1Z5", legal_name: "x", address: "x", state: "Atlantis", fssai_licence: "1" })).toThrow(/not an Indian state/)
  })
})
