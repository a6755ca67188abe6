import { nextStatuses, refuseMove, SHOP_STATUSES, statusPath } from "../shop-status"

describe("the shop's order statuses", () => {
  it("walks a delivery order and a pickup order one step at a time, cancellable until the sweets leave the kitchen", () => {
    expect(statusPath("delivery")).toEqual(["placed", "confirmed", "preparing", "out_for_delivery", "delivered"])
    expect(statusPath("pickup")).toEqual(["placed", "confirmed", "preparing", "ready_for_pickup", "picked_up"])
    expect(nextStatuses("placed", "delivery")).toEqual(["confirmed", "cancelled"])
    expect(nextStatuses("preparing", "pickup")).toEqual(["ready_for_pickup", "cancelled"])
    expect(nextStatuses("out_for_delivery", "delivery")).toEqual(["delivered"])
    for (const end of ["delivered", "picked_up", "cancelled"] as const) expect(nextStatuses(end, "delivery")).toEqual([])
  })

  it("allows exactly the moves nextStatuses lists, for every status and kind", () => {
    for (const kind of ["delivery", "pickup"] as const) {
      for (const from of SHOP_STATUSES) {
        for (const to of SHOP_STATUSES) {
          const refusal = refuseMove({ display_id: 7, status: from, kind }, to)
          expect(refusal === null).toBe(nextStatuses(from, kind).includes(to))
          if (refusal) expect(refusal).toMatch(/^Order #7 .+\.$/)
        }
      }
    }
  })

  it("says why a move is refused", () => {
    expect(refuseMove({ display_id: 12, status: "placed", kind: "delivery" }, "delivered")).toBe(
      'Order #12 is placed; it can move to "Confirmed" or "Cancelled" next, not to "Delivered".'
    )
    expect(refuseMove({ display_id: 12, status: "confirmed", kind: "delivery" }, "confirmed")).toBe("Order #12 is already confirmed.")
    expect(refuseMove({ display_id: 12, status: "cancelled", kind: "pickup" }, "confirmed")).toBe("Order #12 is cancelled; nothing can follow a cancellation.")
    expect(refuseMove({ display_id: 12, status: "preparing", kind: "pickup" }, "out_for_delivery")).toBe(
      'Order #12 is a store-pickup order; "Out for delivery" is a step of a home-delivery order.'
    )
  })
})
