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
