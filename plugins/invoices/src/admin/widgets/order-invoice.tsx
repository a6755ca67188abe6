import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

type Doc = { id: string; kind: "invoice" | "credit_note"; number: string; amount_paise: number }

const rupees = (paise: number) => `₹${(paise / 100).toLocaleString("en-IN", { minimumFractionDigits: 2 })}`

/** "GST invoice" on each order: the invoice number and PDF, and each credit note's. */
const OrderInvoiceWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [docs, setDocs] = useState<Doc[] | null>(null)
  useEffect(() => {
    fetch(`/admin/orders/${order.id}/invoices`, { credentials: "include" })
      .then((r) => (r.ok ? r.json() : { documents: [] }))
      .then((body) => setDocs(body.documents ?? []))
      .catch(() => setDocs([]))
  }, [order.id])
  const invoice = docs?.find((d) => d.kind === "invoice")
  const notes = docs?.filter((d) => d.kind === "credit_note") ?? []
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">GST invoice</Heading>
        <Button size="small" variant="secondary" asChild>
          <a href={`/admin/orders/${order.id}/invoice.pdf`} target="_blank" rel="noreferrer">
            Invoice PDF
          </a>
        </Button>
      </div>
      <div className="px-6 py-4">
        <Text size="small">{invoice ? `Invoice ${invoice.number}` : docs === null ? "Loading…" : "The number is given when the PDF is first opened."}</Text>
        {notes.map((note) => (
          <Text size="small" key={note.id}>
            Credit note {note.number} ({rupees(note.amount_paise)}){" "}
            <a className="text-ui-fg-interactive" href={`/admin/orders/${order.id}/credit-note.pdf?document=${note.id}`} target="_blank" rel="noreferrer">
              PDF
            </a>
          </Text>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderInvoiceWidget
