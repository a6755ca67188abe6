import { DEFAULT_PICKUP, statusChangedText, WHATSAPP_TEMPLATES } from "../templates"

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
})
