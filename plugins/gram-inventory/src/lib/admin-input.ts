import { MedusaError } from "@medusajs/framework/utils"
import { z } from "zod"

/**
 * What a shop can hold, and so the most any one move or pool may count:
 * 10,000 kg of a sweet sold by weight, 10 lakh of one sold by the piece.
 * Far above any real stock, and far inside the 4-byte integers the history keeps.
 */
export const MAX_POOL_UNITS = { grams: 10_000_000, pieces: 1_000_000 } as const
/** The bound checked before the pool (and so its unit) is known: the larger of the two. */
export const MAX_UNITS = Math.max(MAX_POOL_UNITS.grams, MAX_POOL_UNITS.pieces)
const LIMIT_WORDS = "10,000 kg, or 10,00,000 pieces"

/**
 * Control characters (NUL and the other C0 codes, DEL, C1) have no place in a
 * reason a person typed; line breaks and tabs are kept. PostgreSQL cannot
 * even store a NUL in text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/** What staff send to change a pool, checked before anything changes. */
const wholeNumber = (what: string) =>
  z
    .number({ invalid_type_error: `${what} must be a number`, required_error: `${what} is required` })
    .int(`${what} must be a whole number of grams or pieces`)

export const adjustmentSchema = z
  .object({
    delta_units: wholeNumber("delta_units")
      .refine((n) => n !== 0, "delta_units must not be 0")
      .refine((n) => Math.abs(n) <= MAX_UNITS, `delta_units can add or take away at most ${MAX_UNITS.toLocaleString("en-IN")} (${LIMIT_WORDS}) at a time`)
      .optional(),
    set_to_units: wholeNumber("set_to_units")
      .min(0, "set_to_units must be 0 or more")
      .max(MAX_UNITS, `set_to_units can be at most ${MAX_UNITS.toLocaleString("en-IN")} (${LIMIT_WORDS})`)
      .optional(),
    reason: z
      .string({ required_error: "reason is required (for example \"fresh batch\" or \"wastage\")" })
      .refine((text) => !CONTROL_CHARACTERS.test(text), "reason must be plain text, without control characters such as a NUL byte")
      .transform((text) => text.trim())
      .refine((text) => text.length > 0, "reason is required (for example \"fresh batch\" or \"wastage\")")
      .refine((text) => text.length <= 200, "reason must be at most 200 characters"),
  })
  .strict()
  .refine((body) => (body.delta_units === undefined) !== (body.set_to_units === undefined), {
    message: "give either delta_units (to add or take away) or set_to_units (after a stock-take), not both",
  })

export const settingsSchema = z
  .object({
    low_stock_threshold_units: wholeNumber("low_stock_threshold_units")
      .min(0, "low_stock_threshold_units must be 0 or more")
      .max(MAX_UNITS, `low_stock_threshold_units can be at most ${MAX_UNITS.toLocaleString("en-IN")} (${LIMIT_WORDS})`)
      .nullable(),
  })
  .strict()

/** Parses or answers 400 with the first problem in one sentence. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const message = issue.code === "unrecognized_keys" ? `unknown field ${issue.keys.join(", ")}` : issue.message
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${message.charAt(0).toUpperCase()}${message.slice(1)}.`)
  }
  return parsed.data
}
