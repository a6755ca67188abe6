import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ordersForSession, SESSION_EXPIRED } from "../../../../lib/shopper-tracking"

/** GET /store/order-tracking/orders (header x-order-session) — every order of the session's phone, newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const orders = await ordersForSession(req.scope, req.headers["x-order-session"])
  if (!orders) {
    res.status(401).json({ type: "unauthorized", message: SESSION_EXPIRED })
    return
  }
  res.json({ orders })
}
