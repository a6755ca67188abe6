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
  // Fields are checked when Save is pressed, not by the browser: an emptied field after a save is not an error.
  const [tried, setTried] = useState(false)

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

  const amountProblem = !/^\d+$/.test(amount.trim()) || Number(amount) <= 0 ? `Enter the ${pool?.unit === "pieces" ? "pieces" : "grams"} as a whole number above 0.` : null
  const reasonProblem = reason.trim() ? null : "Say why the stock changes (fresh batch, wastage, stock-take…)."

  const adjust = async (event: FormEvent) => {
    event.preventDefault()
    if (amountProblem || reasonProblem) {
      setTried(true)
      return
    }
    const units = Number(amount)
    const body =
      mode === "set" ? { set_to_units: units, reason } : { delta_units: mode === "add" ? units : -units, reason }
    setBusy(true)
    try {
      await call(`/admin/product-pools/${product.id}/adjustments`, { method: "POST", body: JSON.stringify(body) })
      toast.success("Stock updated")
      setTried(false)
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
      <div className="px-6 py-4" data-testid="pool-per-variant">
        <Text size="small" weight="plus">What each size can sell now</Text>
        <Text size="small" className="text-ui-fg-subtle">
          Every size draws on this one pool. Medusa's Variants list above counts each size against the pool in its own way
          (it can read "0 available at 1 location"); the figures here are what the shop sells.
        </Text>
        <ul className="mt-1">
          {pool.variants.map((v) => (
            <li key={v.variant_id}>
              <Text size="small">
                {v.title} ({quantity(v.units_per_variant, pool.unit)} each): <span className="font-medium">{v.buyable_now}</span> can be sold now
              </Text>
            </li>
          ))}
        </ul>
      </div>
      <form onSubmit={adjust} noValidate className="flex flex-wrap items-end gap-3 px-6 py-4" aria-label="Adjust stock">
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
          <Input
            id="pool-amount"
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={tried && amountProblem ? true : undefined}
            aria-describedby={tried && amountProblem ? "pool-amount-problem" : undefined}
          />
        </div>
        <div className="min-w-[200px] flex-1">
          <Label htmlFor="pool-reason">Reason</Label>
          <Input
            id="pool-reason"
            placeholder="Fresh batch, wastage, stock-take…"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={tried && reasonProblem ? true : undefined}
            aria-describedby={tried && reasonProblem ? "pool-reason-problem" : undefined}
          />
        </div>
        <Button type="submit" isLoading={busy}>Save</Button>
        {tried && (amountProblem || reasonProblem) && (
          <div className="w-full" role="alert">
            {amountProblem && <Text id="pool-amount-problem" size="small" className="text-ui-fg-error">{amountProblem}</Text>}
            {reasonProblem && <Text id="pool-reason-problem" size="small" className="text-ui-fg-error">{reasonProblem}</Text>}
          </div>
        )}
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
                  <Table.Cell>{new Date(a.created_at).toLocaleString("en-IN", { timeZone: "Asia/Kolkata", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" })}</Table.Cell>
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

// Placed right after Medusa's Variants section by the shop's default product-page layout
// (src/migration-scripts/pool-after-variants.ts), which names this id.
export const config = defineWidgetConfig({ zone: "product.details.after", id: "sweetshop-product-pool" })

export default ProductPoolWidget
