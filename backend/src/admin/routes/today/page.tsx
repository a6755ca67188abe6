import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { Link } from "react-router-dom"

type Report = {
  generated_at: string
  today: { orders: number; revenue: number }
  week: { orders: number; revenue: number }
  currency_code: string
  orders_per_hour: number[]
  failed_messages: { count: number; latest: { id: string; channel: string; template: string; order_id: string | null; at: string }[] }
  low_pools: { product_id: string; title: string; available_units: number; threshold_units: number; unit: string }[]
}
type PaymentAction = { id: string; razorpay_payment_id: string; amount_paise: number; reason: string; outcome: string; detail: string | null; created_at: string }

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: "include" })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.message ?? `The shop answered ${response.status}.`)
  return body as T
}

const rupees = (amount: number) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(amount)
const units = (n: number, unit: string) => (unit === "grams" ? (n >= 1000 ? `${n / 1000} kg` : `${n} g`) : `${n} ${n === 1 ? "piece" : "pieces"}`)
const time = (iso: string) => new Date(iso).toLocaleString("en-IN", { timeZone: "Asia/Kolkata", dateStyle: "medium", timeStyle: "short" })

/** Orders per hour today, as plain SVG bars (hours 0–23, India time). */
const HourChart = ({ counts }: { counts: number[] }) => {
  const max = Math.max(1, ...counts)
  const width = 24 * 22
  const height = 120
  return (
    <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" style={{ maxWidth: 760 }} role="img" aria-label={`Orders per hour today: ${counts.reduce((a, b) => a + b, 0)} in all`}>
      {counts.map((n, hour) => {
        const h = Math.round((n / max) * height)
        return (
          <g key={hour}>
            <title>{`${String(hour).padStart(2, "0")}:00 — ${n} order${n === 1 ? "" : "s"}`}</title>
            <rect x={hour * 22 + 3} y={height - h} width={16} height={Math.max(h, n ? 2 : 0)} rx={2} fill="currentColor" opacity={0.75} />
            {hour % 3 === 0 && (
              <text x={hour * 22 + 11} y={height + 14} fontSize={10} textAnchor="middle" fill="currentColor">
                {hour}
              </text>
            )}
          </g>
        )
      })}
      <line x1={0} y1={height} x2={width} y2={height} stroke="currentColor" opacity={0.3} />
    </svg>
  )
}

const Figure = ({ label, value, note }: { label: string; value: string; note?: string }) => (
  <div className="flex flex-col gap-y-1 rounded-md border px-4 py-3">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Heading level="h2">{value}</Heading>
    {note && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {note}
      </Text>
    )}
  </div>
)

/** The page staff open first in the morning: the day so far, and what needs someone. */
const TodayPage = () => {
  const [report, setReport] = useState<Report | null>(null)
  const [actions, setActions] = useState<PaymentAction[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const { today } = await getJson<{ today: Report }>("/admin/today")
      setReport(today)
      setProblem(null)
    } catch (error) {
      setProblem((error as Error).message)
    }
    // Razorpay's page exists only when the payment plugin is installed; without it, no actions.
    getJson<{ payment_actions: PaymentAction[] }>("/admin/razorpay/payment-actions?limit=5")
      .then((data) => setActions(data.payment_actions))
      .catch(() => setActions([]))
  }, [])

  useEffect(() => {
    load()
    const timer = setInterval(load, 60_000)
    return () => clearInterval(timer)
  }, [load])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-center justify-between">
          <Heading level="h1">Today</Heading>
          {report && (
            <Text size="small" className="text-ui-fg-subtle">
              As of {time(report.generated_at)} (refreshes every minute)
            </Text>
          )}
        </div>
        {problem && <Text className="text-ui-fg-error">{problem}</Text>}
        {report && (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Figure label="Orders today" value={String(report.today.orders)} />
            <Figure label="Revenue today" value={rupees(report.today.revenue)} />
            <Figure label="Orders this week" value={String(report.week.orders)} note="Since Monday" />
            <Figure label="Revenue this week" value={rupees(report.week.revenue)} note="Cancelled orders left out" />
          </div>
        )}
      </Container>

      {report && (
        <Container className="flex flex-col gap-y-2 px-6 py-4">
          <Heading level="h2">Orders per hour today</Heading>
          <HourChart counts={report.orders_per_hour} />
        </Container>
      )}

      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading level="h2">Payments that needed action</Heading>
          <Link to="/razorpay-payments" className="text-ui-fg-interactive text-small">
            All Razorpay payments
          </Link>
        </div>
        {actions && actions.length === 0 && <Text className="text-ui-fg-subtle">None: every online payment became an order.</Text>}
        {actions && actions.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Payment</Table.HeaderCell>
                <Table.HeaderCell>Amount</Table.HeaderCell>
                <Table.HeaderCell>Why</Table.HeaderCell>
                <Table.HeaderCell>Done</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {actions.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{time(a.created_at)}</Table.Cell>
                  <Table.Cell>{a.razorpay_payment_id}</Table.Cell>
                  <Table.Cell>{rupees(a.amount_paise / 100)}</Table.Cell>
                  <Table.Cell>{a.reason.replace(/_/g, " ")}</Table.Cell>
                  <Table.Cell>
                    <Badge color={a.outcome === "refunded" ? "green" : "red"}>{a.outcome === "refunded" ? "Refunded" : "Refund by hand"}</Badge>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>

      {report && (
        <Container className="flex flex-col gap-y-2 px-6 py-4">
          <Heading level="h2">Failed messages ({report.failed_messages.count})</Heading>
          {report.failed_messages.count === 0 ? (
            <Text className="text-ui-fg-subtle">None: every message went out (failed ones are retried for a while).</Text>
          ) : (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>When</Table.HeaderCell>
                  <Table.HeaderCell>Channel</Table.HeaderCell>
                  <Table.HeaderCell>Message</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {report.failed_messages.latest.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>{time(m.at)}</Table.Cell>
                    <Table.Cell>{m.channel === "sms" ? "SMS" : "WhatsApp"}</Table.Cell>
                    <Table.Cell>{m.template.replace(/[._-]/g, " ")}</Table.Cell>
                    <Table.Cell>{m.order_id ? <Link to={`/orders/${m.order_id}`}>Open order</Link> : "—"}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </Container>
      )}

      {report && (
        <Container className="flex flex-col gap-y-2 px-6 py-4">
          <Heading level="h2">Low pools</Heading>
          {report.low_pools.length === 0 ? (
            <Text className="text-ui-fg-subtle">No pool is at or below its low-stock threshold.</Text>
          ) : (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Sweet</Table.HeaderCell>
                  <Table.HeaderCell>Available</Table.HeaderCell>
                  <Table.HeaderCell>Threshold</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {report.low_pools.map((p) => (
                  <Table.Row key={p.product_id}>
                    <Table.Cell>
                      <Link to={`/products/${p.product_id}`}>{p.title}</Link>
                    </Table.Cell>
                    <Table.Cell>
                      <Badge color={p.available_units <= 0 ? "red" : "orange"}>{units(p.available_units, p.unit)}</Badge>
                    </Table.Cell>
                    <Table.Cell>{units(p.threshold_units, p.unit)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Today", icon: ChartBar })

export default TodayPage
