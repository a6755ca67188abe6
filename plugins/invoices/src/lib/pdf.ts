import PDFDocument from "pdfkit"
import { formatPaise } from "@sweetshop/shop-contracts"
import type { Seller } from "../modules/invoices/service"
import { paiseInWords, taxBill, type BillLine, type TaxedBill } from "./gst"
import type { InvoiceOrder } from "./invoice-data"

export type InvoicePdfInput = {
  kind: "invoice" | "credit_note"
  number: string
  /** The invoice a credit note corrects. */
  against?: string | null
  date: Date
  seller: Seller
  order: InvoiceOrder
  /** A credit note's refunded amount (paise); an invoice bills the order's lines. */
  amount_paise?: number
}

/** The place of supply: the delivery address's state; the shop's own when the address names none (store pickup). */
export function placeOfSupply(seller: Seller, order: InvoiceOrder): { name: string; code: string; intra_state: boolean } {
  const code = order.buyer.state_code ?? seller.state_code
  const name = order.buyer.state_code ? (order.buyer.state as string) : seller.state
  return { name, code, intra_state: code === seller.state_code }
}

/** The invoice's (or credit note's) lines and taxes. A credit note refunds one amount of the order's supply. */
export function billOf(input: InvoicePdfInput): TaxedBill {
  const { intra_state } = placeOfSupply(input.seller, input.order)
  if (input.kind === "invoice") return taxBill(input.order.lines, intra_state)
  const line: BillLine = {
    description: `Refund against invoice ${input.against ?? ""} (order #${input.order.display_id})`.replace("invoice  (", "order ("),
    hsn: input.order.lines[0]?.hsn ?? "2106",
    quantity: 1,
    total_paise: input.amount_paise ?? 0,
  }
  return taxBill([line], intra_state)
}

const rs = (paise: number) => `Rs. ${formatPaise(paise, { paise: "always" }).replace(/^₹/, "")}`
const indiaDate = (at: Date) =>
  new Intl.DateTimeFormat("en-IN", { timeZone: "Asia/Kolkata", day: "2-digit", month: "short", year: "numeric" }).format(at)

/**
 * The PDF (A4, Helvetica, uncompressed so its text can be read back by a test). Rupees are
 * written "Rs." because the PDF's standard fonts have no ₹ glyph.
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const bill = billOf(input)
  const supply = placeOfSupply(input.seller, input.order)
  const doc = new PDFDocument({ size: "A4", margin: 40, compress: false, info: { Title: `${input.kind === "invoice" ? "Tax invoice" : "Credit note"} ${input.number}` } })
  const chunks: Buffer[] = []
  doc.on("data", (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
  const { seller, order } = input
  const left = 40
  const width = doc.page.width - 80

  doc.font("Helvetica-Bold").fontSize(16).text(input.kind === "invoice" ? "TAX INVOICE" : "CREDIT NOTE", left, 40, { align: "center", width })
  doc.moveDown(0.5)
  doc.font("Helvetica-Bold").fontSize(11).text(seller.legal_name)
  doc.font("Helvetica").fontSize(9)
  doc.text(seller.address)
  doc.text(`State: ${seller.state} (code ${seller.state_code})`)
  doc.text(`GSTIN: ${seller.gstin}`)
  doc.text(`FSSAI licence no.: ${seller.fssai_licence}`)
  doc.moveDown(0.6)
  doc.font("Helvetica-Bold").text(`${input.kind === "invoice" ? "Invoice" : "Credit note"} no.: ${input.number}`)
  doc.font("Helvetica").text(`Date: ${indiaDate(input.date)}`)
  if (input.kind === "credit_note" && input.against) doc.text(`Against invoice: ${input.against}`)
  doc.text(`Order: #${order.display_id} of ${indiaDate(order.placed_at)}`)
  doc.text(`Place of supply: ${supply.name} (code ${supply.code})`)
  doc.moveDown(0.6)
  doc.font("Helvetica-Bold").text("Billed and delivered to")
  doc.font("Helvetica").text(order.buyer.name)
  for (const line of order.buyer.address_lines) doc.text(line)
  doc.text(`State: ${order.buyer.state ?? supply.name}${order.buyer.state_code ? ` (code ${order.buyer.state_code})` : ""}`)
  doc.moveDown(0.8)

  // The table: description, HSN, qty, taxable value, then CGST + SGST or IGST, then the line's total.
  const taxColumns = bill.intra_state ? [`CGST ${bill.rate_percent / 2}%`, `SGST ${bill.rate_percent / 2}%`] : [`IGST ${bill.rate_percent}%`]
  const headers = ["Description", "HSN/SAC", "Qty", "Taxable value", ...taxColumns, "Total"]
  const widths = bill.intra_state ? [165, 50, 30, 70, 60, 60, 80] : [185, 55, 35, 80, 80, 80]
  const row = (cells: string[], bold = false) => {
    const y = doc.y
    let x = left
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8.5)
    let height = 0
    cells.forEach((cell, index) => {
      const options = { width: widths[index] - 4, align: index >= 2 ? ("right" as const) : ("left" as const) }
      height = Math.max(height, doc.heightOfString(cell, options))
      doc.text(cell, x, y, options)
      x += widths[index]
    })
    doc.x = left
    doc.y = y + height + 4
  }
  row(headers, true)
  doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).stroke()
  for (const line of bill.lines) {
    const taxes = bill.intra_state ? [rs(line.cgst_paise), rs(line.sgst_paise)] : [rs(line.igst_paise)]
    row([line.description, line.hsn, String(line.quantity), rs(line.taxable_paise), ...taxes, rs(line.total_paise)])
  }
  doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).stroke()
  const totalTaxes = bill.intra_state ? [rs(bill.cgst_paise), rs(bill.sgst_paise)] : [rs(bill.igst_paise)]
  row(["Total", "", "", rs(bill.taxable_paise), ...totalTaxes, rs(bill.total_paise)], true)
  doc.moveDown(0.8)

  doc.font("Helvetica").fontSize(9)
  doc.text(`Taxable value: ${rs(bill.taxable_paise)}`)
  if (bill.intra_state) {
    doc.text(`CGST @ ${bill.rate_percent / 2}%: ${rs(bill.cgst_paise)}`)
    doc.text(`SGST @ ${bill.rate_percent / 2}%: ${rs(bill.sgst_paise)}`)
  } else {
    doc.text(`IGST @ ${bill.rate_percent}%: ${rs(bill.igst_paise)}`)
  }
  doc.font("Helvetica-Bold").fontSize(11).text(`${input.kind === "invoice" ? "Invoice total" : "Credit total"}: ${rs(bill.total_paise)}`)
  doc.font("Helvetica").fontSize(9).text(`In words: ${paiseInWords(bill.total_paise)}`)
  doc.moveDown(0.8)
  doc.fontSize(8).fillColor("#555555")
  doc.text("Prices include GST. Tax is not payable on reverse charge.")
  doc.text(`For ${seller.legal_name}: this is a computer-generated ${input.kind === "invoice" ? "invoice" : "credit note"} and needs no signature.`)
  doc.end()
  return await done
}
