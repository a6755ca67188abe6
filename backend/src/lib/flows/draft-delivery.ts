import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PAYMENT_LINK_KEY, PICKUP_HOURS_KEY } from "@sweetshop/shop-contracts"
import { readShopEnv } from "../../config/env"
import { findSlot } from "../rules/delivery-days"
import { bookDeliveryChoice, cartPlace, daySettings, freeCartPlace, pickupHoursFor, type Place } from "./delivery-settings"
import { homeDeliveryOptionIds } from "./home-delivery"

/**
 * Staff orders (phone and WhatsApp: Medusa draft orders) get the shopper's delivery rules.
 * The draft carries metadata.delivery_date, delivery_slot and delivery_slot_label, set by
 * staff in the draft order's admin widget (POST /admin/draft-orders/:id/delivery). Before
 * a payment link is sent, and before Medusa's convert-to-order (cash on delivery), the day
 * and slot are judged by the checkout's rule (bookDeliveryChoice: the same refusal codes)
 * and home delivery takes a place in its slot, keyed by the draft's id: held while the link
 * is payable (PAYMENT_LINK_MINUTES and a grace for Razorpay's late webhook), kept once the
 * draft is an order, freed when the link expires or is cancelled, or the order is cancelled.
 * A draft with neither a day nor a slot is not judged and takes no place (a pickup the
 * customer arranges on the phone, or a bulk order the shop schedules itself); one with a
 * day and no slot is judged as a pickup is.
 */

/** Minutes past a link's expiry its place is still held: Razorpay's payment_link.paid may arrive after expire_by. */
export const LINK_PLACE_GRACE_MINUTES = 30

export type DraftDelivery = { id: string; is_draft: boolean; metadata: Record<string, unknown>; home_delivery: boolean }

export async function draftDelivery(container: MedusaContainer, draftId: string): Promise<DraftDelivery | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "status", "is_draft_order", "metadata", "shipping_methods.shipping_option_id"],
    filters: { id: draftId },
  })
  const draft = data[0] as any
  if (!draft) return undefined
  const optionIds = (draft.shipping_methods ?? []).map((m: any) => m?.shipping_option_id).filter(Boolean) as string[]
  return {
    id: draft.id,
    is_draft: !!draft.is_draft_order && draft.status === "draft",
    metadata: (draft.metadata ?? {}) as Record<string, unknown>,
    home_delivery: (await homeDeliveryOptionIds(container, optionIds)).length > 0,
  }
}

const named = (v: unknown) => v !== undefined && v !== null && v !== ""

/**
 * Judges a draft's day and slot and, for home delivery, takes (or keeps) its place, held for
 * `holdMinutes`; throws the checkout's refusal otherwise. A place the draft already holds for
 * its day and slot is kept without judging again when `keepHeld` (staff converting a draft
 * whose link was sent before a cut-off). A draft naming neither gives up any place it held.
 */
export async function bookDraftDelivery(container: MedusaContainer, draft: DraftDelivery, { holdMinutes, keepHeld = false }: { holdMinutes: number; keepHeld?: boolean }): Promise<Place[]> {
  const { delivery_date: day, delivery_slot: slot } = draft.metadata
  if (!named(day) && !named(slot)) {
    await freeCartPlace(container, draft.id)
    return []
  }
  if (keepHeld) {
    const held = await cartPlace(container, draft.id)
    if (held && held.day === day && held.slot_code === slot) return []
  }
  return bookDeliveryChoice(container, { cart_id: draft.id, metadata: draft.metadata, home_delivery: draft.home_delivery, hold_minutes: holdMinutes })
}

/** How long a payment link's place is held: the link's life and the grace. */
export function linkPlaceMinutes(): number {
  return readShopEnv(process.env).PAYMENT_LINK_MINUTES + LINK_PLACE_GRACE_MINUTES
}

/**
 * Staff choose (or clear, with nulls) a draft's day and slot: judged now as the checkout
 * judges them, places not taken (that is at sending the link or converting); written into
 * the draft's metadata with the slot's label, the rest of the metadata kept.
 */
export async function chooseDraftDelivery(container: MedusaContainer, draft: DraftDelivery, choice: { delivery_date: string | null; delivery_slot: string | null }) {
  const chosen: Record<string, unknown> = {}
  if (named(choice.delivery_date) || named(choice.delivery_slot)) {
    await bookDeliveryChoice(container, { cart_id: draft.id, metadata: choice, home_delivery: draft.home_delivery, judge_only: true })
    chosen.delivery_date = choice.delivery_date
    const slot = named(choice.delivery_slot) ? findSlot(await daySettings(container), choice.delivery_date!, choice.delivery_slot!) : undefined
    if (slot) Object.assign(chosen, { delivery_slot: slot.code, delivery_slot_label: slot.label })
    // A pickup's counter hours that day, as the checkout writes them, for the "ready for pickup" message.
    const hours = await pickupHoursFor(container, chosen, draft.home_delivery)
    if (hours) chosen[PICKUP_HOURS_KEY] = hours
  }
  // Read afresh: a payment link written meanwhile is kept.
  const { delivery_date, delivery_slot, delivery_slot_label, [PICKUP_HOURS_KEY]: _hours, ...rest } = (await draftDelivery(container, draft.id))?.metadata ?? draft.metadata
  const metadata = { ...rest, ...chosen }
  // The order module merges metadata (Medusa's mergeMetadata): a key cleared is written as "", which removes it.
  const cleared = Object.fromEntries(["delivery_date", "delivery_slot", "delivery_slot_label", PICKUP_HOURS_KEY].filter((k) => !(k in chosen)).map((k) => [k, ""]))
  await (container.resolve(Modules.ORDER) as any).updateOrders([{ id: draft.id, metadata: { ...metadata, ...cleared } }])
  return metadata
}

/**
 * A draft's payment link expired or was cancelled (payment-razorpay's event): its place is
 * freed, unless the draft has since become an order or been sent a newer link.
 */
export async function freeClosedLinkPlace(container: MedusaContainer, draftId: string, linkId: string): Promise<boolean> {
  const draft = await draftDelivery(container, draftId)
  if (!draft?.is_draft) return false
  const link = draft.metadata[PAYMENT_LINK_KEY] as { id?: string; status?: string } | undefined
  if (link && (link.id !== linkId || link.status === "created" || link.status === "paid")) return false
  await freeCartPlace(container, draftId)
  return true
}
