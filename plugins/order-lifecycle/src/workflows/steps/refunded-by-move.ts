import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderPaymentRefundedData } from "@sweetshop/shop-contracts"
import { fetchOrder, refundedPaise } from "../../lib/shop-orders"

/**
 * The refund a cancellation made (paise refunded since the move began, read
 * after Medusa's cancel), as the payload of the refund event: one, or none when
 * the move was no cancellation or nothing was refunded.
 */
export const refundedByMoveStep = createStep(
  "refunded-by-move",
  async (input: { order_id: string; display_id: number; cancelled: boolean; refunded_before_paise: number }, { container }) => {
    if (!input.cancelled) return new StepResponse([] as OrderPaymentRefundedData[])
    const amount = refundedPaise(await fetchOrder(container, input.order_id)) - input.refunded_before_paise
    return new StepResponse(amount > 0 ? [{ id: input.order_id, display_id: input.display_id, amount_paise: amount }] : [])
  }
)
