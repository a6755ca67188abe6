import { MedusaError } from "@medusajs/framework/utils"
import { parseOrderNumber } from "@sweetshop/shop-contracts"
import { z } from "zod"
import { mobileDigits } from "./masking"
import { SHOP_STATUSES } from "./shop-status"

/** Every route's input, checked before anything is read or changed; one sentence per problem. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be a day written as YYYY-MM-DD, for example 2026-11-25")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "date is not a real calendar day")

/** A festival's handle, as the shop's festivals are named ("diwali-2026"). */
const festival = z
  .string({ invalid_type_error: "festival must be a festival's handle, for example diwali-2026" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "festival must be a festival's handle, for example diwali-2026")
  .max(60, "festival must be at most 60 characters")

const status = z.enum(SHOP_STATUSES, {
  errorMap: () => ({ message: `status must be one of ${SHOP_STATUSES.join(", ")}` }),
})

const phone = z
  .string({ required_error: "phone is required", invalid_type_error: "phone must be text" })
  .transform((value, ctx) => {
    const digits = mobileDigits(value)
    if (!digits) {
      ctx.addIssue({ code: "custom", message: "please give the 10-digit Indian mobile number the order was placed with, for example 98765 43210" })
      return z.NEVER
    }
    return digits
  })

/** The order number as shoppers copy it: "#13" (what the confirmation and the messages print), "13", "SS-13", "Order #13". */
const orderNumber = z.preprocess(
  (v) => parseOrderNumber(v) ?? (typeof v === "string" ? v.trim() : v),
  z.coerce
    .number({ invalid_type_error: "order_number must be the number on your confirmation, for example 1042" })
    .int("order_number must be a whole number")
    .positive("order_number must be the number on your confirmation, for example 1042")
    .max(2_147_483_647, "order_number is too large")
)

export const moveSchema = z.object({ status, note: z.string().max(500, "note must be at most 500 characters").optional() }).strict()

export const listSchema = z
  .object({
    status: status.optional(),
    payment_mode: z.enum(["cod", "online"], { errorMap: () => ({ message: "payment_mode must be cod or online" }) }).optional(),
    delivery_date: day.optional(),
    festival: festival.optional(),
    q: z.string().trim().max(40, "q must be at most 40 characters").optional(),
    limit: z.coerce.number().int().min(1, "limit must be between 1 and 100").max(100, "limit must be between 1 and 100").default(20),
    offset: z.coerce.number().int().min(0, "offset must be 0 or more").default(0),
  })
  .strict()

export const kitchenSchema = z.object({ date: day, festival: festival.optional() }).strict()

/** What to make per day ahead: from a day (today in India when not given) for 1–14 days (7 when not given). */
export const kitchenAheadSchema = z
  .object({
    from: day.optional(),
    days: z.coerce
      .number({ invalid_type_error: "days must be a number of days from 1 to 14" })
      .int("days must be a whole number of days from 1 to 14")
      .min(1, "days must be a number of days from 1 to 14")
      .max(14, "days must be a number of days from 1 to 14")
      .default(7),
    festival: festival.optional(),
  })
  .strict()

export const lookupSchema = z.object({ order_number: orderNumber, phone }).strict()
export const codeRequestSchema = z.object({ phone }).strict()
export const codeRedeemSchema = z
  .object({ phone, code: z.string({ required_error: "code is required" }).trim().regex(/^\d{6}$/, "code must be the 6 digits we sent") })
  .strict()

export const confirmationSchema = z
  .object({
    cart_id: z
      .string({ required_error: "cart_id is required", invalid_type_error: "cart_id must be text" })
      .regex(/^cart_[0-9A-Za-z]{10,40}$/, "cart_id must be the id of the cart the order was placed from"),
  })
  .strict()

/** Parses or answers 400 (code invalid_data) with the first problem, as a sentence. */
export function checked<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const text = issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message
  // A sentence starts with a capital, unless it starts with a field's name (payment_mode …).
  const sentence = /^[a-z]+_/.test(text) ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${sentence}.`, "invalid_data")
}
