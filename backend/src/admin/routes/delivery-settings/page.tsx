import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Clock } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { bindField, FieldRow } from "../../components/field-row"
import { FestivalsSection, type Festival } from "../../components/festivals-section"
import { call, type Change } from "../../lib/admin-api"

type Area = {
  id: string
  name: string
  city: string
  state: string
  pincode_from: number | null
  pincode_to: number | null
  pincodes: string[] | null
  delivery_charge_rupees: number
  free_above_rupees: number | null
  active: boolean
}
type Slot = { id: string; weekday: number; code: string; label: string; starts_at: string; ends_at: string; cutoff_minutes: number; capacity: number; active: boolean }
type PickupHours = { id: string; weekday: number; opens_at: string; closes_at: string; active: boolean }
type ClosedDay = { id: string; day: string; reason: string | null }
type LeadTime = { id: string; product_id: string; lead_hours: number; kitchen_capacity_units: number | null; product_title: string | null; product_handle: string | null }
type Settings = { areas: Area[]; slots: Slot[]; pickup_hours: PickupHours[]; closed_days: ClosedDay[]; lead_times: LeadTime[]; festivals: Festival[] }
type Product = { id: string; title: string }

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

const pincodesOf = (a: Area) =>
  [a.pincode_from != null ? `${a.pincode_from}–${a.pincode_to}` : null, a.pincodes?.length ? a.pincodes.join(", ") : null].filter(Boolean).join("; ")

/**
 * Delivery settings: where the riders go, the slots of each weekday with their cut-off and
 * capacity, the pickup counter's hours, the days the shop is closed, and the hours a product
 * needs before its slot.
 * Every change holds at once for the storefront and the checkout (no restart).
 */
const DeliverySettingsPage = () => {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [products, setProducts] = useState<Product[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const load = useCallback(() => {
    call<Settings>("/admin/delivery-settings")
      .then((s) => setSettings(s))
      .catch((error: Error) => setProblem(error.message))
  }, [])
  useEffect(() => {
    load()
    call<{ products: Product[] }>("/admin/products?limit=200&fields=id,title&order=title")
      .then(({ products }) => setProducts(products))
      .catch(() => setProducts([]))
  }, [load])

  /** Runs a change; on success reloads and says so, on refusal shows the shop's sentence. */
  const change: Change = (what, run) =>
    run()
      .then(() => {
        setProblem(null)
        setSaved(what)
        load()
        return null
      })
      .catch((error: Error) => {
        setSaved(null)
        setProblem(error.message)
        return error.message
      })

  return (
    <div className="flex flex-col gap-4">
      <Container className="px-6 py-4">
        <Heading level="h1">Delivery settings</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Where the riders deliver, the slots shoppers may choose and how many orders each takes, when the pickup counter is open, the days the shop is closed, and how long fresh sweets need.
          Changes hold at once on the website and at checkout. Times are India time.
        </Text>
        <Text size="small" className="mt-1">
          <Link to="/delivery-settings/load" className="text-ui-fg-interactive">
            See the load of the next 14 days
          </Link>{" "}
          (orders per slot, sweets against the kitchen's capacity).
        </Text>
        {problem && (
          <Text size="small" className="mt-2 text-ui-fg-error" role="alert">
            {problem}
          </Text>
        )}
        {saved && !problem && (
          <Text size="small" className="mt-2 text-ui-fg-interactive" role="status">
            Saved: {saved}.
          </Text>
        )}
      </Container>
      {settings && (
        <>
          <AreasSection areas={settings.areas} change={change} />
          <SlotsSection slots={settings.slots} change={change} />
          <PickupHoursSection hours={settings.pickup_hours} change={change} />
          <ClosedDaysSection days={settings.closed_days} change={change} />
          <LeadTimesSection leads={settings.lead_times} products={products} change={change} />
          <FestivalsSection festivals={settings.festivals} products={products} change={change} />
        </>
      )}
    </div>
  )
}

const AreasSection = ({ areas, change }: { areas: Area[]; change: Change }) => {
  const empty = { name: "", city: "", state: "", from: "", to: "", list: "", charge: "60", freeAbove: "999" }
  const [form, setForm] = useState(empty)
  const field = bindField(form, setForm)
  const add = () =>
    change(`area ${form.name}`, async () => {
      await call("/admin/delivery-settings/areas", "POST", {
        name: form.name,
        city: form.city,
        state: form.state,
        pincode_from: form.from ? Number(form.from) : null,
        pincode_to: form.to ? Number(form.to) : null,
        pincodes: form.list ? form.list.split(/[\s,]+/).filter(Boolean) : null,
        delivery_charge_rupees: Number(form.charge || 0),
        free_above_rupees: form.freeAbove ? Number(form.freeAbove) : null,
      })
      setForm(empty)
    })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Delivery areas</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Pincode ranges or lists the riders cover; outside them only store pickup is offered. Each area's charge and free-from amount
          are what shoppers there pay for home delivery, from the next cart on: saving an area writes them as home delivery's prices
          (change them here, not in Settings → Locations &amp; Shipping, where they are rewritten on the next save).
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Area</Table.HeaderCell>
            <Table.HeaderCell>City, state</Table.HeaderCell>
            <Table.HeaderCell>Pincodes</Table.HeaderCell>
            <Table.HeaderCell>Delivery charge</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {areas.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>{a.name}</Table.Cell>
              <Table.Cell>
                {a.city}, {a.state}
              </Table.Cell>
              <Table.Cell>{pincodesOf(a)}</Table.Cell>
              <Table.Cell>
                ₹{a.delivery_charge_rupees}
                {a.free_above_rupees != null ? `, free from ₹${a.free_above_rupees}` : ""}
              </Table.Cell>
              <Table.Cell>{a.active ? <Badge color="green">Delivering</Badge> : <Badge color="grey">Paused</Badge>}</Table.Cell>
              <Table.Cell className="flex gap-2">
                <Button size="small" variant="secondary" onClick={() => change(`${a.name} ${a.active ? "paused" : "delivering"}`, () => call(`/admin/delivery-settings/areas/${a.id}`, "POST", { active: !a.active }))}>
                  {a.active ? "Pause" : "Resume"}
                </Button>
                <Button size="small" variant="danger" onClick={() => window.confirm(`Stop delivering to ${a.name}?`) && change(`${a.name} removed`, () => call(`/admin/delivery-settings/areas/${a.id}`, "DELETE"))}>
                  Remove
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="grid grid-cols-4 gap-2 px-6 py-4">
        <FieldRow id="area-name" label="Area name" {...field("name")} />
        <FieldRow id="area-city" label="City" {...field("city")} />
        <FieldRow id="area-state" label="State" {...field("state")} />
        <FieldRow id="area-list" label="Single pincodes (comma-separated)" placeholder="400001, 400002" {...field("list")} />
        <FieldRow id="area-from" label="Range from" inputMode="numeric" placeholder="110001" {...field("from")} />
        <FieldRow id="area-to" label="Range to" inputMode="numeric" placeholder="110097" {...field("to")} />
        <FieldRow id="area-charge" label="Delivery charge (₹)" inputMode="numeric" {...field("charge")} />
        <FieldRow id="area-free" label="Free from (₹)" inputMode="numeric" {...field("freeAbove")} />
        <div className="col-span-4">
          <Button size="small" onClick={add}>Add area</Button>
        </div>
      </div>
    </Container>
  )
}

const SlotRow = ({ slot, change }: { slot: Slot; change: Change }) => {
  const [capacity, setCapacity] = useState(String(slot.capacity))
  const [cutoff, setCutoff] = useState(String(slot.cutoff_minutes))
  useEffect(() => {
    setCapacity(String(slot.capacity))
    setCutoff(String(slot.cutoff_minutes))
  }, [slot.capacity, slot.cutoff_minutes])
  const dirty = capacity !== String(slot.capacity) || cutoff !== String(slot.cutoff_minutes)
  return (
    <Table.Row>
      <Table.Cell>{WEEKDAYS[slot.weekday]}</Table.Cell>
      <Table.Cell>
        {slot.code} ({slot.label})
      </Table.Cell>
      <Table.Cell>
        <Input size="small" aria-label={`Orders per day, ${WEEKDAYS[slot.weekday]} ${slot.code}`} inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
      </Table.Cell>
      <Table.Cell>
        <Input size="small" aria-label={`Cut-off minutes, ${WEEKDAYS[slot.weekday]} ${slot.code}`} inputMode="numeric" value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
      </Table.Cell>
      <Table.Cell>{slot.active ? <Badge color="green">Open</Badge> : <Badge color="grey">Off</Badge>}</Table.Cell>
      <Table.Cell className="flex gap-2">
        <Button
          size="small"
          disabled={!dirty}
          onClick={() =>
            change(`${WEEKDAYS[slot.weekday]} ${slot.code}`, () =>
              call(`/admin/delivery-settings/slots/${slot.id}`, "POST", { capacity: Number(capacity), cutoff_minutes: Number(cutoff) })
            )
          }
        >
          Save
        </Button>
        <Button size="small" variant="secondary" onClick={() => change(`${WEEKDAYS[slot.weekday]} ${slot.code}`, () => call(`/admin/delivery-settings/slots/${slot.id}`, "POST", { active: !slot.active }))}>
          {slot.active ? "Turn off" : "Turn on"}
        </Button>
      </Table.Cell>
    </Table.Row>
  )
}

const SlotsSection = ({ slots, change }: { slots: Slot[]; change: Change }) => {
  const empty = { weekday: "1", code: "", label: "", starts_at: "", ends_at: "", cutoff: "180", capacity: "40" }
  const [form, setForm] = useState(empty)
  const field = bindField(form, setForm)
  const add = () =>
    change(`slot ${form.code}`, async () => {
      await call("/admin/delivery-settings/slots", "POST", {
        weekday: Number(form.weekday),
        code: form.code,
        label: form.label || `${form.starts_at}–${form.ends_at}`,
        starts_at: form.starts_at,
        ends_at: form.ends_at,
        cutoff_minutes: Number(form.cutoff),
        capacity: Number(form.capacity),
      })
      setForm(empty)
    })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Slots and capacity</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each weekday's slots: how many home deliveries a slot takes per day, and how many minutes before it starts orders close. Pickup takes no place: it follows the pickup hours below.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Weekday</Table.HeaderCell>
            <Table.HeaderCell>Slot</Table.HeaderCell>
            <Table.HeaderCell>Orders per day</Table.HeaderCell>
            <Table.HeaderCell>Cut-off (minutes before)</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {slots.map((s) => (
            <SlotRow key={s.id} slot={s} change={change} />
          ))}
        </Table.Body>
      </Table>
      <div className="grid grid-cols-4 gap-2 px-6 py-4">
        <FieldRow id="slot-weekday" label="Weekday (0 Sunday … 6 Saturday)" inputMode="numeric" {...field("weekday")} />
        <FieldRow id="slot-code" label="Code" placeholder="afternoon" {...field("code")} />
        <FieldRow id="slot-start" label="Starts" placeholder="13:00" {...field("starts_at")} />
        <FieldRow id="slot-end" label="Ends" placeholder="16:00" {...field("ends_at")} />
        <FieldRow id="slot-label" label="Label" placeholder="13:00–16:00" {...field("label")} />
        <FieldRow id="slot-cutoff" label="Cut-off (minutes before)" inputMode="numeric" {...field("cutoff")} />
        <FieldRow id="slot-capacity" label="Orders per day" inputMode="numeric" {...field("capacity")} />
        <div className="flex items-end">
          <Button size="small" onClick={add}>Add slot</Button>
        </div>
      </div>
    </Container>
  )
}

/** One weekday's pickup hours: change the times, turn the counter off or on that weekday, or open it on a weekday without hours. */
const PickupHoursRow = ({ weekday, hours, change }: { weekday: number; hours: PickupHours | undefined; change: Change }) => {
  const stored = { opens_at: hours?.opens_at ?? "10:00", closes_at: hours?.closes_at ?? "21:00" }
  const [form, setForm] = useState(stored)
  useEffect(() => setForm(stored), [stored.opens_at, stored.closes_at]) // eslint-disable-line react-hooks/exhaustive-deps
  const field = bindField(form, setForm)
  const name = WEEKDAYS[weekday]
  const open = !!hours?.active
  const dirty = form.opens_at !== stored.opens_at || form.closes_at !== stored.closes_at
  return (
    <div className="flex items-end gap-4" data-weekday={weekday}>
      <Text size="small" weight="plus" className="w-28 pb-1">
        {name}
      </Text>
      <FieldRow id={`pickup-opens-${weekday}`} label="Opens" placeholder="10:00" {...field("opens_at")} />
      <FieldRow id={`pickup-closes-${weekday}`} label="Closes" placeholder="21:00" {...field("closes_at")} />
      <div className="pb-1">{open ? <Badge color="green">Open</Badge> : <Badge color="grey">No pickup</Badge>}</div>
      {hours ? (
        <>
          <Button size="small" disabled={!dirty} onClick={() => change(`${name}'s pickup hours`, () => call(`/admin/delivery-settings/pickup-hours/${hours.id}`, "POST", form))}>
            Save
          </Button>
          <Button size="small" variant="secondary" onClick={() => change(`${name}'s pickup ${open ? "off" : "on"}`, () => call(`/admin/delivery-settings/pickup-hours/${hours.id}`, "POST", { active: !open }))}>
            {open ? "Turn off" : "Turn on"}
          </Button>
        </>
      ) : (
        <Button size="small" onClick={() => change(`${name}'s pickup hours`, () => call("/admin/delivery-settings/pickup-hours", "POST", { weekday, ...form }))}>
          Open for pickup
        </Button>
      )}
    </div>
  )
}

const PickupHoursSection = ({ hours, change }: { hours: PickupHours[]; change: Change }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Pickup hours</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        When the counter hands over pickup orders, each weekday. A pickup is taken for a day only while the counter is still open that day and the sweets can be ready before it closes; a weekday without pickup takes none. Closed days below close pickup too.
      </Text>
    </div>
    <div className="flex flex-col gap-3 px-6 py-4">
      {WEEKDAYS.map((_, weekday) => (
        <PickupHoursRow key={weekday} weekday={weekday} hours={hours.find((h) => h.weekday === weekday)} change={change} />
      ))}
    </div>
  </Container>
)

const ClosedDaysSection = ({ days, change }: { days: ClosedDay[]; change: Change }) => {
  const [day, setDay] = useState("")
  const [reason, setReason] = useState("")
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Closed days</Heading>
        <Text size="small" className="text-ui-fg-subtle">Holidays: no delivery and no pickup on these days.</Text>
      </div>
      <div className="px-6 py-4">
        {days.length === 0 && <Text size="small">No closed days.</Text>}
        <ul className="flex flex-col gap-2">
          {days.map((d) => (
            <li key={d.id} className="flex items-center gap-4">
              <Text size="small">
                {d.day}
                {d.reason ? ` — ${d.reason}` : ""}
              </Text>
              <Button size="small" variant="secondary" onClick={() => change(`${d.day} open again`, () => call(`/admin/delivery-settings/closed-days/${d.id}`, "DELETE"))}>
                Open again
              </Button>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex items-end gap-2">
          <FieldRow id="closed-day" label="Day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          <FieldRow id="closed-reason" label="Reason" placeholder="Holi" value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button
            size="small"
            onClick={() =>
              change(`${day} closed`, async () => {
                await call("/admin/delivery-settings/closed-days", "POST", { day, reason: reason || null })
                setDay("")
                setReason("")
              })
            }
          >
            Close this day
          </Button>
        </div>
      </div>
    </Container>
  )
}

const LeadTimesSection = ({ leads, products, change }: { leads: LeadTime[]; products: Product[]; change: Change }) => {
  const [productId, setProductId] = useState("")
  const [hours, setHours] = useState("24")
  const [kitchen, setKitchen] = useState("")
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Lead times</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Hours a sweet must be ordered before its slot starts (fresh rasgulla: 24), and how much of it the kitchen makes a day (grams or pieces; empty for no limit).
        </Text>
      </div>
      <div className="px-6 py-4">
        <ul className="flex flex-col gap-2">
          {leads.map((l) => (
            <li key={l.id} className="flex items-center gap-4">
              <Text size="small">
                {l.product_title ?? l.product_id}: {l.lead_hours} hours
                {l.kitchen_capacity_units != null ? `, at most ${l.kitchen_capacity_units} a day` : ""}
              </Text>
              <Button size="small" variant="secondary" onClick={() => change(`${l.product_title ?? l.product_id} needs no lead time`, () => call(`/admin/delivery-settings/lead-times/${l.id}`, "DELETE"))}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex items-end gap-2">
          <div>
            <Label size="small" htmlFor="lead-product">Sweet</Label>
            <select id="lead-product" className="block rounded-md border px-2 py-1 text-sm" value={productId} onChange={(e) => setProductId(e.target.value)}>
              <option value="">Choose…</option>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <FieldRow id="lead-hours" label="Hours" inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} />
          <FieldRow id="lead-kitchen" label="Kitchen per day (g or pieces)" inputMode="numeric" value={kitchen} onChange={(e) => setKitchen(e.target.value)} />
          <Button
            size="small"
            onClick={() => {
              const existing = leads.find((l) => l.product_id === productId)
              const values = { lead_hours: Number(hours), kitchen_capacity_units: kitchen ? Number(kitchen) : null }
              change("lead time", () =>
                existing
                  ? call(`/admin/delivery-settings/lead-times/${existing.id}`, "POST", values)
                  : call("/admin/delivery-settings/lead-times", "POST", { product_id: productId, ...values })
              )
            }}
          >
            Set lead time
          </Button>
        </div>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Delivery settings", icon: Clock })

export default DeliverySettingsPage
