import { Badge, Button, Checkbox, Container, Heading, Input, Label, Table, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { call, type Change } from "../lib/admin-api"
import { bindField, FieldRow } from "./field-row"

/** A festival as the admin API answers it (GET /admin/delivery-settings/festivals). */
export type Festival = {
  id: string
  handle: string
  name: string
  description: string | null
  delivery_days: string[]
  product_ids: string[]
  opens_on: string
  closes_on: string
  capacity_per_day: number
  active: boolean
}
type Product = { id: string; title: string }

const dayLabel = new Intl.DateTimeFormat("en-IN", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" })
const humanDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`))

/** "Diwali 2026" → "diwali-2026": the festival page's address when staff give none. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")

const EMPTY = { name: "", handle: "", description: "", opens_on: "", closes_on: "", capacity: "50", day: "" }

/**
 * Festivals (issue 19): the days a festival's pre-orders are delivered, the sweets and gift boxes
 * offered, when pre-orders open and close, and how many pre-orders each day takes. The storefront
 * shows each active festival's page; the checkout holds pre-orders to these rules.
 */
export const FestivalsSection = ({ festivals, products, change }: { festivals: Festival[]; products: Product[]; change: Change }) => {
  const [form, setForm] = useState(EMPTY)
  const [days, setDays] = useState<string[]>([])
  const [chosen, setChosen] = useState<string[]>([])
  const [editing, setEditing] = useState<Festival | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const field = bindField(form, setForm)
  const titleOf = (id: string) => products.find((p) => p.id === id)?.title ?? id

  const reset = () => {
    setForm(EMPTY)
    setDays([])
    setChosen([])
    setEditing(null)
    setProblem(null)
  }
  const edit = (f: Festival) => {
    setEditing(f)
    setForm({ name: f.name, handle: f.handle, description: f.description ?? "", opens_on: f.opens_on, closes_on: f.closes_on, capacity: String(f.capacity_per_day), day: "" })
    setDays([...f.delivery_days])
    setChosen([...f.product_ids])
    setProblem(null)
  }
  const addDay = () => {
    if (form.day && !days.includes(form.day)) setDays([...days, form.day].sort())
    setForm({ ...form, day: "" })
  }
  const save = async () => {
    const body = {
      name: form.name,
      handle: form.handle || slug(form.name),
      description: form.description || null,
      delivery_days: days,
      product_ids: chosen,
      opens_on: form.opens_on,
      closes_on: form.closes_on,
      capacity_per_day: Number(form.capacity),
    }
    const refused = await change(`festival ${form.name}`, () =>
      editing ? call(`/admin/delivery-settings/festivals/${editing.id}`, "POST", body) : call("/admin/delivery-settings/festivals", "POST", body)
    )
    if (refused) setProblem(refused)
    else reset()
  }
  const run = async (what: string, go: () => Promise<unknown>) => setProblem(await change(what, go))

  return (
    <Container className="divide-y p-0" id="festivals">
      <div className="px-6 py-4">
        <Heading level="h2">Festivals</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Pre-orders for a festival: the days they are delivered, the sweets and gift boxes offered, the first and last day pre-orders are taken, and how many
          pre-orders each day takes (on top of the slots&apos; own capacity). Each active festival has its page on the website (/festivals/&lt;address&gt;).
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Festival</Table.HeaderCell>
            <Table.HeaderCell>Delivery days</Table.HeaderCell>
            <Table.HeaderCell>Pre-orders taken</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Per day</Table.HeaderCell>
            <Table.HeaderCell>Sweets offered</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {festivals.length === 0 && (
            <Table.Row>
              <Table.Cell>No festivals yet.</Table.Cell>
            </Table.Row>
          )}
          {festivals.map((f) => (
            <Table.Row key={f.id} data-testid="festival-row">
              <Table.Cell className="whitespace-nowrap">
                <div className="font-medium">{f.name}</div>
                <div className="text-ui-fg-subtle txt-compact-xsmall">/festivals/{f.handle}</div>
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">
                {f.delivery_days.map((d) => (
                  <div key={d}>{humanDay(d)}</div>
                ))}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">
                {humanDay(f.opens_on)} – {humanDay(f.closes_on)}
              </Table.Cell>
              <Table.Cell className="text-right">{f.capacity_per_day}</Table.Cell>
              <Table.Cell className="max-w-[260px] whitespace-normal">{f.product_ids.map(titleOf).join(", ")}</Table.Cell>
              <Table.Cell>{f.active ? <Badge color="green">Active</Badge> : <Badge color="grey">Off</Badge>}</Table.Cell>
              <Table.Cell>
                <div className="flex gap-2 whitespace-nowrap">
                  <Button size="small" variant="secondary" onClick={() => edit(f)}>
                    Edit
                  </Button>
                  <Button size="small" variant="secondary" onClick={() => run(`${f.name} ${f.active ? "off" : "active"}`, () => call(`/admin/delivery-settings/festivals/${f.id}`, "POST", { active: !f.active }))}>
                    {f.active ? "Turn off" : "Turn on"}
                  </Button>
                  <Button
                    size="small"
                    variant="danger"
                    onClick={() => window.confirm(`Remove ${f.name}? Its page goes from the website; pre-orders already placed stay.`) && run(`${f.name} removed`, () => call(`/admin/delivery-settings/festivals/${f.id}`, "DELETE"))}
                  >
                    Remove
                  </Button>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex flex-col gap-3 px-6 py-4">
        <Heading level="h3">{editing ? `Change ${editing.name}` : "New festival"}</Heading>
        <div className="grid grid-cols-4 gap-2">
          <FieldRow id="festival-name" label="Name" placeholder="Holi 2027" {...field("name")} />
          <FieldRow id="festival-handle" label="Page address" placeholder={slug(form.name) || "holi-2027"} {...field("handle")} />
          <FieldRow id="festival-opens" label="Pre-orders open on" type="date" {...field("opens_on")} />
          <FieldRow id="festival-closes" label="Pre-orders close on" type="date" {...field("closes_on")} />
          <FieldRow id="festival-capacity" label="Pre-orders per day" inputMode="numeric" {...field("capacity")} />
          <div className="col-span-3">
            <Label size="small" htmlFor="festival-description">
              Description (shown on the festival page)
            </Label>
            <Textarea id="festival-description" rows={2} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
          </div>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <Label size="small" htmlFor="festival-day">
              Delivery days
            </Label>
            <Input id="festival-day" size="small" type="date" {...field("day")} />
          </div>
          <Button size="small" variant="secondary" onClick={addDay} disabled={!form.day}>
            Add day
          </Button>
          <ul className="flex flex-wrap gap-2" aria-label="Delivery days chosen">
            {days.map((d) => (
              <li key={d}>
                <Badge size="small">
                  {humanDay(d)}{" "}
                  <button type="button" aria-label={`Remove ${humanDay(d)}`} className="ml-1" onClick={() => setDays(days.filter((x) => x !== d))}>
                    ×
                  </button>
                </Badge>
              </li>
            ))}
          </ul>
        </div>
        <fieldset>
          <legend className="txt-compact-small-plus mb-1">Sweets and gift boxes offered</legend>
          <div className="grid max-h-48 grid-cols-3 gap-x-4 gap-y-1 overflow-y-auto rounded-md border p-2">
            {products.map((p) => (
              <div key={p.id} className="flex items-center gap-2">
                <Checkbox
                  id={`festival-product-${p.id}`}
                  checked={chosen.includes(p.id)}
                  onCheckedChange={(on) => setChosen(on === true ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
                />
                <Label size="small" htmlFor={`festival-product-${p.id}`}>
                  {p.title}
                </Label>
              </div>
            ))}
          </div>
        </fieldset>
        {problem && (
          <Text size="small" className="text-ui-fg-error" role="alert" data-testid="festival-problem">
            {problem}
          </Text>
        )}
        <div className="flex gap-2">
          <Button size="small" onClick={save}>
            {editing ? "Save festival" : "Add festival"}
          </Button>
          {editing && (
            <Button size="small" variant="secondary" onClick={reset}>
              Cancel
            </Button>
          )}
        </div>
      </div>
    </Container>
  )
}
