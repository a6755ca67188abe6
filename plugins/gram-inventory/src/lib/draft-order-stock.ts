import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { convertDraftOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { HoldRecord } from "./hold-records"
import { holdLinesStock, HoldResult, releaseCartHolds, restoreHolds } from "./payment-holds"
import { availableByPool, CartLineInput, checkLines, judgePlan, planPools, refuseShortfalls, withUnits } from "./pool-check"
import { acquirePoolLocks, draftLockOwner, releasePoolLocks } from "./pool-locks"

/**
 * Phone and WhatsApp orders: staff build a Medusa draft order and send its
 * customer a payment link. While the link is out, the draft's grams are held
 * in their pools like a paying shopper's cart (a payment hold whose
 * `external_id` is the draft order's id), so a paid link can always become an
 * order; the hold runs out with the link (expire-payment-holds job).
 *
 * When the link is paid, the draft becomes an order with Medusa's
 * convertDraftOrderWorkflow, under the pools' locks: the hold is let go, the
 * sum of the lines per pool is checked (Medusa checks each line alone,
 * medusajs/medusa#16502) and Medusa reserves them, with no other checkout in
 * between.
 *
 * Medusa's own "Convert to order" (a staff order paid on delivery) gets the same
 * guarantee from lockDraftOrderPools, run by this plugin's middleware on that route.
 */

export type DraftOrderStock = { id: string; status: string; is_draft_order: boolean; sales_channel_id: string | null; lines: CartLineInput[] }

export async function draftOrderStock(container: Pick<MedusaContainer, "resolve">, draftOrderId: string): Promise<DraftOrderStock | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "is_draft_order", "sales_channel_id", "items.*"],
    filters: { id: draftOrderId },
  })
  const order = data[0] as any
  if (!order) return undefined
  return {
    id: order.id,
    status: order.status,
    is_draft_order: Boolean(order.is_draft_order),
    sales_channel_id: order.sales_channel_id ?? null,
    lines: (order.items ?? [])
      .filter((item: any) => item?.variant_id)
      // An order's quantities come back as Medusa BigNumbers.
      .map((item: any) => ({ key: item.id, variant_id: item.variant_id, quantity: wholeQuantity(item.quantity) })),
  }
}

/** A quantity as Medusa returns it (number, numeric string, BigNumber or its raw { value }) as a number. */
export function wholeQuantity(quantity: unknown): number {
  if (quantity && typeof quantity === "object") {
    const q = quantity as { numeric?: unknown; value?: unknown }
    return Number(q.numeric ?? q.value ?? String(quantity))
  }
  return Number(quantity)
}

function refuseUnlessDraft(draft: DraftOrderStock | undefined, draftOrderId: string): asserts draft is DraftOrderStock {
  if (!draft) throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no draft order ${draftOrderId}.`, "draft_order_not_found")
  if (!draft.is_draft_order || draft.status !== "draft") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${draftOrderId} is no longer a draft: it has already become an order.`, "draft_order_converted")
  }
}

/** Holds a draft order's grams for `minutes` (a retry renews the hold rather than doubling it). */
export async function holdDraftOrderStock(
  container: MedusaContainer,
  draftOrderId: string,
  { minutes, now = Date.now() }: { minutes: number; now?: number }
): Promise<HoldResult> {
  const draft = await draftOrderStock(container, draftOrderId)
  refuseUnlessDraft(draft, draftOrderId)
  return holdLinesStock(container, { holderId: draft.id, salesChannelId: draft.sales_channel_id, lines: draft.lines, minutes, now })
}

/** The draft becomes an order; its hold becomes the order's reservation, inside the pools' locks. */
export async function convertHeldDraftOrder(container: MedusaContainer, draftOrderId: string): Promise<{ order_id: string }> {
  const draft = await draftOrderStock(container, draftOrderId)
  refuseUnlessDraft(draft, draftOrderId)
  const plan = await planPools(container, draft.lines)
  const poolIds = [...plan.meta.keys()]
  const locking = container.resolve(Modules.LOCKING)
  const owner = draftLockOwner(draft.id)
  if (poolIds.length) await acquirePoolLocks(locking, poolIds, owner)
  let released: HoldRecord[] = []
  try {
    released = await releaseCartHolds(container, draft.id)
    if (poolIds.length) {
      const available = await availableByPool(container, poolIds, draft.sales_channel_id)
      let verdicts = judgePlan(plan, available)
      if (verdicts.some((v) => !v.ok)) {
        verdicts = judgePlan(await withUnits(container, plan, draft.lines.map((l) => l.variant_id)), available)
        refuseShortfalls(verdicts)
      }
    }
    const { result } = await convertDraftOrderWorkflow(container).run({ input: { id: draft.id } })
    return { order_id: (result as any).id }
  } catch (error) {
    await restoreHolds(container, released).catch(() => undefined)
    throw error
  } finally {
    if (poolIds.length) await releasePoolLocks(locking, owner)
  }
}

/**
 * Before Medusa's own convert-to-order (POST /admin/draft-orders/:id/convert-to-order, cash
 * on delivery), whose convertDraftOrderWorkflow checks each line alone (medusajs/medusa#16502)
 * and has no hook: the draft's pools are locked and the sum of its lines per pool checked
 * (refused with the shortfall's sentence, code pool_shortfall). What the draft itself holds for
 * an outstanding payment link counts as its own (payment-razorpay lets that hold go before the
 * route runs). The caller keeps the locks until the route has answered and then calls `done`:
 * once the draft is an order, a hold of it still left goes (its grams are the order's
 * reservation now), and the locks are released.
 *
 * Nothing to guard (undefined): not a draft (the route answers for it), or no line draws on a pool.
 */
export async function lockDraftOrderPools(
  container: MedusaContainer,
  draftOrderId: string
): Promise<{ done: (converted: boolean) => Promise<void> } | undefined> {
  const draft = await draftOrderStock(container, draftOrderId)
  if (!draft?.is_draft_order || draft.status !== "draft") return undefined
  const poolIds = [...(await planPools(container, draft.lines)).meta.keys()]
  if (!poolIds.length) return undefined
  const locking = container.resolve(Modules.LOCKING)
  const owner = draftLockOwner(draft.id)
  await acquirePoolLocks(locking, poolIds, owner)
  try {
    const { pools } = await checkLines(container, draft.lines, draft.sales_channel_id, draft.id)
    refuseShortfalls(pools)
  } catch (error) {
    await releasePoolLocks(locking, owner)
    throw error
  }
  return {
    done: async (converted: boolean) => {
      try {
        if (converted) await releaseCartHolds(container, draft.id)
      } finally {
        await releasePoolLocks(locking, owner)
      }
    },
  }
}
