import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { DRAFT_ORDER_CHANGED_EVENT, formatPaise } from "@sweetshop/shop-contracts"
import { type ReactNode, useCallback, useEffect, useState } from "react"
import { Link } from "react-router-dom"

type PaymentLink = {
  id: string
  url: string
  amount_paise: number
  expires_at: string
  status: string
  sent_at: string
  razorpay_payment_id?: string
  order_id?: string
  paid_at?: string
}

const COLOR: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = { created: "blue", paid: "green", expired: "grey", cancelled: "grey", refunded: "red" }
const WORDS: Record<string, string> = { created: "Sent, not paid yet", paid: "Paid", expired: "Expired unpaid", cancelled: "Cancelled", refunded: "Paid, refunded (no order)" }
/** While a link is out, how often the widget asks again: the customer pays on their phone, and the draft becomes an order. */
const POLL_MS = 5_000

const indiaTime = (at: string) =>
  new Date(at).toLocaleString("en-IN", { timeZone: "Asia/Kolkata", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" })

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="min-w-0">{children}</div>
  </>
)

/**
 * Copies the link, for staff who send it in a chat themselves. Not @medusajs/ui's Copy: its tooltip
 * needs the admin's TooltipProvider, which a plugin's bundled copy of the UI library does not see.
 */
const CopyButton = ({ text }: { text: string }) => {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2_000)
    return () => clearTimeout(timer)
  }, [copied])
  return (
    <Button size="small" variant="transparent" className="shrink-0" onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true), () => undefined)}>
      {copied ? "Copied" : "Copy"}
    </Button>
  )
}

/** On a draft order (phone and WhatsApp orders): send the customer a Razorpay payment link, and see what became of it. */
const DraftOrderPaymentLinkWidget = ({ data: draft }: DetailWidgetProps<{ id: string }>) => {
  // undefined until the first answer (so "no link yet" is not shown for a draft that has one).
  const [link, setLink] = useState<PaymentLink | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  const load = useCallback(() => {
    fetch(`/admin/draft-orders/${draft.id}/payment-link`, { credentials: "include" })
      .then(async (r) => {
        const body = await r.json().catch(() => ({}))
        if (!r.ok) throw new Error(body.message ?? `The shop answered ${r.status}.`)
        setLink(body.payment_link ?? null)
      })
      .catch((e: Error) => setMessage({ text: e.message, error: true }))
  }, [draft.id])
  useEffect(load, [load])
  useEffect(() => {
    if (link?.status !== "created") return
    const timer = setInterval(load, POLL_MS)
    return () => clearInterval(timer)
  }, [link?.status, load])

  const send = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const r = await fetch(`/admin/draft-orders/${draft.id}/payment-link`, { method: "POST", credentials: "include" })
      const body = await r.json().catch(() => ({}))
      if (!r.ok) setMessage({ text: body.message ?? `The link was not sent (the shop answered ${r.status}).`, error: true })
      else {
        setLink(body.payment_link)
        setMessage({ text: "Sent to the customer by SMS and WhatsApp.", error: false })
        // Sending booked the draft's delivery place: the Delivery day card shows it.
        window.dispatchEvent(new CustomEvent(DRAFT_ORDER_CHANGED_EVENT, { detail: { draft_order_id: draft.id } }))
      }
    } catch {
      setMessage({ text: "The shop did not answer; the link may not have been sent. Please try again.", error: true })
    } finally {
      setBusy(false)
    }
  }

  const paid = link?.status === "paid"
  return (
    <Container className="divide-y p-0" data-testid="draft-order-payment-link">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2">Payment link</Heading>
        {link !== undefined && !paid && (
          <Button size="small" variant="secondary" isLoading={busy} onClick={send}>
            {link?.status === "created" ? "Send a new link" : "Send payment link"}
          </Button>
        )}
      </div>
      {link === undefined ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
        </div>
      ) : link ? (
        <div className="grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-3 px-6 py-4">
          <Row label="Status">
            <Badge size="2xsmall" color={COLOR[link.status] ?? "grey"}>
              {WORDS[link.status] ?? link.status}
            </Badge>
          </Row>
          <Row label="Amount">
            <Text size="small" leading="compact">{formatPaise(link.amount_paise, { paise: "always" })}</Text>
          </Row>
          <Row label="Link">
            <div className="flex items-center gap-x-1">
              <a href={link.url} target="_blank" rel="noreferrer" className="txt-compact-small text-ui-fg-interactive break-all hover:underline">
                {link.url}
              </a>
              <CopyButton text={link.url} />
            </div>
          </Row>
          <Row label="Sent at">
            <Text size="small" leading="compact">{indiaTime(link.sent_at)}</Text>
          </Row>
          {paid ? (
            <>
              {link.paid_at && (
                <Row label="Paid at">
                  <Text size="small" leading="compact">{indiaTime(link.paid_at)}</Text>
                </Row>
              )}
              {link.razorpay_payment_id && (
                <Row label="Razorpay payment">
                  <Text size="small" leading="compact" className="break-all">{link.razorpay_payment_id}</Text>
                </Row>
              )}
            </>
          ) : (
            link.status === "created" && (
              <Row label="Payable until">
                <Text size="small" leading="compact">{indiaTime(link.expires_at)}</Text>
              </Row>
            )
          )}
        </div>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No link sent yet. The customer gets one by SMS and WhatsApp for the draft's total; the sweets are held until it expires.
          </Text>
        </div>
      )}
      {paid && link?.order_id && (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Text size="small">The customer paid: this draft is now an order.</Text>
          <Link to={`/orders/${link.order_id}`} className="txt-compact-small-plus text-ui-fg-interactive shrink-0 hover:underline">
            Open the order
          </Link>
        </div>
      )}
      {message && !(paid && !message.error) && (
        <div className="px-6 py-3">
          <Text size="small" className={message.error ? "text-ui-fg-error" : undefined}>
            {message.text}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "draft_order.details.side.after" })

export default DraftOrderPaymentLinkWidget
