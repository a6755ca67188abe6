import { dayOptionLabel, deliveryChoiceDays, deliveryDays, pickupChoiceDays, pickupHoursNote, pincodeFormatError, slotRefusal, type DeliveryDay } from "../delivery"

/** An instant given as India Standard Time (UTC+5:30). */
const ist = (isoLocal: string) => new Date(`${isoLocal}+05:30`)

describe("pincode form (where the shop delivers is the backend's to say)", () => {
  it("accepts six digits not starting with 0, spaces ignored", () => {
    expect(pincodeFormatError("110024")).toBeNull()
    expect(pincodeFormatError("122 002")).toBeNull()
    // Well-formed though the shop does not deliver there: the backend says so, not this check.
    expect(pincodeFormatError("400001")).toBeNull()
  })

  it("refuses what is not a pincode", () => {
    for (const input of ["", "11002", "1100245", "011002", "abcdef"]) {
      expect(pincodeFormatError(input)).toBe("Please enter a 6-digit pincode, for example 110024.")
    }
  })
})

describe("delivery days and slot cut-offs (India time)", () => {
  it("early morning: both slots today are open", () => {
    const days = deliveryDays(ist("2026-11-25T06:30:00"))
    expect(days).toHaveLength(3)
    expect(days[0].date).toBe("2026-11-25")
    expect(days[0].label).toBe("Today, Wednesday, 25 November")
    expect(days[0].slots.map((s) => s.open)).toEqual([true, true])
    expect(days[1].label).toBe("Tomorrow, Thursday, 26 November")
  })

  it("after 7 am the morning slot today is closed, with the reason", () => {
    const [today] = deliveryDays(ist("2026-11-25T07:00:00"))
    expect(today.slots[0]).toMatchObject({ id: "morning", open: false, note: "Closed: order by 7 am for this slot today" })
    expect(today.slots[1].open).toBe(true)
  })

  it("after 1 pm today is gone and tomorrow comes first", () => {
    const days = deliveryDays(ist("2026-11-25T13:05:00"))
    expect(days.map((d) => d.date)).toEqual(["2026-11-26", "2026-11-27"])
  })

  it("uses India's date, not the server's: 11 pm UTC is already tomorrow morning in India", () => {
    const days = deliveryDays(new Date("2026-11-24T23:00:00Z")) // 04:30 IST on the 25th
    expect(days[0].date).toBe("2026-11-25")
    expect(days[0].slots.every((s) => s.open)).toBe(true)
  })

  it("a chosen slot is checked again when the order is placed", () => {
    expect(slotRefusal(ist("2026-11-25T06:59:00"), "2026-11-25", "morning")).toBeNull()
    expect(slotRefusal(ist("2026-11-25T07:01:00"), "2026-11-25", "morning")).toMatch(/has closed \(order by 7 am/)
    expect(slotRefusal(ist("2026-11-25T07:01:00"), "2026-12-25", "morning")).toBe("Please choose a delivery day and slot.")
    expect(slotRefusal(ist("2026-11-25T07:01:00"), "2026-11-26", "midnight")).toBe("Please choose a delivery day and slot.")
  })
})

describe("the pickup counter's hours on the chosen day", () => {
  const day = { date: "2026-12-01", label: "Tomorrow, Tuesday 1 December", slots: [] }
  it("says when the counter is open, or the backend's reason it takes no pickup that day", () => {
    expect(pickupHoursNote({ ...day, pickup: { open: true, opensAt: "10:00", closesAt: "21:00", message: null } })).toBe("Pickup Tomorrow, Tuesday 1 December: the counter is open 10:00–21:00.")
    expect(pickupHoursNote({ ...day, pickup: { open: false, opensAt: null, closesAt: null, message: "The pickup counter is closed on Tuesdays. Please choose another day, or home delivery." } })).toMatch(/closed on Tuesdays/)
    expect(pickupHoursNote(day)).toBeNull()
    expect(pickupHoursNote(undefined)).toBeNull()
  })
})

describe("the days each way offers", () => {
  const open = { open: true, opensAt: "10:00", closesAt: "21:00", message: null }
  const today: DeliveryDay = { date: "2026-11-30", label: "Today, Monday 30 November", slots: [], pickup: open }
  const tomorrow: DeliveryDay = { date: "2026-12-01", label: "Tomorrow, Tuesday 1 December", slots: [{ id: "morning", label: "Morning", open: true, note: null }], pickup: { open: false, opensAt: null, closesAt: null, message: "closed" } }

  it("delivery: days with a slot; pickup: days the counter takes pickup, slots or not", () => {
    expect(deliveryChoiceDays([today, tomorrow]).map((d) => d.date)).toEqual(["2026-12-01"])
    expect(pickupChoiceDays([today, tomorrow]).map((d) => d.date)).toEqual(["2026-11-30"])
  })

  it("without the backend's pickup list, pickup offers the delivery days", () => {
    const { pickup: _a, ...bare } = tomorrow
    expect(pickupChoiceDays([{ ...today, pickup: undefined }, bare]).map((d) => d.date)).toEqual(["2026-12-01"])
  })

  it("a pickup day's line names the counter's hours; a delivery day's is its label", () => {
    expect(dayOptionLabel(today, "pickup")).toBe("Today, Monday 30 November, counter open 10:00–21:00")
    expect(dayOptionLabel(today, "delivery")).toBe("Today, Monday 30 November")
  })
})
