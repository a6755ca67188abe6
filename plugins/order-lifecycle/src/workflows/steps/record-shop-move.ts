import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ShopStatus } from "@sweetshop/shop-contracts"
import { lifecycleService } from "../../lib/shop-orders"

/** The order's shop status, set to where the move goes; compensated by putting it back. */
export const setShopStatusStep = createStep(
  "set-shop-status",
  async (input: { shop_order_id: string; from: ShopStatus; to: ShopStatus }, { container }) => {
    await lifecycleService(container).updateShopOrders({ id: input.shop_order_id, status: input.to })
    return new StepResponse(input.to, { shop_order_id: input.shop_order_id, from: input.from })
  },
  async (undo, { container }) => {
    if (undo) await lifecycleService(container).updateShopOrders({ id: undo.shop_order_id, status: undo.from })
  }
)

export type RecordShopMoveInput = {
  order_id: string
  from: ShopStatus
  to: ShopStatus
  actor_type: "user" | "system"
  actor_id: string | null
  note: string | null
}

/** The move's row in the order's history (who, when, from where to where); compensated by deleting it. */
export const recordShopMoveStep = createStep(
  "record-shop-move",
  async (input: RecordShopMoveInput, { container }) => {
    const change = await lifecycleService(container).createStatusChanges({
      order_id: input.order_id,
      from_status: input.from,
      to_status: input.to,
      actor_type: input.actor_type,
      actor_id: input.actor_id,
      note: input.note,
    })
    return new StepResponse({ id: change.id as string, created_at: change.created_at }, change.id as string)
  },
  async (changeId, { container }) => {
    if (changeId) await lifecycleService(container).deleteStatusChanges(changeId)
  }
)
