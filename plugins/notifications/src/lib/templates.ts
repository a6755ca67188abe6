import { PICKUP_HOURS_KEY, type ShopStatus as OrderShopStatus } from "@sweetshop/shop-contracts"
/**
 * Every message the shop sends, in one place. Short enough for one SMS
 * segment where possible; English by default, Hindi when asked.
 */
export type Language = "en" | "hi"

export type OrderPlacedData = {
  display_id: number | string
  items: { title: string; variant_title?: string | null; quantity: number }[]
  total_rupees: number
  payment: "cod" | "online"
  tracking_url?: string | null
}

export function formatRupees(rupees: number): string {
  return `₹${new Intl.NumberFormat("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rupees)}`
}

function itemsLine(items: OrderPlacedData["items"]): string {
  return items.map((i) => `${i.quantity} × ${i.title}${i.variant_title ? ` ${i.variant_title}` : ""}`).join(", ")
}

export function orderPlacedText(data: OrderPlacedData, language: Language = "en"): string {
  const total = formatRupees(data.total_rupees)
  const track = data.tracking_url ? ` ${language === "hi" ? "ट्रैक करें" : "Track"}: ${data.tracking_url}` : ""
  if (language === "hi") {
    const pay = data.payment === "cod" ? "डिलीवरी पर भुगतान" : "ऑनलाइन भुगतान"
    return `Sweet Shop: ऑर्डर #${data.display_id} मिला। ${itemsLine(data.items)}. कुल ${total} (${pay}).${track}`
  }
  const pay = data.payment === "cod" ? "cash on delivery" : "paid online"
  return `Sweet Shop: order #${data.display_id} placed. ${itemsLine(data.items)}. Total ${total} (${pay}).${track}`
}

/** What a status message can be about: the shop statuses (shop-contracts) and a refund. */
export type ShopStatus = OrderShopStatus | "refunded"

const STATUS_WORDS: Record<Language, Record<ShopStatus, string>> = {
  en: {
    placed: "placed",
    confirmed: "confirmed",
    preparing: "being prepared",
    out_for_delivery: "out for delivery",
    delivered: "delivered",
    ready_for_pickup: "ready for pickup",
    picked_up: "picked up",
    cancelled: "cancelled",
    refunded: "refunded",
  },
  hi: {
    placed: "मिल गया है",
    confirmed: "पक्का हो गया है",
    preparing: "तैयार हो रहा है",
    out_for_delivery: "डिलीवरी के लिए निकल चुका है",
    delivered: "पहुँच गया है",
    ready_for_pickup: "लेने के लिए तैयार है",
    picked_up: "ले लिया गया है",
    cancelled: "रद्द हो गया है",
    refunded: "का पैसा वापस कर दिया गया है",
  },
}

export function statusWords(status: string, language: Language = "en"): string {
  return STATUS_WORDS[language][status as ShopStatus] ?? status.replace(/_/g, " ")
}

export function paymentReceivedText(data: { display_id: number | string; amount_rupees: number }, language: Language = "en"): string {
  const amount = formatRupees(data.amount_rupees)
  return language === "hi"
    ? `Sweet Shop: ऑर्डर #${data.display_id} के लिए ${amount} का भुगतान मिल गया। धन्यवाद!`
    : `Sweet Shop: payment of ${amount} received for order #${data.display_id}. Thank you!`
}

/** Where and when a pickup order is collected (the notifications plugin's `pickup_address` and `pickup_hours`). */
export type PickupPlace = { address: string; hours: string }

/** The seed's kitchen (backend/src/scripts/seed-data/shop.ts) and its counter's hours, when SHOP_PICKUP_ADDRESS / SHOP_PICKUP_HOURS are not set. */
export const DEFAULT_PICKUP: PickupPlace = { address: "12 Halwai Gali, Chandni Chowk, New Delhi 110006", hours: "10 am to 9 pm, every day" }

/**
 * Where and when this order is collected: the counter's hours on its day as the backend wrote them
 * on the order at checkout (metadata PICKUP_HOURS_KEY, "10:00–21:00", from the hours staff set), else
 * the plugin's `pickup_hours` (SHOP_PICKUP_HOURS), else the seed's.
 */
export function pickupPlaceOf(metadata: Record<string, unknown> | null | undefined, options: { pickup_address?: string; pickup_hours?: string }): PickupPlace {
  const onOrder = metadata?.[PICKUP_HOURS_KEY]
  const hours = typeof onOrder === "string" && onOrder.trim() ? onOrder.trim() : options.pickup_hours || DEFAULT_PICKUP.hours
  return { address: options.pickup_address || DEFAULT_PICKUP.address, hours }
}

export type StatusData = { display_id: number | string; status: string; tracking_url?: string | null; pickup?: PickupPlace | null }

/** The status in words; "ready for pickup" says where and when the order can be collected. */
export function statusPhrase(data: StatusData, language: Language = "en"): string {
  const words = statusWords(data.status, language)
  if (data.status !== "ready_for_pickup" || !data.pickup) return words
  return language === "hi"
    ? `${words}: ${data.pickup.address} (खुला: ${data.pickup.hours})`
    : `${words} at ${data.pickup.address} (open ${data.pickup.hours})`
}

export function statusChangedText(data: StatusData, language: Language = "en"): string {
  const track = data.tracking_url ? ` ${language === "hi" ? "ट्रैक करें" : "Track"}: ${data.tracking_url}` : ""
  return language === "hi"
    ? `Sweet Shop: आपका ऑर्डर #${data.display_id} ${statusPhrase(data, "hi")}।${track}`
    : `Sweet Shop: your order #${data.display_id} is ${statusPhrase(data)}.${track}`
}

/** `instant`: Razorpay processed the refund at instant speed (speed_processed), so the money arrives in minutes; else its 5-7 days. */
export function refundedText(data: { display_id: number | string; amount_rupees: number; instant?: boolean }, language: Language = "en"): string {
  const amount = formatRupees(data.amount_rupees)
  if (data.instant) {
    return language === "hi"
      ? `Sweet Shop: ऑर्डर #${data.display_id} के ${amount} वापस कर दिए गए (इंस्टेंट रिफ़ंड)। कुछ ही मिनटों में खाते में आ जाएँगे।`
      : `Sweet Shop: ${amount} refunded for order #${data.display_id} as an instant refund. It reaches your account within minutes.`
  }
  return language === "hi"
    ? `Sweet Shop: ऑर्डर #${data.display_id} के ${amount} वापस कर दिए गए। 5-7 दिन में खाते में आ जाएँगे।`
    : `Sweet Shop: ${amount} refunded for order #${data.display_id}. It reaches your account in 5-7 days.`
}

export type LowStockData = { product_title: string; available_units: number; unit: string; low_stock_threshold_units: number }

function units(n: number, unit: string) {
  return unit === "grams" || unit === "g" ? `${n} g` : `${n} ${unit}`
}

/** For the staff number: always English (it is a work message). */
export function lowStockText(data: LowStockData): string {
  return `Sweet Shop stock: ${data.product_title} is low, ${units(data.available_units, data.unit)} left (alert at ${units(data.low_stock_threshold_units, data.unit)}).`
}

/** The answer to "status" from the phone an order was placed with. */
export function statusReplyText(data: { display_id: number | string; status: string; tracking_url?: string | null }, language: Language = "en"): string {
  const track = data.tracking_url ? ` ${language === "hi" ? "ट्रैक करें" : "Track"}: ${data.tracking_url}` : ""
  return language === "hi"
    ? `Sweet Shop: ऑर्डर #${data.display_id} ${statusWords(data.status, "hi")}।${track}`
    : `Sweet Shop: order #${data.display_id} is ${statusWords(data.status)}.${track}`
}

/** The answer to anyone else: the same words whatever they asked, so it tells nothing about any order. */
export function neutralReplyText(language: Language = "en"): string {
  return language === "hi"
    ? `Sweet Shop: ऑर्डर की जानकारी के लिए उसी फ़ोन से "status" लिखें जिससे ऑर्डर किया था।`
    : `Sweet Shop: to hear about an order, write "status" from the phone it was placed with.`
}

/**
 * WhatsApp business-initiated messages must be templates approved by Meta.
 * These are the templates to submit (name, category UTILITY, body); the
 * parameters fill {{1}}, {{2}}… in order. The texts above are their English
 * renderings, kept on the notification record and shown to staff.
 */
export const WHATSAPP_TEMPLATES = {
  order_placed: {
    body: "Sweet Shop: order #{{1}} placed. {{2}}. Total {{3}} ({{4}}). {{5}}",
    parameters: (d: OrderPlacedData, language: Language = "en") => [
      String(d.display_id),
      itemsLine(d.items),
      formatRupees(d.total_rupees),
      d.payment === "cod" ? (language === "hi" ? "डिलीवरी पर भुगतान" : "cash on delivery") : language === "hi" ? "ऑनलाइन भुगतान" : "paid online",
      // Templates cannot have an empty parameter: a dash when there is no tracking link yet.
      d.tracking_url ? `${language === "hi" ? "ट्रैक करें" : "Track"}: ${d.tracking_url}` : "-",
    ],
  },
  payment_received: {
    body: "Sweet Shop: payment of {{2}} received for order #{{1}}. Thank you!",
    parameters: (d: { display_id: number | string; amount_rupees: number }) => [String(d.display_id), formatRupees(d.amount_rupees)],
  },
  order_status_update: {
    body: "Sweet Shop: your order #{{1}} is {{2}}. {{3}}",
    parameters: (d: StatusData, language: Language = "en") => [
      String(d.display_id),
      statusPhrase(d, language),
      d.tracking_url ? `${language === "hi" ? "ट्रैक करें" : "Track"}: ${d.tracking_url}` : "-",
    ],
  },
  order_refunded: {
    body: "Sweet Shop: {{2}} refunded for order #{{1}}. It reaches your account in 5-7 days.",
    parameters: (d: { display_id: number | string; amount_rupees: number }) => [String(d.display_id), formatRupees(d.amount_rupees)],
  },
  order_refunded_instant: {
    body: "Sweet Shop: {{2}} refunded for order #{{1}} as an instant refund. It reaches your account within minutes.",
    parameters: (d: { display_id: number | string; amount_rupees: number }) => [String(d.display_id), formatRupees(d.amount_rupees)],
  },
  payment_refunded_no_order: {
    body: "Sweet Shop: {{1}}",
    parameters: (d: { text: string }) => [d.text],
  },
  payment_failed: {
    body: "Sweet Shop: {{1}}",
    parameters: (d: { text: string }) => [d.text],
  },
  payment_link: {
    body: "Sweet Shop: please pay {{1}} for your order at {{2}} by {{3}}.",
    parameters: (d: { amount_paise: number; url: string; expires_at: string }) => [
      formatRupees(d.amount_paise / 100),
      d.url,
      new Intl.DateTimeFormat("en-IN", { timeZone: "Asia/Kolkata", hour: "numeric", minute: "2-digit", day: "numeric", month: "short" }).format(new Date(d.expires_at)),
    ],
  },
  staff_payment_alert: {
    body: "Sweet Shop payments: {{1}}",
    parameters: (d: { text: string }) => [d.text],
  },
  staff_backup_alert: {
    body: "Sweet Shop backup: {{1}}",
    parameters: (d: { text: string }) => [d.text],
  },
  low_stock_alert: {
    body: "Sweet Shop stock: {{1}} is low, {{2}} left (alert at {{3}}).",
    parameters: (d: LowStockData) => [d.product_title, units(d.available_units, d.unit), units(d.low_stock_threshold_units, d.unit)],
  },
} as const

export type WhatsAppTemplateName = keyof typeof WHATSAPP_TEMPLATES
