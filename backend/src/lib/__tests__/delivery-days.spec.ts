import { SEED_SLOTS } from "../../scripts/seed-data/delivery"
import { addDays, dayRefusal, findSlot, firstOpenDay, isCalendarDate, shopToday, slotRefusal, weekdayOf, type DaySettings } from "../rules/delivery-days"

const SETTINGS: DaySettings = { slots: SEED_SLOTS, closed_days: [{ day: "2026-12-25", reason: "Christmas" }] }
/** An instant written in India time. */
const ist = (s: string) => new Date(`${s}+05:30`)

describe("delivery days and slots, in India time", () => {
  it("reads the shop's calendar day in India, not UTC", () => {
    expect(shopToday(new Date("2026-11-30T18:29:00Z"))).toBe("2026-11-30")
    expect(shopToday(new Date("2026-11-30T18:30:00Z"))).toBe("2026-12-01")
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
    expect(weekdayOf("2026-11-30")).toBe(1)
  })

  it("takes only real calendar dates", () => {
    for (const good of ["2026-12-03", "2028-02-29"]) expect(isCalendarDate(good)).toBe(true)
    for (const bad of ["2026-02-30", "2027-02-29", "2026-13-01", "2026-1-3", "tomorrow", 20261203, null]) expect(isCalendarDate(bad)).toBe(false)
  })

  it("refuses a past day, a closed day and a day beyond the horizon, each with its code", () => {
    const now = ist("2026-11-30T12:00:00")
    expect(dayRefusal(now, "2026-11-29", SETTINGS)?.code).toBe("day_in_past")
    expect(dayRefusal(now, "2026-11-30", SETTINGS)).toBeNull()
    expect(dayRefusal(now, "2026-12-25", SETTINGS)).toMatchObject({ code: "day_closed", message: expect.stringContaining("Christmas") })
    expect(dayRefusal(now, "2027-03-01", SETTINGS)?.code).toBe("invalid_delivery_day")
    expect(dayRefusal(now, "2026-02-30", SETTINGS)?.code).toBe("invalid_delivery_day")
    // A weekday without slots is closed too.
    expect(dayRefusal(now, "2026-12-01", { slots: SEED_SLOTS.filter((s) => s.weekday !== 2), closed_days: [] })?.code).toBe("day_closed")
  })

  it("closes a slot at its cut-off, three hours before it starts, to the minute", () => {
    // Morning 10:00–13:00: orders until 07:00 the same day.
    expect(slotRefusal(ist("2026-11-30T06:59:00"), "2026-11-30", "morning", SETTINGS)).toBeNull()
    expect(slotRefusal(ist("2026-11-30T07:00:00"), "2026-11-30", "morning", SETTINGS)).toMatchObject({ code: "slot_closed", message: expect.stringContaining("7 am") })
    expect(slotRefusal(ist("2026-11-30T12:59:00"), "2026-11-30", "evening", SETTINGS)).toBeNull()
    expect(slotRefusal(ist("2026-11-30T13:00:00"), "2026-11-30", "evening", SETTINGS)?.code).toBe("slot_closed")
    expect(slotRefusal(ist("2026-11-30T13:00:00"), "2026-12-01", "morning", SETTINGS)).toBeNull()
    expect(slotRefusal(ist("2026-11-30T13:00:00"), "2026-12-01", "night", SETTINGS)?.code).toBe("slot_closed")
  })

  it("finds a slot by its code or by its label, as the storefront and older clients send them", () => {
    expect(findSlot(SETTINGS, "2026-12-01", "morning")?.code).toBe("morning")
    expect(findSlot(SETTINGS, "2026-12-01", "16:00–20:00")?.code).toBe("evening")
    expect(findSlot(SETTINGS, "2026-12-01", "16:00–19:00")).toBeUndefined()
  })

  it("refuses a slot inside the cart's lead time, and finds the first open one", () => {
    const now = ist("2026-11-30T12:00:00")
    // 24 hours: tomorrow's morning (10:00) is 22 hours away, its evening (16:00) 28.
    expect(slotRefusal(now, "2026-12-01", "morning", SETTINGS, 24)?.code).toBe("lead_time")
    expect(slotRefusal(now, "2026-12-01", "evening", SETTINGS, 24)).toBeNull()
    expect(firstOpenDay(now, SETTINGS)).toMatchObject({ day: "2026-11-30", slot: { code: "evening" } })
    expect(firstOpenDay(now, SETTINGS, 24)).toMatchObject({ day: "2026-12-01", slot: { code: "evening" } })
  })
})
