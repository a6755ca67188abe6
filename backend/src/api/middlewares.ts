import { defineMiddlewares } from "@medusajs/framework/http"
import { limitCashOnDelivery } from "../lib/cash-on-delivery"
import { normalizeCheckoutPhones } from "../lib/checkout-phone"
import { refuseUndeliverableCart, refuseUndeliverablePayment } from "../lib/home-delivery"

export default defineMiddlewares({
  routes: [
    { method: ["POST"], matcher: "/store/carts", middlewares: [normalizeCheckoutPhones] },
    { method: ["POST"], matcher: "/store/carts/:id", middlewares: [normalizeCheckoutPhones] },
    { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [refuseUndeliverableCart] },
    { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [limitCashOnDelivery, refuseUndeliverablePayment] },
  ],
})
