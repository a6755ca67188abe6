import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { formatQuantity, type Unit } from "@sweetshop/shop-contracts"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"

type SlotLoad = { code: string; label: string; capacity: number | null; taken: number; places_left: number | null; full: boolean }
type ProductLoad = { product_id: string; title: string; unit: Unit; ordered: number; capacity: number | null; full: boolean }
type DayLoad = { date: string; label: string; closed: boolean; closed_reason: string | null; slots: SlotLoad[]; products: ProductLoad[] }
type Load = { from: string; to: string; days: DayLoad[] }

const DAYS = 14

/** Red when full, orange from 80 %, green below; grey without a capacity. */
function loadColour(taken: number, capacity: number | null): "red" | "orange" | "green" | "grey" {
  if (capacity == null) return "grey"
  if (taken >= capacity) return "red"
  if (capacity > 0 && taken / capacity >= 0.8) return "orange"
  return "green"
}

/**
 * Delivery load: the next 14 days, each slot's places taken against its capacity and each
 * product's grams (or pieces) ordered against what the kitchen makes a day, counted as the
 * checkout counts them (cancelled orders left out). Read-only; the settings themselves are
 * on the Delivery settings page.
 */
const DeliveryLoadPage = () => {
  const [load, setLoad] = useState<Load | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    fetch(`/admin/delivery-settings/load?days=${DAYS}`, { credentials: "include" })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(body.message ?? `The shop answered ${response.status}.`)
        setLoad(body as Load)
      })
      .catch((error: Error) => setProblem(error.message))
  }, [])

  // Every slot code of the fortnight, earliest first as the days list them: one column each.
  const slotColumns: { code: string; label: string }[] = []
  for (const day of load?.days ?? []) {
    for (const slot of day.slots) if (!slotColumns.some((c) => c.code === slot.code)) slotColumns.push({ code: slot.code, label: slot.label })
  }

  return (
    <div className="flex flex-col gap-4">
      <Container className="px-6 py-4">
        <Heading level="h1">Delivery load</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The next {DAYS} days: home deliveries booked in each slot against its capacity, and what the kitchen has to make for each sweet against its daily
          capacity (delivery and pickup orders; cancelled orders do not count). Orange from 80 %, red when full. Change capacities on{" "}
          <Link to="/delivery-settings" className="text-ui-fg-interactive">
            Delivery settings
          </Link>
          .
        </Text>
        {problem && (
          <Text size="small" className="mt-2 text-ui-fg-error" role="alert">
            {problem}
          </Text>
        )}
      </Container>
      {load && (
        <Container className="p-0">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Day</Table.HeaderCell>
                {slotColumns.map((c) => (
                  <Table.HeaderCell key={c.code}>
                    {c.code} <span className="text-ui-fg-muted">{c.label !== c.code ? c.label : ""}</span>
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell>Kitchen</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {load.days.map((day) => (
                <Table.Row key={day.date} className={day.closed ? "bg-ui-bg-disabled text-ui-fg-disabled" : undefined} data-date={day.date}>
                  <Table.Cell>
                    <div className="flex flex-col py-2">
                      <span>{day.label}</span>
                      {day.closed && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          Closed{day.closed_reason ? `: ${day.closed_reason}` : ""}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  {slotColumns.map((c) => {
                    const slot = day.slots.find((s) => s.code === c.code)
                    if (!slot) return <Table.Cell key={c.code}>—</Table.Cell>
                    const figure = `${slot.taken} / ${slot.capacity ?? "—"}`
                    return (
                      <Table.Cell key={c.code}>
                        {day.closed && slot.taken === 0 ? (
                          <span>{figure}</span>
                        ) : (
                          <Badge size="2xsmall" color={loadColour(slot.taken, slot.capacity)} aria-label={`${day.label}, ${c.code}: ${figure}`}>
                            {figure}
                          </Badge>
                        )}
                      </Table.Cell>
                    )
                  })}
                  <Table.Cell>
                    <div className="flex flex-wrap gap-1 py-2">
                      {day.products.length === 0 && <span className="text-ui-fg-muted">—</span>}
                      {day.products.map((p) => (
                        <Badge key={p.product_id} size="2xsmall" color={loadColour(p.ordered, p.capacity)}>
                          {p.title}: {formatQuantity(p.unit, p.ordered)}
                          {p.capacity != null ? ` / ${formatQuantity(p.unit, p.capacity)}` : ""}
                        </Badge>
                      ))}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Delivery load" })

export default DeliveryLoadPage
