import type { HttpTypes } from "@medusajs/types"
import type { FulfillmentKind } from "@sweetshop/shop-contracts"
import { pincodeOf, type CheckoutFields } from "../../checkout-form"
import { rupeesAsPaise } from "../../format"
import { readConfig } from "../config"
import { BackendUnavailableError, ShopRefusal, store } from "../medusa"

/**
 * Delivery or pickup: the shop's two shipping options, where the sweets go, and
 * what the choice costs, from the backend's own cart totals.
 */

export const DELIVERY_OPTION = "Home delivery"
export const PICKUP_OPTION = "Store pickup"
/** Where pickup orders are collected (the kitchen, as seeded). */
export const PICKUP_ADDRESS = { address_1: "Store pickup: 12 Halwai Gali, Chandni Chowk", city: "New Delhi", province: "Delhi", postal_code: "110006" }
export const PICKUP_ADDRESS_LINE = "12 Halwai Gali, Chandni Chowk, New Delhi 110006"

const live = { cache: "live" as const }

export function optionNameOf(fulfilment: FulfillmentKind): string {
  return fulfilment === "delivery" ? DELIVERY_OPTION : PICKUP_OPTION
}

/**
 * The ids of the shop's two shipping options ("Home delivery", "Store pickup"),
 * asked of the backend once and kept for SHIPPING_IDS_MS: they change only when
 * staff replace an option, and a checkout refused for an unknown option asks again.
 */
const SHIPPING_IDS_MS = 10 * 60_000
let shippingIds: { backend: string; at: number; byName: Map<string, string> } | null = null

export async function shippingOptionId(cartId: string, name: string, fresh = false): Promise<string | null> {
  const backend = readConfig().backendUrl
  if (fresh || !shippingIds || shippingIds.backend !== backend || Date.now() - shippingIds.at > SHIPPING_IDS_MS || !shippingIds.byName.has(name)) {
    const { shipping_options } = await store<{ shipping_options: HttpTypes.StoreCartShippingOption[] }>("/store/shipping-options", {
      query: { cart_id: cartId, fields: "id,name" },
      freshness: live,
    })
    shippingIds = { backend, at: Date.now(), byName: new Map(shipping_options.map((o) => [o.name, o.id])) }
  }
  return shippingIds.byName.get(name) ?? null
}

/** The address part of the order: the shopper's for home delivery (with the landmark as address_2), the shop's for pickup. */
export function placeOf(fields: CheckoutFields) {
  if (fields.fulfilment === "pickup") return PICKUP_ADDRESS
  return {
    address_1: fields.address,
    ...(fields.landmark ? { address_2: fields.landmark } : {}),
    city: fields.city,
    province: fields.state,
    postal_code: pincodeOf(fields),
  }
}

/** What the order will cost with a choice, in paise, as the backend's cart totals say (prices include GST). */
export type CheckoutTotals = {
  fulfilment: FulfillmentKind
  itemsPaise: number
  /** Null when the backend would not put this choice on the cart (home delivery to a pincode outside the area). */
  shippingPaise: number | null
  /** The GST inside the total. */
  taxPaise: number | null
  totalPaise: number | null
}

const TOTAL_FIELDS = "id,item_total,shipping_total,tax_total,total"

/**
 * The order's total with delivery or pickup, before ordering: the chosen
 * shipping option is put on the cart (Medusa's `POST /store/carts/:id/shipping-methods`,
 * which the checkout would do anyway) and the cart's own totals are read back,
 * so the figure shown is the one the order gets: the delivery area's charge and
 * free-delivery rule, the GST inside the prices, any change Medusa makes. One
 * call per choice (two when a served pincode goes on the cart first).
 */
export async function checkoutTotals(cartId: string, fulfilment: FulfillmentKind, pincode: string | null = null): Promise<CheckoutTotals> {
  const name = optionNameOf(fulfilment)
  // Home delivery costs what the pincode's delivery area charges (the backend prices it by the
  // cart's pincode): the served pincode goes on the cart first; the whole address comes with the order.
  if (fulfilment === "delivery" && pincode && /^[1-9]\d{5}$/.test(pincode)) {
    await store(`/store/carts/${cartId}`, {
      method: "POST",
      body: { shipping_address: { country_code: "in", postal_code: pincode } },
      query: { fields: "id" },
      freshness: live,
    }).catch((error) => {
      if (!(error instanceof ShopRefusal) && !(error instanceof BackendUnavailableError)) throw error
    })
  }
  for (const fresh of [false, true]) {
    const optionId = await shippingOptionId(cartId, name, fresh)
    if (!optionId) break
    try {
      const { cart } = await store<{ cart: HttpTypes.StoreCart }>(`/store/carts/${cartId}/shipping-methods`, {
        method: "POST",
        body: { option_id: optionId },
        query: { fields: TOTAL_FIELDS },
        freshness: live,
        timeoutMs: 15_000,
      })
      return {
        fulfilment,
        itemsPaise: rupeesAsPaise(cart.item_total),
        shippingPaise: rupeesAsPaise(cart.shipping_total),
        taxPaise: rupeesAsPaise(cart.tax_total),
        totalPaise: rupeesAsPaise(cart.total),
      }
    } catch (error) {
      if (!(error instanceof ShopRefusal) && !(error instanceof BackendUnavailableError)) throw error
      // An option replaced by staff since its id was read: ask the ids again once.
      if (error instanceof ShopRefusal && !fresh) continue
      break
    }
  }
  // The choice could not be put on the cart (home delivery outside the area, an option replaced):
  // the sweets' total still stands; the rest is said when the order is placed.
  const { cart } = await store<{ cart: HttpTypes.StoreCart }>(`/store/carts/${cartId}`, { query: { fields: "id,item_total" }, freshness: live })
  return { fulfilment, itemsPaise: rupeesAsPaise(cart.item_total), shippingPaise: null, taxPaise: null, totalPaise: null }
}
