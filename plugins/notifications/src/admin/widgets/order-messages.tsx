import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"

type Attempt = { attempt: number; outcome: string; error: string | null; at: string }
type Message = {
  id: string
  channel: string
  template: string
  to: string
  text: string | null
  state: "queued" | "sent" | "delivered" | "failed"
  delivery_status: string | null
  created_at: string
  attempts: Attempt[]
}

const STATE_COLOR = { queued: "grey", sent: "blue", delivered: "green", failed: "red" } as const

/** On an order: the SMS and WhatsApp messages sent about it, their state and tries, and a resend button. */
const OrderMessagesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [messages, setMessages] = useState<Message[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(() => {
    fetch(`/admin/orders/${order.id}/messages`, { credentials: "include" })
      .then((r) => r.json())
      .then((body) => setMessages(body.messages ?? []))
      .catch(() => setMessages([]))
  }, [order.id])

  useEffect(load, [load])

  async function resend(id: string) {
    setBusy(id)
    try {
      const response = await fetch(`/admin/orders/${order.id}/messages/resend`, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ notification_id: id }),
      })
      const body = await response.json().catch(() => ({}))
      if (response.ok) toast.success("Message sent again")
      else toast.error(`Not sent: ${body.error ?? body.message ?? response.status}`)
    } finally {
      setBusy(null)
      load()
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Messages to the customer</Heading>
        <Button size="small" variant="transparent" onClick={load}>
          Refresh
        </Button>
      </div>
      {messages === null ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : messages.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">No message sent about this order yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Message</Table.HeaderCell>
              <Table.HeaderCell>Channel</Table.HeaderCell>
              <Table.HeaderCell>State</Table.HeaderCell>
              <Table.HeaderCell>Tries</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {messages.map((m) => {
              const last = m.attempts[m.attempts.length - 1]
              return (
                <Table.Row key={m.id}>
                  <Table.Cell className="max-w-md whitespace-normal break-all py-2">
                    <Text size="small" weight="plus">{m.template}</Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">{m.text}</Text>
                    <Text size="xsmall" className="text-ui-fg-muted">
                      to {m.to}, {new Date(m.created_at).toLocaleString("en-IN")}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>{m.channel === "whatsapp" ? "WhatsApp" : m.channel.toUpperCase()}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={STATE_COLOR[m.state]}>
                      {m.state}
                      {m.delivery_status === "read" ? " (read)" : ""}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell title={last?.error ?? undefined}>
                    {m.attempts.length}
                    {last?.error ? " ⚠" : ""}
                  </Table.Cell>
                  <Table.Cell>
                    <Button size="small" variant="secondary" isLoading={busy === m.id} onClick={() => resend(m.id)}>
                      Resend
                    </Button>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderMessagesWidget
