import { MedusaError } from "@medusajs/framework/utils"
import { normalizeIndianMobile, PHONE_REFUSAL, type RefusalCode } from "@sweetshop/shop-contracts"
import { z } from "zod"
import { checkoutMetadataField } from "./checkout-metadata"

/** What `POST /store/carts/:id/checkout` accepts, checked: one sentence (and a code) for the first thing wrong. */

const text = (name: string, max = 200) =>
  z.string({ required_error: `${name} is required`, invalid_type_error: `${name} must be text` }).trim().min(1, `${name} is required`).max(max, `${name} is too long`)

export const checkoutSchema = z
  .object({
    email: z.string({ required_error: "email is required" }).trim().email("email must be an email address, for example priya@example.in"),
    shipping_address: z
      .object({
        first_name: text("first_name", 100),
        last_name: text("last_name", 100).optional(),
        address_1: text("address_1"),
        address_2: z.string().trim().max(200).optional(),
        city: text("city", 100),
        province: z.string().trim().max(100).optional(),
        postal_code: z.string({ required_error: "postal_code is required" }).trim().regex(/^[1-9]\d{5}$/, "postal_code must be a 6-digit PIN code"),
        country_code: z.literal("in", { errorMap: () => ({ message: "country_code must be in: the shop delivers in India only" }) }).default("in"),
        phone: z.string({ required_error: "phone is required" }),
      })
      .strict(),
    shipping_option_id: text("shipping_option_id", 100),
    payment_provider_id: text("payment_provider_id", 100),
    // Only what a shopper chooses at checkout (gift message, day, slot…): ./checkout-metadata.ts.
    metadata: checkoutMetadataField.optional(),
  })
  .strict()

export type CheckoutInput = z.infer<typeof checkoutSchema>

export function readCheckout(body: unknown): CheckoutInput {
  const parsed = checkoutSchema.safeParse(body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const message = issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${message}.`)
  }
  const phone = normalizeIndianMobile(parsed.data.shipping_address.phone)
  if (!phone) throw new MedusaError(MedusaError.Types.INVALID_DATA, PHONE_REFUSAL, "invalid_phone" satisfies RefusalCode)
  return { ...parsed.data, shipping_address: { ...parsed.data.shipping_address, phone } }
}
