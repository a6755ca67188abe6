import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefusalCode } from "@sweetshop/shop-contracts"
import {
  addShippingMethodToCartWorkflow,
  fetchShippingOptionForDraftOrderWorkflow,
  listShippingOptionsForCartWithPricingWorkflow,
  listShippingOptionsForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { deliveryAreaContext, priceAreaOf, withPriceArea } from "../../lib/rules/delivery-area"
import { deliveryRefusal, homeDeliveryOptionIds } from "../../lib/flows/home-delivery"
import { servedRanges } from "../../lib/flows/delivery-settings"

/**
 * Home delivery only inside the delivery area, the Medusa way: the cart's
 * pincode goes into the shipping-options context, where home delivery's rule
 * (seeded, DELIVERY_AREA_RULE) reads it. Medusa then leaves home delivery out
 * of GET /store/shipping-options for a pincode outside the area, and removes
 * a home-delivery method from a cart whose address moves outside
 * (refreshCartShippingMethodsWorkflow lists options through the "with
 * pricing" workflow, hence both hooks).
 */
const PINCODE = /^[1-9]\d{5}$/
type CartWithAddress = { shipping_address?: { postal_code?: string | null } | null }

// The area is the delivery settings module's, read each time (a pincode staff add is served at once).
listShippingOptionsForCartWorkflow.hooks.setShippingOptionsContext(async ({ cart }, { container }) => {
  return new StepResponse(deliveryAreaContext((cart as CartWithAddress)?.shipping_address?.postal_code, await servedRanges(container)))
})

// GET /store/shipping-options prices the options with a context of chosen cart fields (not the whole cart,
// as the workflows that put a method on the cart do), without the address's metadata: the delivery area home
// delivery is priced by (lib/rules/delivery-area.ts) is added here, from the cart's pincode, so the listed
// price is the one the cart will be charged (a stale area on the cart is rewritten before it is ordered).
listShippingOptionsForCartWorkflow.hooks.setPricingContext(async ({ cart }, { container }) => {
  const address = (cart as CartWithAddress)?.shipping_address
  if (!address?.postal_code) return new StepResponse({})
  return new StepResponse({ shipping_address: withPriceArea(address, priceAreaOf(address.postal_code, await servedRanges(container))) })
})

// Staff adding (or changing) a shipping method on a staff order (a draft order, Medusa's admin) get it priced
// with the order's currency alone, so home delivery would cost the first area's charge whatever the address:
// the draft's delivery area and its items' total (as the draft stands with the edit staff are making) are added,
// so the area's charge and free-above threshold apply as on a cart.
fetchShippingOptionForDraftOrderWorkflow.hooks.setPricingContext(async (input, { container }) => {
  const orderId = (input as { order_id?: string }).order_id
  if (!orderId) return new StepResponse({})
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "item_total", "shipping_address.postal_code"], filters: { id: orderId } })
  const order = data[0] as { item_total?: unknown; shipping_address?: { postal_code?: string | null } | null } | undefined
  if (!order) return new StepResponse({})
  const preview = (await container.resolve(Modules.ORDER).previewOrderChange(orderId).catch(() => null)) as { item_total?: unknown } | null
  const itemTotal = Number(preview?.item_total ?? order.item_total ?? 0)
  const postalCode = order.shipping_address?.postal_code
  return new StepResponse({
    item_total: itemTotal,
    ...(postalCode ? { shipping_address: withPriceArea({ postal_code: postalCode }, priceAreaOf(postalCode, await servedRanges(container))) } : {}),
  })
})

listShippingOptionsForCartWithPricingWorkflow.hooks.setShippingOptionsContext(async ({ cart }, { container }) => {
  return new StepResponse(deliveryAreaContext((cart as CartWithAddress)?.shipping_address?.postal_code, await servedRanges(container)))
})

// Choosing home delivery for an address outside the area: the shopper's
// sentence (Medusa alone would say "Shipping Options are invalid for cart."),
// before the cart changes.
// A pincode written otherwise than as six digits ("110 024") gets the pincode sentence: the address
// is what the rider reads, and the order's GST invoice prints it.
addShippingMethodToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const optionIds = (input.options ?? []).map((option) => option.id)
  const postalCode = (cart as CartWithAddress)?.shipping_address?.postal_code
  const refusal = await deliveryRefusal(container, postalCode, optionIds)
  if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal, "undeliverable_pincode" satisfies RefusalCode)
  if (postalCode && !PINCODE.test(postalCode) && (await homeDeliveryOptionIds(container, optionIds)).length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Please enter a 6-digit Indian pincode, for example 110024.", "invalid_pincode" satisfies RefusalCode)
  }
})
