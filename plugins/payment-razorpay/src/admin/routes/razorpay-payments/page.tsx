import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

type Action = {
  id: string
  razorpay_payment_id: string
  razorpay_order_id: string | null
  amount_paise: number
  reason: string
  detail: string
  outcome: string
  refund_id: string | null
  phone: string | null
  found_by: string
  created_at: string
}

const REASONS: Record<string, string> = {
  sold_out: "Sold out",
  late_payment: "Paid after the hold",
  checkout_replaced: "Checkout started again",
  duplicate_payment: "Paid twice",
  amount_mismatch: "Amount differs",
  could_not_complete: "Order could not be made",
  refund_failed: "Refund failed",
}

const rupees = (paise: number) => `₹${(paise / 100).toLocaleString("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/** Razorpay payments that needed action: taken, but no order could be made from them. */
const RazorpayPaymentsPage = () => {
  const [rows, setRows] = useState<Action[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    fetch("/admin/razorpay/payment-actions?limit=100", { credentials: "include" })
      .then(async (r) => {
        const body = await r.json()
        if (!r.ok) throw new Error(body?.message ?? `The list did not load (${r.status}).`)
        setRows(body.payment_actions)
      })
      .catch((e) => setProblem(e.message))
  }, [])

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Payments without an order</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Razorpay payments the shop could not turn into an order, and what was done. Refunds go back in full
          automatically; a failed refund must be made by hand in Razorpay&apos;s dashboard.
        </Text>
      </div>
      {problem && <Text className="px-6 py-4 text-ui-fg-error">{problem}</Text>}
      {rows && rows.length === 0 && <Text className="px-6 py-4">No payment has needed action.</Text>}
      {rows && rows.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>Payment</Table.HeaderCell>
              <Table.HeaderCell>Amount</Table.HeaderCell>
              <Table.HeaderCell>Why</Table.HeaderCell>
              <Table.HeaderCell>Outcome</Table.HeaderCell>
              <Table.HeaderCell>Shopper</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id} title={row.detail}>
                <Table.Cell>{new Date(row.created_at).toLocaleString("en-IN")}</Table.Cell>
                <Table.Cell className="font-mono">{row.razorpay_payment_id}</Table.Cell>
                <Table.Cell>{rupees(row.amount_paise)}</Table.Cell>
                <Table.Cell>{REASONS[row.reason] ?? row.reason}</Table.Cell>
                <Table.Cell>
                  <Badge color={row.outcome === "refunded" ? "green" : row.outcome === "refund_failed" ? "red" : "orange"}>
                    {row.outcome === "refunded" ? `Refunded${row.refund_id ? ` (${row.refund_id})` : ""}` : row.outcome === "refund_failed" ? "Refund failed: act now" : "Refunding"}
                  </Badge>
                </Table.Cell>
                <Table.Cell>{row.phone ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Razorpay payments", icon: CreditCard })

export default RazorpayPaymentsPage
