import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Payment holds are Medusa reservations: they count in every pool's reserved
 * figure (the admin's Inventory pages, the catalogue's stock, the pool guard)
 * without a table of their own. A hold is told apart from an order's
 * reservation by its description; `external_id` is the cart it holds for.
 */
export const PAYMENT_HOLD_DESCRIPTION = "Payment hold"

export type HoldRecord = {
  id: string
  inventory_item_id: string
  location_id: string
  quantity: number
  external_id: string | null
  metadata: Record<string, unknown> | null
}

export async function listHolds(container: Pick<MedusaContainer, "resolve">, cartId?: string): Promise<HoldRecord[]> {
  const inventory = container.resolve(Modules.INVENTORY)
  const rows = await inventory.listReservationItems(
    { description: PAYMENT_HOLD_DESCRIPTION, ...(cartId ? { external_id: cartId } : {}) } as any,
    { select: ["id", "inventory_item_id", "location_id", "quantity", "external_id", "metadata"], take: null as any }
  )
  return rows.map((r: any) => ({ ...r, quantity: Number(r.quantity) }))
}

/** Grams (or pieces) a cart holds per pool while its shopper pays. */
export async function heldByCart(container: Pick<MedusaContainer, "resolve">, cartId: string): Promise<Map<string, number>> {
  const held = new Map<string, number>()
  for (const hold of await listHolds(container, cartId)) held.set(hold.inventory_item_id, (held.get(hold.inventory_item_id) ?? 0) + hold.quantity)
  return held
}

export function holdExpiresAt(hold: Pick<HoldRecord, "metadata">): number {
  const at = Date.parse(String(hold.metadata?.expires_at ?? ""))
  return Number.isFinite(at) ? at : 0
}
