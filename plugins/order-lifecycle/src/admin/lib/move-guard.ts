import { humanDay } from "./order-display"

/**
 * What staff are asked before a Shop status move. Every move sends the customer an
 * SMS and a WhatsApp, and none can be taken back (statuses only go forward), so every
 * move is confirmed, then waits UNDO_SECONDS with an Undo before the request is sent.
 */
export const UNDO_SECONDS = 5

/** Statuses that say the sweets have left (or are waiting at the counter). */
const HANDED_OVER = ["out_for_delivery", "ready_for_pickup", "delivered", "picked_up"]

export type MoveContext = {
  order_number: number
  to: string
  label: string
  fulfillment_kind: "delivery" | "pickup"
  payment_mode: "cod" | "online"
  delivery_date: string
  slot: string
  today: string
}

/** What happens besides the message, in one sentence per move. */
function effect(c: MoveContext): string {
  switch (c.to) {
    case "confirmed":
      return c.payment_mode === "online" ? "An online payment not yet captured is captured." : "The order goes on the kitchen sheet."
    case "preparing":
      return "A fulfilment is made: the sweets leave the stock pool."
    case "out_for_delivery":
      return "The fulfilment is marked shipped."
    case "ready_for_pickup":
      return "The customer is told the shop's address and opening hours."
    case "delivered":
    case "picked_up":
      return c.payment_mode === "cod"
        ? "The cash is recorded as paid (the payment is captured) and the order is completed."
        : "The fulfilment is marked delivered and the order is completed."
    case "cancelled":
      return c.payment_mode === "online" ? "The stock goes back and the online payment is refunded." : "The stock goes back."
    default:
      return ""
  }
}

/** The early warning: handing over an order before its day. */
export function earlyWarning(c: MoveContext): string | null {
  if (!HANDED_OVER.includes(c.to) || !c.delivery_date || c.delivery_date <= c.today) return null
  return `Order #${c.order_number} is due on ${humanDay(c.delivery_date)}${c.slot ? ` (${c.slot})` : ""}; today is ${humanDay(c.today)}.`
}

export function moveQuestion(c: MoveContext) {
  const cancelling = c.to === "cancelled"
  return {
    title: cancelling ? `Cancel order #${c.order_number}?` : `Mark order #${c.order_number} ${c.label.toLowerCase()}?`,
    sentences: [effect(c), "The customer gets an SMS and a WhatsApp.", "This cannot be taken back."].filter(Boolean),
    warning: earlyWarning(c),
    confirm: cancelling ? "Cancel order" : earlyWarning(c) ? `Mark ${c.label.toLowerCase()} anyway` : `Mark ${c.label.toLowerCase()}`,
  }
}
