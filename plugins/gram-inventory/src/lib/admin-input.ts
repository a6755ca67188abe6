import { MedusaError } from "@medusajs/framework/utils"
import { z } from "zod"

/** What staff send to change a pool, checked before anything changes. */
const wholeNumber = (what: string) =>
  z
    .number({ invalid_type_error: `${what} must be a number`, required_error: `${what} is required` })
    .int(`${what} must be a whole number of grams or pieces`)

export const adjustmentSchema = z
  .object({
    delta_units: wholeNumber("delta_units").refine((n) => n !== 0, "delta_units must not be 0").optional(),
    set_to_units: wholeNumber("set_to_units").min(0, "set_to_units must be 0 or more").optional(),
    reason: z
      .string({ required_error: "reason is required (for example \"fresh batch\" or \"wastage\")" })
      .trim()
      .min(1, "reason is required (for example \"fresh batch\" or \"wastage\")")
      .max(200, "reason must be at most 200 characters"),
  })
  .strict()
  .refine((body) => (body.delta_units === undefined) !== (body.set_to_units === undefined), {
    message: "give either delta_units (to add or take away) or set_to_units (after a stock-take), not both",
  })

export const settingsSchema = z
  .object({
    low_stock_threshold_units: wholeNumber("low_stock_threshold_units").min(0, "low_stock_threshold_units must be 0 or more").nullable(),
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
