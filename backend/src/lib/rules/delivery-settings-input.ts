import { z } from "zod"
import { isCalendarDate, isClockTime } from "./delivery-days"

/**
 * What staff may write in the delivery settings (admin routes /admin/delivery-settings/…),
 * each refused with a sentence naming the field.
 */
const pincodeNumber = (name: string) =>
  z.coerce
    .number({ invalid_type_error: `${name} must be a 6-digit pincode` })
    .int(`${name} must be a 6-digit pincode`)
    .min(100000, `${name} must be a 6-digit pincode`)
    .max(999999, `${name} must be a 6-digit pincode`)
const rupees = (name: string) => z.coerce.number({ invalid_type_error: `${name} must be a number of rupees` }).int(`${name} must be whole rupees`).min(0, `${name} cannot be negative`).max(100000, `${name} is too large`)
const name = (field: string, max = 80) => z.string({ required_error: `${field} is required`, invalid_type_error: `${field} must be text` }).trim().min(1, `${field} is required`).max(max, `${field} must be at most ${max} characters`)
const clock = (field: string) => z.string({ required_error: `${field} is required` }).refine(isClockTime, `${field} must be a time like 10:00`)

export const areaInput = z
  .object({
    name: name("name"),
    city: name("city"),
    state: name("state"),
    pincode_from: pincodeNumber("pincode_from").nullable().optional(),
    pincode_to: pincodeNumber("pincode_to").nullable().optional(),
    pincodes: z
      .array(z.string().trim().regex(/^[1-9]\d{5}$/, "pincodes must be 6-digit pincodes like 110024"), { invalid_type_error: "pincodes must be a list of pincodes" })
      .max(2000, "pincodes may list at most 2000 pincodes")
      .nullable()
      .optional(),
    delivery_charge_rupees: rupees("delivery_charge_rupees").optional(),
    free_above_rupees: rupees("free_above_rupees").nullable().optional(),
    active: z.boolean({ invalid_type_error: "active must be true or false" }).optional(),
  })
  .strict()
  .refine((a) => (a.pincode_from == null) === (a.pincode_to == null), "pincode_from and pincode_to go together")
  .refine((a) => a.pincode_from == null || a.pincode_to == null || a.pincode_from <= a.pincode_to, "pincode_from must not be above pincode_to")
  .refine((a) => a.pincode_from != null || (a.pincodes?.length ?? 0) > 0, "an area needs a pincode range (pincode_from, pincode_to) or a list of pincodes")

const weekday = z
  .number({ required_error: "weekday is required", invalid_type_error: "weekday must be 0 (Sunday) to 6 (Saturday)" })
  .int("weekday must be 0 (Sunday) to 6 (Saturday)")
  .min(0, "weekday must be 0 (Sunday) to 6 (Saturday)")
  .max(6, "weekday must be 0 (Sunday) to 6 (Saturday)")

export const slotInput = z
  .object({
    weekday,
    code: z.string({ required_error: "code is required" }).regex(/^[a-z][a-z0-9_-]{0,39}$/, "code must be a short lowercase word like morning"),
    label: name("label", 60),
    starts_at: clock("starts_at"),
    ends_at: clock("ends_at"),
    cutoff_minutes: z.number({ invalid_type_error: "cutoff_minutes must be a number of minutes" }).int("cutoff_minutes must be whole minutes").min(0, "cutoff_minutes cannot be negative").max(7 * 24 * 60, "cutoff_minutes must be at most a week"),
    capacity: z.number({ required_error: "capacity is required", invalid_type_error: "capacity must be a number of orders" }).int("capacity must be a whole number of orders").min(0, "capacity cannot be negative").max(10000, "capacity must be at most 10000"),
    active: z.boolean({ invalid_type_error: "active must be true or false" }).optional(),
  })
  .strict()
  .refine((s) => s.starts_at < s.ends_at, "starts_at must be before ends_at")

/** The pickup counter's hours on one weekday (one row per weekday: the route refuses a second). */
export const pickupHoursInput = z
  .object({
    weekday,
    opens_at: clock("opens_at"),
    closes_at: clock("closes_at"),
    active: z.boolean({ invalid_type_error: "active must be true or false" }).optional(),
  })
  .strict()
  .refine((h) => h.opens_at < h.closes_at, "closes_at must be after opens_at")

export const closedDayInput = z
  .object({
    day: z.string({ required_error: "day is required" }).refine(isCalendarDate, "day must be a date like 2026-12-25"),
    reason: z.string().trim().max(120, "reason must be at most 120 characters").nullable().optional(),
  })
  .strict()

export const leadTimeInput = z
  .object({
    product_id: z.string({ required_error: "product_id is required" }).regex(/^prod_[A-Za-z0-9]+$/, "product_id must be a product id like prod_01…"),
    lead_hours: z.number({ required_error: "lead_hours is required", invalid_type_error: "lead_hours must be a number of hours" }).int("lead_hours must be whole hours").min(0, "lead_hours cannot be negative").max(24 * 30, "lead_hours must be at most 720 (30 days)"),
    kitchen_capacity_units: z
      .number({ invalid_type_error: "kitchen_capacity_units must be a number of grams or pieces" })
      .int("kitchen_capacity_units must be whole grams or pieces")
      .min(0, "kitchen_capacity_units cannot be negative")
      .max(10_000_000, "kitchen_capacity_units is too large")
      .nullable()
      .optional(),
  })
  .strict()

const calendarDate = (field: string) => z.string({ required_error: `${field} is required`, invalid_type_error: `${field} must be a date like 2026-11-08` }).refine(isCalendarDate, `${field} must be a date like 2026-11-08`)

/**
 * A festival taking pre-orders (issue 19). Its delivery days are kept sorted and without
 * repeats; pre-orders open on opens_on and close on closes_on (shop days, both included),
 * which is not after its last delivery day.
 */
export const festivalInput = z
  .object({
    handle: z.string({ required_error: "handle is required", invalid_type_error: "handle must be text" }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "handle must be lowercase words joined by hyphens, like diwali-2026").max(60, "handle must be at most 60 characters"),
    name: name("name"),
    description: z.string({ invalid_type_error: "description must be text" }).trim().max(2000, "description must be at most 2000 characters").nullable().optional(),
    delivery_days: z
      .array(calendarDate("delivery_days"), { required_error: "delivery_days is required", invalid_type_error: "delivery_days must be a list of dates like 2026-11-08" })
      .transform((days) => [...new Set(days)].sort())
      .refine((days) => days.length >= 1, "delivery_days needs at least one day")
      .refine((days) => days.length <= 14, "delivery_days may list at most 14 days"),
    product_ids: z
      .array(z.string().regex(/^prod_[A-Za-z0-9]+$/, "product_ids must be product ids like prod_01…"), { required_error: "product_ids is required", invalid_type_error: "product_ids must be a list of product ids" })
      .transform((ids) => [...new Set(ids)])
      .refine((ids) => ids.length >= 1, "product_ids needs at least one product")
      .refine((ids) => ids.length <= 200, "product_ids may list at most 200 products"),
    opens_on: calendarDate("opens_on"),
    closes_on: calendarDate("closes_on"),
    capacity_per_day: z.number({ required_error: "capacity_per_day is required", invalid_type_error: "capacity_per_day must be a number of pre-orders" }).int("capacity_per_day must be a whole number of pre-orders").min(1, "capacity_per_day must be at least 1").max(100000, "capacity_per_day must be at most 100000"),
    active: z.boolean({ invalid_type_error: "active must be true or false" }).optional(),
  })
  .strict()
  .refine((f) => f.opens_on <= f.closes_on, "opens_on must not be after closes_on")
  .refine((f) => !Array.isArray(f.delivery_days) || f.closes_on <= (f.delivery_days.at(-1) ?? ""), "closes_on must not be after the last delivery day")

/** The sentence of the first problem, with a full stop. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue.code === "unrecognized_keys") return `${issue.keys[0]} is not a delivery setting.`
  return `${issue.message}.`
}
