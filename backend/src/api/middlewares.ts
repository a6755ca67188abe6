import { defineMiddlewares } from "@medusajs/framework/http"
import { limitCashOnDelivery } from "../lib/cash-on-delivery"
import { refuseUnknownCartMetadata } from "../lib/checkout-metadata"
import { normalizeCheckoutPhones } from "../lib/checkout-phone"
import { refuseUndeliverableCart, refuseUndeliverablePayment } from "../lib/home-delivery"
import { refuseUnhygienicInput } from "../lib/input-hygiene"

export default defineMiddlewares({
  routes: [
    // One input hygiene rule for every route, Medusa's and the plugins' included (../lib/input-hygiene.ts).
    // Without a method these are global middlewares: Medusa registers them before every route's own
    // middlewares (its validators included), after the body parser, CORS, auth and the publishable key.
    // Express 4 mounts "/store/*" at the prefix, so every route below it passes here.
    { matcher: "/store/*", middlewares: [refuseUnhygienicInput] },
    { matcher: "/admin/*", middlewares: [refuseUnhygienicInput] },
    { matcher: "/auth/*", middlewares: [refuseUnhygienicInput] },
    { matcher: "/hooks/*", middlewares: [refuseUnhygienicInput] },
    { method: ["POST"], matcher: "/store/carts", middlewares: [refuseUnknownCartMetadata, normalizeCheckoutPhones] },
    { method: ["POST"], matcher: "/store/carts/:id", middlewares: [refuseUnknownCartMetadata, normalizeCheckoutPhones] },
    { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [refuseUndeliverableCart] },
    { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [limitCashOnDelivery, refuseUndeliverablePayment] },
  ],
})
