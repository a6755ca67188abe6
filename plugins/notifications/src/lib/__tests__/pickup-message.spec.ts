import { PICKUP_HOURS_KEY } from "@sweetshop/shop-contracts"
import { DEFAULT_PICKUP, pickupPlaceOf, statusChangedText, WHATSAPP_TEMPLATES } from "../templates"

describe("the ready-for-pickup message", () => {
  const pickup = { address: "12 Halwai Gali, Chandni Chowk, New Delhi 110006", hours: "10 am to 9 pm, every day" }

  it("says where the counter is and when it is open", () => {
    expect(statusChangedText({ display_id: 13, status: "ready_for_pickup", pickup, tracking_url: "https://shop.in/track/Ab3dE5gH7k" })).toBe(
      "Sweet Shop: your order #13 is ready for pickup at 12 Halwai Gali, Chandni Chowk, New Delhi 110006 (open 10 am to 9 pm, every day). Track: https://shop.in/track/Ab3dE5gH7k"
    )
    expect(statusChangedText({ display_id: 13, status: "ready_for_pickup", pickup }, "hi")).toBe(
      "Sweet Shop: आपका ऑर्डर #13 लेने के लिए तैयार है: 12 Halwai Gali, Chandni Chowk, New Delhi 110006 (खुला: 10 am to 9 pm, every day)।"
    )
  })

  it("fills the approved WhatsApp template's status parameter with the same place and hours", () => {
    const [number, status] = WHATSAPP_TEMPLATES.order_status_update.parameters({ display_id: 13, status: "ready_for_pickup", pickup })
    expect(number).toBe("13")
    expect(status).toBe(`ready for pickup at ${pickup.address} (open ${pickup.hours})`)
  })

  it("leaves other statuses as they were", () => {
    expect(statusChangedText({ display_id: 13, status: "out_for_delivery", pickup })).toBe("Sweet Shop: your order #13 is out for delivery.")
  })

  it("has the seed's kitchen as the default place", () => {
    expect(DEFAULT_PICKUP.address).toMatch(/Chandni Chowk, New Delhi 110006$/)
    expect(DEFAULT_PICKUP.hours).toBeTruthy()
  })

  it("names the hours the checkout wrote on the order (staff's for its day), else SHOP_PICKUP_HOURS, else the seed's", () => {
    const options = { pickup_address: "5 Mall Road", pickup_hours: "9 am to 8 pm" }
    const onOrder = pickupPlaceOf({ [PICKUP_HOURS_KEY]: "11:00–18:30", delivery_date: "2026-12-03" }, options)
    expect(onOrder).toEqual({ address: "5 Mall Road", hours: "11:00–18:30" })
    expect(statusChangedText({ display_id: 13, status: "ready_for_pickup", pickup: onOrder })).toBe("Sweet Shop: your order #13 is ready for pickup at 5 Mall Road (open 11:00–18:30).")
    expect(pickupPlaceOf({ delivery_date: "2026-12-03" }, options).hours).toBe("9 am to 8 pm")
    expect(pickupPlaceOf({ [PICKUP_HOURS_KEY]: null }, options).hours).toBe("9 am to 8 pm")
    expect(pickupPlaceOf({ [PICKUP_HOURS_KEY]: "  " }, {})).toEqual(DEFAULT_PICKUP)
    expect(pickupPlaceOf(null, {})).toEqual(DEFAULT_PICKUP)
  })
})
