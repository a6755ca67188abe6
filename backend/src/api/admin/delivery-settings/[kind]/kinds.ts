import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { z } from "zod"
import { deliverySettings } from "../../../../lib/flows/delivery-settings"
import { syncHomeDeliveryPrices } from "../../../../lib/flows/home-delivery"
import { WEEKDAY_NAMES } from "../../../../lib/rules/delivery-days"
import { areaInput, closedDayInput, festivalInput, leadTimeInput, pickupHoursInput, slotInput } from "../../../../lib/rules/delivery-settings-input"

/** The six kinds of delivery setting, each with its input rule and the service's methods. */
export type Kind = {
  schema: z.ZodTypeAny
  /** For a change: every field optional (the stored row fills the rest before the rule is applied). */
  list: (c: MedusaContainer, filters: Record<string, unknown>) => Promise<any[]>
  create: (c: MedusaContainer, data: any) => Promise<any>
  update: (c: MedusaContainer, id: string, data: any) => Promise<any>
  remove: (c: MedusaContainer, id: string) => Promise<void>
  /** The fields a stored row contributes to a change. */
  fields: string[]
  /** The event emitted when staff add, change or remove one (the storefront shows festivals: it is told to refetch). */
  changed?: string
  /** What Medusa keeps from this kind, rewritten after every change (the areas: home delivery's prices). */
  apply?: (c: MedusaContainer) => Promise<unknown>
  /** The unique key that a second row may not repeat, with the sentence. */
  unique?: { of: (data: any) => Record<string, unknown>; sentence: (data: any) => string }
}

/** Staff added, changed or removed a festival (data: { id }); the storefront's revalidation subscriber listens. */
export const FESTIVAL_CHANGED = "delivery_settings.festival_changed"

/** Applies the change where Medusa keeps it (home delivery's prices), then emits the kind's change event, if it has one. */
export async function announceChange(c: MedusaContainer, kind: Kind, id: string): Promise<void> {
  if (kind.apply) await kind.apply(c)
  if (kind.changed) await c.resolve(Modules.EVENT_BUS).emit({ name: kind.changed, data: { id } })
}

export const KINDS: Record<string, Kind> = {
  areas: {
    schema: areaInput,
    list: (c, f) => deliverySettings(c).listDeliveryAreas(f),
    create: (c, d) => deliverySettings(c).createDeliveryAreas(d),
    update: (c, id, d) => deliverySettings(c).updateDeliveryAreas({ id, ...d }),
    remove: (c, id) => deliverySettings(c).deleteDeliveryAreas(id),
    fields: ["name", "city", "state", "pincode_from", "pincode_to", "pincodes", "delivery_charge_rupees", "free_above_rupees", "active"],
    // The charge and free-above become home delivery's prices on its shipping option at once.
    apply: syncHomeDeliveryPrices,
  },
  slots: {
    schema: slotInput,
    list: (c, f) => deliverySettings(c).listDeliverySlots(f),
    create: (c, d) => deliverySettings(c).createDeliverySlots(d),
    update: (c, id, d) => deliverySettings(c).updateDeliverySlots({ id, ...d }),
    remove: (c, id) => deliverySettings(c).deleteDeliverySlots(id),
    fields: ["weekday", "code", "label", "starts_at", "ends_at", "cutoff_minutes", "capacity", "active"],
    unique: { of: (d) => ({ weekday: d.weekday, code: d.code }), sentence: (d) => `There is already a slot ${d.code} on that weekday.` },
  },
  "closed-days": {
    schema: closedDayInput,
    list: (c, f) => deliverySettings(c).listClosedDays(f),
    create: (c, d) => deliverySettings(c).createClosedDays(d),
    update: (c, id, d) => deliverySettings(c).updateClosedDays({ id, ...d }),
    remove: (c, id) => deliverySettings(c).deleteClosedDays(id),
    fields: ["day", "reason"],
    unique: { of: (d) => ({ day: d.day }), sentence: (d) => `${d.day} is already a closed day.` },
  },
  "pickup-hours": {
    schema: pickupHoursInput,
    list: (c, f) => deliverySettings(c).listPickupHours(f, { order: { weekday: "ASC" } }),
    create: (c, d) => deliverySettings(c).createPickupHours(d),
    update: (c, id, d) => deliverySettings(c).updatePickupHours({ id, ...d }),
    remove: (c, id) => deliverySettings(c).deletePickupHours(id),
    fields: ["weekday", "opens_at", "closes_at", "active"],
    unique: { of: (d) => ({ weekday: d.weekday }), sentence: (d) => `${WEEKDAY_NAMES[d.weekday] ?? "That weekday"} has its pickup hours already: change them instead.` },
  },
  "lead-times": {
    schema: leadTimeInput,
    list: (c, f) => deliverySettings(c).listProductLeadTimes(f),
    create: (c, d) => deliverySettings(c).createProductLeadTimes(d),
    update: (c, id, d) => deliverySettings(c).updateProductLeadTimes({ id, ...d }),
    remove: (c, id) => deliverySettings(c).deleteProductLeadTimes(id),
    fields: ["product_id", "lead_hours", "kitchen_capacity_units"],
    unique: { of: (d) => ({ product_id: d.product_id }), sentence: () => "That product already has a lead time: change it instead." },
  },
  festivals: {
    schema: festivalInput,
    list: (c, f) => deliverySettings(c).listFestivals(f, { order: { created_at: "ASC" } }),
    create: (c, d) => deliverySettings(c).createFestivals(d),
    update: (c, id, d) => deliverySettings(c).updateFestivals({ id, ...d }),
    remove: (c, id) => deliverySettings(c).deleteFestivals(id),
    fields: ["handle", "name", "description", "delivery_days", "product_ids", "opens_on", "closes_on", "capacity_per_day", "active"],
    unique: { of: (d) => ({ handle: d.handle }), sentence: (d) => `There is already a festival ${d.handle}: choose another handle.` },
    changed: FESTIVAL_CHANGED,
  },
}
