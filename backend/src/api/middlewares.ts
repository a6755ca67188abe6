import { defineMiddlewares } from "@medusajs/framework/http"
import { limitCashOnDelivery } from "../lib/cash-on-delivery"

export default defineMiddlewares({
  routes: [
    { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [limitCashOnDelivery] },
  ],
})
