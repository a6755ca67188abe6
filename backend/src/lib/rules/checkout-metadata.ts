import { FESTIVAL_KEY } from "@sweetshop/shop-contracts"
import { z } from "zod"

/**
 * What a shopper may put in a cart's metadata, which becomes the order's: the
 * storefront's checkout choices (storefront/src/lib/server/checkout.ts: how
 * the sweets come, the day, the slot and its label, the gift message) and the
 * language of the order's messages (read by the notifications plugin), and the
 * festival a pre-order is for (its handle, FESTIVAL_KEY; judged at checkout).
 * Nothing else: the keys the shop itself keeps on an order (`shop_status`,
 * kept by order-lifecycle and read by the WhatsApp "status" reply; `pickup_hours`,
 * PICKUP_HOURS_KEY, written by the checkout from the pickup hours) must never
 * come from a shopper, so every other key is refused with a sentence.
 */
export const CHECKOUT_METADATA_KEYS = ["fulfilment", "delivery_date", "delivery_slot", "delivery_slot_label", "gift_message", "message_language", FESTIVAL_KEY] as const

const choice = (name: string, values: [string, ...string[]]) =>
  z.enum(values, { errorMap: () => ({ message: `metadata.${name} must be one of ${values.join(", ")}` }) }).nullable().optional()
const text = (name: string, max: number) =>
  z
    .string({ invalid_type_error: `metadata.${name} must be text` })
    .max(max, `metadata.${name} must be at most ${max} characters`)
    .nullable()
    .optional()

export const checkoutMetadataSchema = z
  .object({
    fulfilment: choice("fulfilment", ["delivery", "pickup"]),
    delivery_date: z
      .string({ invalid_type_error: "metadata.delivery_date must be a date like 2026-12-03" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "metadata.delivery_date must be a date like 2026-12-03")
      .nullable()
      .optional(),
    delivery_slot: text("delivery_slot", 40),
    delivery_slot_label: text("delivery_slot_label", 100),
    gift_message: text("gift_message", 500),
    message_language: choice("message_language", ["en", "hi"]),
    [FESTIVAL_KEY]: z
      .string({ invalid_type_error: `metadata.${FESTIVAL_KEY} must be a festival's handle like diwali-2026` })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `metadata.${FESTIVAL_KEY} must be a festival's handle like diwali-2026`)
      .max(60, `metadata.${FESTIVAL_KEY} must be at most 60 characters`)
      .nullable()
      .optional(),
  })
  .strict()

export type CheckoutMetadata = z.infer<typeof checkoutMetadataSchema>

/** The sentence for metadata a checkout may not carry, or null when it may. */
export function checkoutMetadataRefusal(metadata: unknown): string | null {
  if (metadata === undefined || metadata === null) return null
  if (typeof metadata !== "object" || Array.isArray(metadata)) return "metadata must be an object."
  const parsed = checkoutMetadataSchema.safeParse(metadata)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  if (issue.code === "unrecognized_keys") {
    return `metadata.${issue.keys[0]} cannot be set at checkout: a checkout carries only ${CHECKOUT_METADATA_KEYS.join(", ")}.`
  }
  return `${issue.message}.`
}

/** The one-call checkout's `metadata` field: the allowlist, refused with its sentence (without the full stop, which readCheckout adds). */
export const checkoutMetadataField = z.custom<CheckoutMetadata>(
  (metadata) => checkoutMetadataRefusal(metadata) === null,
  (metadata) => ({ message: (checkoutMetadataRefusal(metadata) ?? "metadata is not accepted").replace(/\.$/, "") })
)
