import { CASH_ON_DELIVERY_PROVIDER_ID, RAZORPAY_PROVIDER_ID } from "@sweetshop/shop-contracts"
import { HOME_DELIVERY_TYPE_CODE } from "../../lib/rules/delivery-area"

/** The shop itself: names, the kitchen, delivery charges. Amounts are whole rupees. */
export const SHOP = {
  storeName: "Sweet Shop",
  regionName: "India",
  salesChannelName: "Sweet Shop Website",
  /** The storefront finds its publishable key by this title (see scripts/start.mjs). */
  publishableKeyTitle: "Sweet Shop Storefront",
  /** Medusa's built-in manual payment provider, shown to shoppers as cash on delivery. */
  cashOnDeliveryProviderId: CASH_ON_DELIVERY_PROVIDER_ID,
  razorpayProviderId: RAZORPAY_PROVIDER_ID,
  fulfillmentProviderId: "manual_manual",
  /** The code of home delivery's shipping option type; its delivery-area rule and its prices are found by it. */
  homeDeliveryTypeCode: HOME_DELIVERY_TYPE_CODE,
  /** GST on sweets and namkeen; prices already include it. */
  gstPercent: 5,
  kitchen: {
    name: "Sweet Shop Kitchen",
    address: {
      address_1: "12 Halwai Gali, Chandni Chowk",
      city: "New Delhi",
      postal_code: "110006",
      province: "Delhi",
      country_code: "in",
      phone: "+911123456789",
    },
  },
  /** The seeded delivery areas' charge and free-above threshold (seed-data/delivery.ts); staff change them per area. */
  delivery: {
    chargeRupees: 60,
    freeFromRupees: 999,
  },
  /** The staff login's email unless ADMIN_EMAIL is set. No default password: ADMIN_PASSWORD, or a random one (seed.ts). */
  defaultAdmin: {
    email: "admin@sweetshop.local",
  },
} as const
