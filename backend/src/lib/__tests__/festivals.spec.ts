import { SEED_PICKUP_HOURS, SEED_SLOTS } from "../../scripts/seed-data/delivery"
import { dayLabel, dayRefusal, slotRefusal } from "../rules/delivery-days"
import { festivalInput, firstProblem } from "../rules/delivery-settings-input"
import { type FestivalSetting, festivalRefusal, festivalWindowRefusal, isListedFestival, storeFestival } from "../rules/festivals"

/** An instant written in India time. Days are worded by dayLabel ("Thursday 10 December"; some ICU versions add a comma). */
const ist = (s: string) => new Date(`${s}+05:30`)

const DIWALI: FestivalSetting = {
  id: "fest_1",
  handle: "diwali-2026",
  name: "Diwali 2026",
  description: null,
  delivery_days: ["2026-12-10", "2026-12-11"],
  product_ids: ["prod_kaju", "prod_box"],
  opens_on: "2026-12-07",
  closes_on: "2026-12-09",
  capacity_per_day: 50,
  active: true,
}

describe("festival pre-orders, in India time", () => {
  it("takes pre-orders from opens_on to closes_on, both included, by the shop's calendar day", () => {
    expect(festivalWindowRefusal(ist("2026-12-06T23:59:00"), DIWALI)).toEqual({
      code: "festival_closed",
      message: `Pre-orders for Diwali 2026 open on ${dayLabel("2026-12-07")}.`,
    })
    expect(festivalWindowRefusal(ist("2026-12-07T00:00:00"), DIWALI)).toBeNull()
    expect(festivalWindowRefusal(ist("2026-12-09T23:59:00"), DIWALI)).toBeNull()
    expect(festivalWindowRefusal(ist("2026-12-10T00:00:00"), DIWALI)).toEqual({
      code: "festival_closed",
      message: `Pre-orders for Diwali 2026 closed on ${dayLabel("2026-12-09")}.`,
    })
  })

  it("refuses a day that is not the festival's, listing its days, and a product it does not offer, naming it", () => {
    const now = ist("2026-12-08T10:00:00")
    const kaju = [{ id: "prod_kaju", title: "Kaju Katli" }]
    expect(festivalRefusal(now, DIWALI, "2026-12-10", kaju)).toBeNull()
    expect(festivalRefusal(now, DIWALI, "2026-12-12", kaju)).toEqual({
      code: "not_festival_day",
      message: `Diwali 2026 pre-orders are delivered on ${dayLabel("2026-12-10")} and ${dayLabel("2026-12-11")}. Please choose one of these days.`,
    })
    expect(festivalRefusal(now, DIWALI, undefined, kaju)?.code).toBe("not_festival_day")
    expect(festivalRefusal(now, DIWALI, "2026-12-11", [...kaju, { id: "prod_namkeen", title: "Aloo Bhujia" }])).toMatchObject({
      code: "not_in_festival",
      message: expect.stringMatching(/^Aloo Bhujia is not part of Diwali 2026's pre-orders\./),
    })
    // The window is judged first: a closed festival says when it opens, whatever the day.
    expect(festivalRefusal(ist("2026-12-01T10:00:00"), DIWALI, "2026-12-12", kaju)?.code).toBe("festival_closed")
  })

  it("lets a festival day lie beyond the booking horizon, judged otherwise as any day", () => {
    const now = ist("2026-11-30T12:00:00")
    const settings = { slots: SEED_SLOTS, pickup_hours: SEED_PICKUP_HOURS, closed_days: [{ day: "2027-03-02", reason: "Holi" }] }
    expect(dayRefusal(now, "2027-03-01", settings)?.code).toBe("invalid_delivery_day")
    expect(dayRefusal(now, "2027-03-01", settings, { beyond_horizon: true })).toBeNull()
    expect(dayRefusal(now, "2027-03-02", settings, { beyond_horizon: true })?.code).toBe("day_closed")
    expect(slotRefusal(now, "2027-03-01", "evening", settings, 0, { beyond_horizon: true })).toBeNull()
    expect(dayRefusal(now, "2026-11-29", settings, { beyond_horizon: true })?.code).toBe("day_in_past")
  })

  it("shows the store a festival with its places left and nothing else, listed until its last day", () => {
    const view = storeFestival(ist("2026-12-01T10:00:00"), DIWALI, (day) => (day === "2026-12-10" ? 50 : 12))
    expect(view).toEqual({
      handle: "diwali-2026",
      name: "Diwali 2026",
      description: null,
      opens_on: "2026-12-07",
      closes_on: "2026-12-09",
      open: false,
      message: `Pre-orders for Diwali 2026 open on ${dayLabel("2026-12-07")}.`,
      product_ids: ["prod_kaju", "prod_box"],
      days: [
        { date: "2026-12-10", label: dayLabel("2026-12-10"), capacity: 50, places_left: 0 },
        { date: "2026-12-11", label: dayLabel("2026-12-11"), capacity: 50, places_left: 38 },
      ],
    })
    expect(isListedFestival(ist("2026-12-11T22:00:00"), DIWALI)).toBe(true)
    expect(isListedFestival(ist("2026-12-12T00:01:00"), DIWALI)).toBe(false)
    expect(isListedFestival(ist("2026-12-01T10:00:00"), { ...DIWALI, active: false })).toBe(false)
  })

  it("staff's input: days kept sorted without repeats, the window before the last day, a sentence per problem", () => {
    const good = { handle: "diwali-2026", name: "Diwali 2026", delivery_days: ["2026-12-11", "2026-12-10", "2026-12-11"], product_ids: ["prod_01A"], opens_on: "2026-12-07", closes_on: "2026-12-09", capacity_per_day: 50 }
    const parsed = festivalInput.safeParse(good)
    expect(parsed.success && parsed.data.delivery_days).toEqual(["2026-12-10", "2026-12-11"])
    const problem = (over: Record<string, unknown>) => {
      const r = festivalInput.safeParse({ ...good, ...over })
      return r.success ? null : firstProblem(r.error)
    }
    expect(problem({ closes_on: "2026-12-12" })).toBe("closes_on must not be after the last delivery day.")
    expect(problem({ opens_on: "2026-12-10" })).toBe("opens_on must not be after closes_on.")
    expect(problem({ delivery_days: [] })).toBe("delivery_days needs at least one day.")
    expect(problem({ delivery_days: Array.from({ length: 15 }, (_, i) => `2026-12-${String(i + 10).padStart(2, "0")}`), closes_on: "2026-12-09" })).toBe(
      "delivery_days may list at most 14 days."
    )
    expect(problem({ product_ids: ["kaju"] })).toBe("product_ids must be product ids like prod_01….")
    expect(problem({ capacity_per_day: 0 })).toBe("capacity_per_day must be at least 1.")
    expect(problem({ handle: "Diwali!" })).toBe("handle must be lowercase words joined by hyphens, like diwali-2026.")
    expect(problem({ shop_status: "x" })).toBe("shop_status is not a delivery setting.")
  })
})
