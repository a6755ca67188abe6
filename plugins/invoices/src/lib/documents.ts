import type { MedusaContainer } from "@medusajs/framework/types"
import { INVOICES_MODULE } from "../modules/invoices"
import type InvoicesModuleService from "../modules/invoices/service"
import type { NumberedDocument } from "../modules/invoices/service"
import { loadInvoiceOrder } from "./invoice-data"
import { renderInvoicePdf } from "./pdf"

export const invoicesService = (container: MedusaContainer) => container.resolve<InvoicesModuleService>(INVOICES_MODULE)

/** The order's invoice number: given when the order is placed (subscriber), or now if that has not run yet. Null for an unknown order. */
export async function ensureInvoice(container: MedusaContainer, orderId: string): Promise<NumberedDocument | null> {
  const order = await loadInvoiceOrder(container, orderId)
  if (!order) return null
  return await invoicesService(container).invoiceFor(order.id, order.total_paise, order.placed_at)
}

export type PdfFile = { filename: string; pdf: Buffer; number: string }

const fileName = (number: string) => `${number.replace(/\//g, "-")}.pdf`

/** The tax invoice PDF of an order; null for an unknown order. */
export async function invoicePdf(container: MedusaContainer, orderId: string): Promise<PdfFile | null> {
  const order = await loadInvoiceOrder(container, orderId)
  if (!order) return null
  const service = invoicesService(container)
  const invoice = await service.invoiceFor(order.id, order.total_paise, order.placed_at)
  const pdf = await renderInvoicePdf({ kind: "invoice", number: invoice.number, date: invoice.created_at, seller: service.seller, order })
  return { filename: fileName(invoice.number), pdf, number: invoice.number }
}

/** A credit note's PDF (the order's latest, or the one named by its document id); null when the order has none. */
export async function creditNotePdf(container: MedusaContainer, orderId: string, documentId?: string): Promise<PdfFile | null> {
  const service = invoicesService(container)
  const documents = await service.documentsOf(orderId)
  const notes = documents.filter((d) => d.kind === "credit_note")
  const note = documentId ? notes.find((d) => d.id === documentId) : notes[notes.length - 1]
  if (!note) return null
  const order = await loadInvoiceOrder(container, orderId)
  if (!order) return null
  const invoice = documents.find((d) => d.kind === "invoice") ?? (await service.invoiceFor(order.id, order.total_paise, order.placed_at))
  const pdf = await renderInvoicePdf({ kind: "credit_note", number: note.number, against: invoice.number, date: note.created_at, seller: service.seller, order, amount_paise: note.amount_paise })
  return { filename: fileName(note.number), pdf, number: note.number }
}
