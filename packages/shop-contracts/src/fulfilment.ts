/**
 * Is a shipping option (or an order's shipping method's option) a store
 * pickup? The seed puts pickup in a fulfilment set of type "pickup"; that set's
 * type is the one rule. An option read without its service zone is asked by
 * its type code ("store-pickup"), which the seed gives every pickup option.
 */

export const PICKUP_FULFILLMENT_SET_TYPE = "pickup"
export const PICKUP_OPTION_TYPE_CODE = "store-pickup"

export type ShippingOptionShape = {
  service_zone?: { fulfillment_set?: { type?: string | null } | null } | null
  type?: { code?: string | null } | null
} | null | undefined

export function isPickupOption(option: ShippingOptionShape): boolean {
  const setType = option?.service_zone?.fulfillment_set?.type
  if (typeof setType === "string") return setType === PICKUP_FULFILLMENT_SET_TYPE
  return option?.type?.code === PICKUP_OPTION_TYPE_CODE
}

/**
 * The order metadata key holding a pickup order's counter hours on its day ("10:00–21:00"),
 * written by the backend's checkout from the pickup hours staff set (never taken from a
 * shopper: the checkout's metadata allowlist refuses it) and read by the notifications
 * plugin's "ready for pickup" message.
 */
export const PICKUP_HOURS_KEY = "pickup_hours"
