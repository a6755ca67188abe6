import { SEED_PICKUP_HOURS, SEED_SLOTS } from "../../scripts/seed-data/delivery"
import { addDays, dayLabel, dayRefusal, findSlot, firstOpenDay, isCalendarDate, pickupDay, pickupRefusal, shopToday, slotRefusal, weekdayOf, type DaySettings } from "../rules/delivery-days"

const SETTINGS: DaySettings = { slots: SEED_SLOTS, pickup_hours: SEED_PICKUP_HOURS, closed_days: [{ day: "2026-12-25", reason: "Christmas" }] }
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
    expect(dayRefusal(now, "2026-12-01", { slots: SEED_SLOTS.filter((s) => s.weekday !== 2), pickup_hours: SEED_PICKUP_HOURS, closed_days: [] })?.code).toBe("day_closed")
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

  describe("pickup, judged by the counter's hours (seeded 10:00–21:00 every day), not the slots", () => {
    // 2026-11-30 is a Monday, 2026-12-01 a Tuesday.
    const noTuesday: DaySettings = { ...SETTINGS, pickup_hours: SEED_PICKUP_HOURS.filter((h) => h.weekday !== 2) }

    it("takes a pickup for today until the counter closes, to the minute, past every slot's cut-off", () => {
      expect(pickupRefusal(ist("2026-11-30T20:59:00"), "2026-11-30", SETTINGS)).toBeNull()
      expect(slotRefusal(ist("2026-11-30T20:59:00"), "2026-11-30", "evening", SETTINGS)?.code).toBe("slot_closed")
      expect(pickupRefusal(ist("2026-11-30T21:00:00"), "2026-11-30", SETTINGS)).toEqual({
        code: "pickup_closed",
        message: `The pickup counter closed at 9 pm on ${dayLabel("2026-11-30")}. Please choose another day.`,
      })
      expect(pickupRefusal(ist("2026-11-30T21:00:00"), "2026-12-01", SETTINGS)).toBeNull()
    })

    it("refuses a weekday without hours (or with hours turned off) as closed, with the weekday's name; a day without slots still takes pickups", () => {
      const now = ist("2026-11-30T12:00:00")
      expect(pickupRefusal(now, "2026-12-01", noTuesday)).toEqual({
        code: "day_closed",
        message: "The pickup counter is closed on Tuesdays. Please choose another day, or home delivery.",
      })
      const off: DaySettings = { ...SETTINGS, pickup_hours: SEED_PICKUP_HOURS.map((h) => ({ ...h, active: h.weekday !== 2 })) }
      expect(pickupRefusal(now, "2026-12-01", off)?.code).toBe("day_closed")
      expect(pickupRefusal(now, "2026-12-08", noTuesday)?.code).toBe("day_closed")
      expect(pickupRefusal(now, "2026-12-02", noTuesday)).toBeNull()
      const noSlots: DaySettings = { ...SETTINGS, slots: [] }
      expect(dayRefusal(now, "2026-12-01", noSlots)?.code).toBe("day_closed")
      expect(pickupRefusal(now, "2026-12-01", noSlots)).toBeNull()
    })

    it("a closed day, a past day, a bad day close pickup as they close delivery", () => {
      const now = ist("2026-11-30T12:00:00")
      expect(pickupRefusal(now, "2026-12-25", SETTINGS)).toMatchObject({ code: "day_closed", message: expect.stringContaining("Christmas") })
      expect(pickupRefusal(now, "2026-11-29", SETTINGS)?.code).toBe("day_in_past")
      expect(pickupRefusal(now, "2026-02-30", SETTINGS)?.code).toBe("invalid_delivery_day")
      expect(pickupRefusal(now, undefined, SETTINGS)?.code).toBe("invalid_delivery_day")
      expect(pickupRefusal(now, "2027-03-01", SETTINGS)?.code).toBe("invalid_delivery_day")
      expect(pickupRefusal(now, "2027-03-01", SETTINGS, 0, { beyond_horizon: true })).toBeNull()
    })

    it("needs the sweets ready by closing time: now plus the longest lead time", () => {
      const now = ist("2026-11-30T12:00:00")
      // 9 hours: ready at 21:00, as the counter closes: just in time; 10 hours: too late today.
      expect(pickupRefusal(now, "2026-11-30", SETTINGS, 9)).toBeNull()
      expect(pickupRefusal(now, "2026-11-30", SETTINGS, 10)).toMatchObject({ code: "lead_time", message: expect.stringContaining(`before the counter closes at 9 pm on ${dayLabel("2026-11-30")}`) })
      // 24 hours: ready tomorrow at 12:00, before tomorrow's closing.
      expect(pickupRefusal(now, "2026-12-01", SETTINGS, 24)).toBeNull()
      expect(pickupRefusal(now, "2026-12-01", SETTINGS, 34)?.code).toBe("lead_time")
    })

    it("describes a day's pickup for the storefront: its hours, open or why not", () => {
      const now = ist("2026-11-30T21:30:00")
      expect(pickupDay(SETTINGS, "2026-11-30", pickupRefusal(now, "2026-11-30", SETTINGS))).toMatchObject({ opens_at: "10:00", closes_at: "21:00", open: false, reason: "pickup_closed" })
      expect(pickupDay(SETTINGS, "2026-12-01", null)).toEqual({ opens_at: "10:00", closes_at: "21:00", open: true, reason: null, message: null })
      expect(pickupDay(noTuesday, "2026-12-01", pickupRefusal(now, "2026-12-01", noTuesday))).toMatchObject({ opens_at: null, closes_at: null, open: false, reason: "day_closed" })
    })
  })
})
