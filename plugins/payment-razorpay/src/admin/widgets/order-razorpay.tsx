import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { RAZORPAY_PROVIDER_ID } from "@sweetshop/shop-contracts"

type Payment = { id: string; provider_id: string; amount: number; data: Record<string, any> | null; captured_at: string | null }

/** On an order paid through Razorpay: the Razorpay order and payment ids, its state and refunds. */
const OrderRazorpayWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [payments, setPayments] = useState<Payment[] | null>(null)

  useEffect(() => {
    fetch(`/admin/orders/${order.id}?fields=id,*payment_collections.payments`, { credentials: "include" })
      .then((r) => r.json())
      .then((body) =>
        setPayments(
          (body.order?.payment_collections ?? [])
            .flatMap((c: any) => c.payments ?? [])
            .filter((p: Payment) => p.provider_id === RAZORPAY_PROVIDER_ID)
        )
      )
      .catch(() => setPayments([]))
  }, [order.id])

  if (!payments?.length) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Razorpay</Heading>
      </div>
      {payments.map((p) => (
        <div key={p.id} className="grid grid-cols-2 gap-2 px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">Payment</Text>
          <Text size="small">{p.data?.razorpay_payment_id ?? "—"}</Text>
          <Text size="small" className="text-ui-fg-subtle">Razorpay order</Text>
          <Text size="small">{p.data?.razorpay_order_id ?? "—"}</Text>
          <Text size="small" className="text-ui-fg-subtle">State</Text>
          <div>
            <Badge size="2xsmall" color={p.captured_at ? "green" : "orange"}>
              {p.data?.razorpay_payment_status ?? (p.captured_at ? "captured" : "authorized")}
            </Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">Refunds</Text>
          <Text size="small">
            {(p.data?.refunds ?? []).length
              ? p.data!.refunds.map((r: any) => `₹${(r.amount_paise / 100).toFixed(2)} (${r.id})`).join(", ")
              : "none"}
          </Text>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderRazorpayWidget
