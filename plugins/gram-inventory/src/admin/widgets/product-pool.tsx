import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { FormEvent, useCallback, useEffect, useState } from "react"

type Adjustment = {
  id: string
  delta_units: number
  stocked_after_units: number
  reason: string
  actor_id: string | null
  actor_email: string | null
  created_at: string
}

type Pool = {
  product_title: string
  unit: "grams" | "pieces"
  stocked_units: number
  reserved_units: number
  available_units: number
  low_stock_threshold_units: number | null
  is_low: boolean
  variants: { variant_id: string; title: string; units_per_variant: number; buyable_now: number }[]
  adjustments: Adjustment[]
}

const quantity = (n: number, unit: Pool["unit"]) =>
  `${new Intl.NumberFormat("en-IN").format(n)} ${unit === "grams" ? "g" : n === 1 ? "piece" : "pieces"}`

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    credentials: "include",
    headers: { "content-type": "application/json" },
    ...init,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.message ?? `The shop answered ${response.status}.`)
  return body as T
}

/** On a product's page: its stock pool, what is reserved and available, adjustments with a reason, and their history. */
const ProductPoolWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [pool, setPool] = useState<Pool | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [mode, setMode] = useState<"add" | "remove" | "set">("add")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [threshold, setThreshold] = useState("")
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      const { product_pool } = await call<{ product_pool: Pool }>(`/admin/product-pools/${product.id}`)
      setPool(product_pool)
      setThreshold(product_pool.low_stock_threshold_units?.toString() ?? "")
      setProblem(null)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }, [product.id])

  useEffect(() => {
    load()
  }, [load])

  const adjust = async (event: FormEvent) => {
    event.preventDefault()
    const units = Number(amount)
    const body =
      mode === "set" ? { set_to_units: units, reason } : { delta_units: mode === "add" ? units : -units, reason }
    setBusy(true)
    try {
      await call(`/admin/product-pools/${product.id}/adjustments`, { method: "POST", body: JSON.stringify(body) })
      toast.success("Stock updated")
      setAmount("")
      setReason("")
      await load()
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const saveThreshold = async () => {
    setBusy(true)
    try {
      const value = threshold.trim() === "" ? null : Number(threshold)
      await call(`/admin/product-pools/${product.id}/settings`, {
        method: "POST",
        body: JSON.stringify({ low_stock_threshold_units: value }),
      })
      toast.success("Low-stock alert saved")
      await load()
    } catch (error) {
      toast.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (problem) {
    return (
      <Container className="px-6 py-4">
        <Heading level="h2">Stock pool</Heading>
        <Text size="small" className="text-ui-fg-subtle mt-2">{problem}</Text>
      </Container>
    )
  }
  if (!pool) return null

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Stock pool ({pool.unit})</Heading>
        {pool.available_units <= 0 ? (
          <Badge color="red">Sold out</Badge>
        ) : pool.is_low ? (
          <Badge color="orange">Low stock</Badge>
        ) : (
          <Badge color="green">In stock</Badge>
        )}
      </div>
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {[
          ["In stock", pool.stocked_units],
          ["Reserved for orders", pool.reserved_units],
          ["Available", pool.available_units],
        ].map(([label, value]) => (
          <div key={label as string}>
            <Text size="small" className="text-ui-fg-subtle">{label}</Text>
            <Text size="large" weight="plus">{quantity(value as number, pool.unit)}</Text>
          </div>
        ))}
      </div>
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          {pool.variants.map((v) => `${v.title}: ${v.buyable_now} can be sold now`).join(" · ")}
        </Text>
      </div>
      <form onSubmit={adjust} className="flex flex-wrap items-end gap-3 px-6 py-4" aria-label="Adjust stock">
        <div className="w-40">
          <Label htmlFor="pool-mode">Change</Label>
          <Select value={mode} onValueChange={(value) => setMode(value as typeof mode)}>
            <Select.Trigger id="pool-mode"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="add">Add</Select.Item>
              <Select.Item value="remove">Take away</Select.Item>
              <Select.Item value="set">Set to (stock-take)</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="w-36">
          <Label htmlFor="pool-amount">{pool.unit === "grams" ? "Grams" : "Pieces"}</Label>
          <Input id="pool-amount" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </div>
        <div className="min-w-[200px] flex-1">
          <Label htmlFor="pool-reason">Reason</Label>
          <Input id="pool-reason" placeholder="Fresh batch, wastage, stock-take…" value={reason} onChange={(e) => setReason(e.target.value)} required />
        </div>
        <Button type="submit" isLoading={busy}>Save</Button>
      </form>
      <div className="flex items-end gap-3 px-6 py-4">
        <div className="w-56">
          <Label htmlFor="pool-threshold">Low-stock alert at ({pool.unit === "grams" ? "g" : "pieces"})</Label>
          <Input id="pool-threshold" inputMode="numeric" value={threshold} onChange={(e) => setThreshold(e.target.value)} placeholder="No alert" />
        </div>
        <Button variant="secondary" onClick={saveThreshold} isLoading={busy}>Save alert</Button>
      </div>
      <div className="px-6 py-4">
        <Text weight="plus" className="mb-2">History</Text>
        {pool.adjustments.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">No adjustments yet.</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Change</Table.HeaderCell>
                <Table.HeaderCell>After</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>By</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {pool.adjustments.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{new Date(a.created_at).toLocaleString("en-IN")}</Table.Cell>
                  <Table.Cell>{a.delta_units > 0 ? "+" : "−"}{quantity(Math.abs(a.delta_units), pool.unit)}</Table.Cell>
                  <Table.Cell>{quantity(a.stocked_after_units, pool.unit)}</Table.Cell>
                  <Table.Cell>{a.reason}</Table.Cell>
                  <Table.Cell>{a.actor_email ?? a.actor_id ?? "—"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductPoolWidget
