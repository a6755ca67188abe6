import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CASH_ON_DELIVERY_PROVIDER_ID, type RefusalCode } from "@sweetshop/shop-contracts"
import { readShopEnv } from "../../config/env"
import { cashOnDeliveryRefusal, formatRupees } from "../rules/cash-on-delivery"

/**
 * On POST /store/payment-collections/:id/payment-sessions: a cash-on-delivery
 * session is refused above COD_MAX_ORDER_RUPEES, before anything is created.
 */
export async function limitCashOnDelivery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { provider_id?: string }
  if (body.provider_id !== CASH_ON_DELIVERY_PROVIDER_ID) return next()
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment_collection", fields: ["id", "amount"], filters: { id: req.params.id } })
    const amount = Number(data[0]?.amount ?? 0)
    const refusal = cashOnDeliveryRefusal(amount, readShopEnv(process.env).COD_MAX_ORDER_RUPEES)
    if (refusal) return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "cod_over_cap" satisfies RefusalCode))
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * On POST /admin/draft-orders/:id/convert-to-order: staff turn a phone order's
 * draft into an order without a payment, that is, cash on delivery, which is
 * refused above COD_MAX_ORDER_RUPEES like the storefront's (staff send a
 * payment link instead). A draft paid through its link is converted by the
 * payment plugin, not through this route.
 */
export async function limitStaffCashOnDelivery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // Registered without a method (so that it runs before the plugins' middlewares on the route): POST only.
  if (req.method !== "POST") return next()
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "total", "is_draft_order"], filters: { id: req.params.id } })
    const draft = data[0] as { total?: unknown; is_draft_order?: boolean } | undefined
    if (!draft?.is_draft_order) return next() // Medusa answers for a missing or converted draft
    const cap = readShopEnv(process.env).COD_MAX_ORDER_RUPEES
    const total = Number((draft.total as any)?.numeric ?? draft.total ?? 0)
    if (cashOnDeliveryRefusal(total, cap)) {
      const message = `Cash on delivery is available for orders up to ${formatRupees(cap)}; this order is ${formatRupees(total)}. Send the customer a payment link instead.`
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, message, "cod_over_cap" satisfies RefusalCode))
    }
    next()
  } catch (error) {
    next(error)
  }
}
