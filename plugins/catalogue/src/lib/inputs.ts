import { MedusaError } from "@medusajs/framework/utils"
import { z } from "zod"
import { SORTS } from "./catalogue-view"

/** What a listing may ask for; anything else is a 400 with a sentence. */
export const listingSchema = z
  .object({
    category: z.string().trim().regex(/^[a-z0-9-]{1,100}$/, "category must be a category handle such as dry-fruit-sweets").optional(),
    q: z.string().trim().max(100, "q must be at most 100 characters").optional(),
    sort: z.enum(SORTS, { errorMap: () => ({ message: `sort must be one of ${SORTS.join(", ")}` }) }).optional(),
    in_stock: z.enum(["true", "false"], { errorMap: () => ({ message: "in_stock must be true or false" }) }).optional(),
    region_id: z.string().trim().max(100).optional(),
    limit: z.coerce.number({ invalid_type_error: "limit must be a number" }).int().min(1, "limit must be between 1 and 100").max(100, "limit must be between 1 and 100").default(20),
    offset: z.coerce.number({ invalid_type_error: "offset must be a number" }).int().min(0, "offset must be 0 or more").default(0),
  })
  .strict()

export function readListing(query: unknown) {
  const parsed = listingSchema.safeParse(query ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const text = issue.code === "unrecognized_keys" ? `unknown parameter ${issue.keys.join(", ")}` : issue.message
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${/^[a-z]+_/.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1)}.`)
}
