import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CASH_ON_DELIVERY_PROVIDER_ID, type RefusalCode } from "@sweetshop/shop-contracts"
import { readShopEnv } from "../../config/env"
import { cashOnDeliveryRefusal } from "../rules/cash-on-delivery"

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
