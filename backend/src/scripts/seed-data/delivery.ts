/**
 * The delivery settings the seed writes (staff change them afterwards in the admin,
 * Delivery settings): today's Delhi NCR area, two slots every day, lead times.
 * The slot codes are what the storefront sends as delivery_slot ("morning", "evening").
 */
export const SEED_DELIVERY_AREAS = [
  { name: "New Delhi", city: "New Delhi", state: "Delhi", pincode_from: 110001, pincode_to: 110097 },
  { name: "Gurugram", city: "Gurugram", state: "Haryana", pincode_from: 122001, pincode_to: 122018 },
  { name: "Noida", city: "Noida", state: "Uttar Pradesh", pincode_from: 201301, pincode_to: 201310 },
  { name: "Ghaziabad", city: "Ghaziabad", state: "Uttar Pradesh", pincode_from: 201001, pincode_to: 201017 },
  { name: "Faridabad", city: "Faridabad", state: "Haryana", pincode_from: 121001, pincode_to: 121010 },
].map((area) => ({ ...area, delivery_charge_rupees: 60, free_above_rupees: 999 }))

/** Home deliveries per slot per day: about what the shop's four riders carry. */
export const SEED_SLOT_CAPACITY = 40

/** Each weekday (0 Sunday … 6 Saturday), both slots; the cut-off is three hours before the slot starts. */
export const SEED_SLOTS = [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) => [
  { weekday, code: "morning", label: "10:00–13:00", starts_at: "10:00", ends_at: "13:00", cutoff_minutes: 180, capacity: SEED_SLOT_CAPACITY },
  { weekday, code: "evening", label: "16:00–20:00", starts_at: "16:00", ends_at: "20:00", cutoff_minutes: 180, capacity: SEED_SLOT_CAPACITY },
])

/** Hours a product needs before its slot, by handle: fresh syrup sweets are made the day before. */
export const SEED_LEAD_HOURS: Record<string, number> = { rasgulla: 24 }

/**
 * The counter's pickup hours, every day 10:00–21:00: the hours the ready-for-pickup message
 * gives when SHOP_PICKUP_HOURS is unset ("10 am to 9 pm, every day", plugins/notifications).
 */
export const SEED_PICKUP_HOURS = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens_at: "10:00", closes_at: "21:00" }))
