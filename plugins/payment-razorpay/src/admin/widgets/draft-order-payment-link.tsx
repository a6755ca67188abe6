import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"

type Link = { id: string; url: string; amount_paise: number; expires_at: string; status: string; sent_at: string; razorpay_payment_id?: string }

const COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = { created: "blue", paid: "green", expired: "grey", cancelled: "grey", refunded: "red" }
const WORDS: Record<string, string> = { created: "sent, not paid yet", paid: "paid", expired: "expired unpaid", cancelled: "cancelled", refunded: "paid, refunded (no order)" }

/** On a draft order (phone and WhatsApp orders): send the customer a Razorpay payment link, and see what became of it. */
const DraftOrderPaymentLinkWidget = ({ data: draft }: DetailWidgetProps<{ id: string }>) => {
  const [link, setLink] = useState<Link | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const load = useCallback(() => {
    fetch(`/admin/draft-orders/${draft.id}/payment-link`, { credentials: "include" })
      .then((r) => r.json())
      .then((body) => setLink(body.payment_link ?? null))
      .catch(() => setLink(null))
  }, [draft.id])
  useEffect(load, [load])

  const send = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const r = await fetch(`/admin/draft-orders/${draft.id}/payment-link`, { method: "POST", credentials: "include" })
      const body = await r.json()
      if (!r.ok) setMessage(body.message ?? "The link was not sent.")
      else {
        setLink(body.payment_link)
        setMessage("Sent to the customer by SMS and WhatsApp.")
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Payment link</Heading>
        {link?.status !== "paid" && (
          <Button size="small" variant="secondary" isLoading={busy} onClick={send}>
            {link?.status === "created" ? "Send a new link" : "Send payment link"}
          </Button>
        )}
      </div>
      {link ? (
        <div className="grid grid-cols-2 gap-2 px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">Status</Text>
          <div>
            <Badge size="2xsmall" color={COLOR[link.status] ?? "grey"}>{WORDS[link.status] ?? link.status}</Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">Amount</Text>
          <Text size="small">₹{(link.amount_paise / 100).toFixed(2)}</Text>
          <Text size="small" className="text-ui-fg-subtle">Link</Text>
          <Text size="small" className="break-all">{link.url}</Text>
          <Text size="small" className="text-ui-fg-subtle">Payable until</Text>
          <Text size="small">{new Date(link.expires_at).toLocaleString("en-IN")}</Text>
          {link.razorpay_payment_id && (
            <>
              <Text size="small" className="text-ui-fg-subtle">Razorpay payment</Text>
              <Text size="small">{link.razorpay_payment_id}</Text>
            </>
          )}
        </div>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No link sent yet. The customer gets one by SMS and WhatsApp for the draft's total; the sweets are held until it expires.
          </Text>
        </div>
      )}
      {message && (
        <div className="px-6 py-3">
          <Text size="small">{message}</Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "draft_order.details.side.after" })

export default DraftOrderPaymentLinkWidget
