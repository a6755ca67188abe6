import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefusalCode } from "@sweetshop/shop-contracts"
import {
  addShippingMethodToCartWorkflow,
  listShippingOptionsForCartWithPricingWorkflow,
  listShippingOptionsForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { deliveryAreaContext, PRICE_AREA_METADATA_KEY, priceAreaOf } from "../../lib/rules/delivery-area"
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
  return new StepResponse({ shipping_address: { ...address, metadata: { [PRICE_AREA_METADATA_KEY]: priceAreaOf(address.postal_code, await servedRanges(container)) } } })
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
