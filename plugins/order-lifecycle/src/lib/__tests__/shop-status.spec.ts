import { type FulfillmentKind, isShopStatus, nextStatuses, refuseMove, SHOP_STATUSES, type ShopStatus, STATUS_LABELS, statusPath } from "../shop-status"

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

describe("the shop's order statuses, every sentence and edge", () => {
  const order = (status: ShopStatus, kind: FulfillmentKind = "delivery") => ({ display_id: 31, status, kind })

  it("knows its eight statuses and nothing else", () => {
    expect([...SHOP_STATUSES]).toStrictEqual([
      "placed",
      "confirmed",
      "preparing",
      "out_for_delivery",
      "delivered",
      "ready_for_pickup",
      "picked_up",
      "cancelled",
    ])
    for (const status of SHOP_STATUSES) expect(isShopStatus(status)).toBe(true)
    for (const other of ["Placed", "shipped", "canceled", "", " placed", undefined, null, 3, ["placed"]]) expect(isShopStatus(other)).toBe(false)
  })

  it("names every status the way staff and shoppers read it", () => {
    expect(STATUS_LABELS).toStrictEqual({
      placed: "Placed",
      confirmed: "Confirmed",
      preparing: "Being prepared",
      out_for_delivery: "Out for delivery",
      delivered: "Delivered",
      ready_for_pickup: "Ready for pickup",
      picked_up: "Picked up",
      cancelled: "Cancelled",
    })
  })

  it("lists exactly the next steps, with no empty step past the end of a path", () => {
    const next = (status: ShopStatus, kind: FulfillmentKind) => nextStatuses(status, kind)
    expect(next("placed", "pickup")).toStrictEqual(["confirmed", "cancelled"])
    expect(next("confirmed", "delivery")).toStrictEqual(["preparing", "cancelled"])
    expect(next("preparing", "delivery")).toStrictEqual(["out_for_delivery", "cancelled"])
    expect(next("out_for_delivery", "delivery")).toStrictEqual(["delivered"])
    expect(next("ready_for_pickup", "pickup")).toStrictEqual(["picked_up"])
    // The last step of each path, and cancelled, lead nowhere (not to an undefined step).
    expect(next("delivered", "delivery")).toStrictEqual([])
    expect(next("picked_up", "pickup")).toStrictEqual([])
    expect(next("cancelled", "pickup")).toStrictEqual([])
    // A status of the other path leads nowhere either.
    expect(next("ready_for_pickup", "delivery")).toStrictEqual([])
    expect(next("out_for_delivery", "pickup")).toStrictEqual([])
  })

  it("gives each kind its own copy of the path", () => {
    const path = statusPath("delivery")
    path.push("cancelled")
    expect(statusPath("delivery")).toStrictEqual(["placed", "confirmed", "preparing", "out_for_delivery", "delivered"])
  })

  it("says an order is already where staff want it", () => {
    expect(refuseMove(order("placed"), "placed")).toBe("Order #31 is already placed.")
    expect(refuseMove(order("out_for_delivery"), "out_for_delivery")).toBe("Order #31 is already out for delivery.")
    expect(refuseMove(order("delivered"), "delivered")).toBe("Order #31 is already delivered.")
    expect(refuseMove(order("cancelled", "pickup"), "cancelled")).toBe("Order #31 is already cancelled.")
  })

  it("says a delivered or picked-up order cannot change any more", () => {
    expect(refuseMove(order("delivered"), "cancelled")).toBe("Order #31 is already delivered; it cannot change any more.")
    expect(refuseMove(order("delivered"), "placed")).toBe("Order #31 is already delivered; it cannot change any more.")
    expect(refuseMove(order("picked_up", "pickup"), "ready_for_pickup")).toBe("Order #31 is already picked up; it cannot change any more.")
  })

  it("says a cancellation comes too late once the sweets have left the kitchen", () => {
    expect(refuseMove(order("out_for_delivery"), "cancelled")).toBe(
      "Order #31 is out for delivery: it can no longer be cancelled once the sweets have left the kitchen."
    )
    expect(refuseMove(order("ready_for_pickup", "pickup"), "cancelled")).toBe(
      "Order #31 is ready for pickup: it can no longer be cancelled once the sweets have left the kitchen."
    )
  })

  it("says which kind of order a step belongs to", () => {
    expect(refuseMove(order("preparing", "delivery"), "ready_for_pickup")).toBe(
      'Order #31 is a home-delivery order; "Ready for pickup" is a step of a store-pickup order.'
    )
    expect(refuseMove(order("preparing", "pickup"), "delivered")).toBe(
      'Order #31 is a store-pickup order; "Delivered" is a step of a home-delivery order.'
    )
  })

  it("says where the order can go instead of a skipped or backward step", () => {
    expect(refuseMove(order("out_for_delivery"), "placed")).toBe(
      'Order #31 is out for delivery; it can move to "Delivered" next, not to "Placed".'
    )
    expect(refuseMove(order("preparing", "pickup"), "picked_up")).toBe(
      'Order #31 is being prepared; it can move to "Ready for pickup" or "Cancelled" next, not to "Picked up".'
    )
  })
})
