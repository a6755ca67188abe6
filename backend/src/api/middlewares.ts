import { defineMiddlewares } from "@medusajs/framework/http"
import { limitCashOnDelivery, limitStaffCashOnDelivery } from "../lib/middlewares/cash-on-delivery"
import { refuseUnknownCartMetadata } from "../lib/middlewares/checkout-metadata"
import { normalizeCheckoutPhones } from "../lib/middlewares/checkout-phone"
import { keyAddressToDeliveryArea, refuseUndeliverableCart, refuseUndeliverablePayment } from "../lib/middlewares/delivery-area"
import { bookCartDeliverySlot } from "../lib/middlewares/delivery-slot"
import { bookDraftDeliveryForConversion, bookDraftDeliveryForLink } from "../lib/middlewares/draft-delivery"
import { answerMalformedUrls, refuseUnhygienicInput } from "../lib/middlewares/input-hygiene"
import { refuseUnknownCartOrLine, refuseUnknownPaymentCollection, refuseUnknownPaymentProvider } from "../lib/middlewares/store-route-guards"
import { observeRequests } from "../lib/operations/metrics"
import { throttleStaffLogin } from "../lib/middlewares/login-throttle"

export default defineMiddlewares({
  // Medusa's error handler, but a path Express cannot percent-decode is a 400, not a 500 (../lib/middlewares/input-hygiene.ts).
  errorHandler: answerMalformedUrls,
  routes: [
    // Staff login and token refresh: wrong guesses per account and per client, then 429 + Retry-After (../lib/middlewares/login-throttle.ts).
    { method: ["POST"], matcher: /^\/auth\/(user\/emailpass|token\/refresh)\/?$/, middlewares: [throttleStaffLogin] },
    // Request id, duration by route pattern and status, checkouts by outcome, the JSON request line (../lib/operations/metrics.ts).
    // Matcher "/" without a method: Medusa sorts it before every other global middleware.
    { matcher: "/", middlewares: [observeRequests] },
    // One input hygiene rule for every route, Medusa's and the plugins' included (../lib/middlewares/input-hygiene.ts).
    // Without a method these are global middlewares: Medusa registers them (app.use) before every route's
    // own middlewares (its validators included), after the body parser, CORS, auth and the publishable key.
    // The matchers are bare prefixes, not "/store/*": Express 4 turns a "*" into a route parameter and
    // percent-decodes it while matching, so a malformed encoding (/store/carts/%E0%A4) would throw a 500
    // before this middleware could refuse it; "/store" matches every path below it without decoding.
    { matcher: "/store", middlewares: [refuseUnhygienicInput] },
    { matcher: "/admin", middlewares: [refuseUnhygienicInput] },
    { matcher: "/auth", middlewares: [refuseUnhygienicInput] },
    { matcher: "/hooks", middlewares: [refuseUnhygienicInput] },
    { method: ["POST"], matcher: "/store/carts", middlewares: [refuseUnknownCartMetadata, normalizeCheckoutPhones, keyAddressToDeliveryArea] },
    { method: ["POST"], matcher: "/store/carts/:id", middlewares: [refuseUnknownCartOrLine, refuseUnknownCartMetadata, normalizeCheckoutPhones, keyAddressToDeliveryArea] },
    // Medusa's cart and payment routes answer 500 for a cart, line or payment collection that does not exist, and
    // delete a line named under another cart's id: 404 before they run (../lib/middlewares/store-route-guards.ts).
    { method: ["POST"], matcher: "/store/carts/:id/line-items", middlewares: [refuseUnknownCartOrLine] },
    { method: ["POST", "DELETE"], matcher: "/store/carts/:id/line-items/:line_id", middlewares: [refuseUnknownCartOrLine] },
    { method: ["POST"], matcher: "/store/carts/:id/shipping-methods", middlewares: [refuseUnknownCartOrLine] },
    // The delivery area and the cash-on-delivery cap on Medusa's own routes. Where Medusa offers a workflow hook the
    // rule is a hook (adding a shipping method: ../workflows/hooks/delivery-area.ts; the one-call checkout has them
    // as steps of its workflow). These two stay middlewares because Medusa offers no hook for them:
    // completeCartWorkflow's one `validate` hook (a hook takes one handler) belongs to gram-inventory's pool
    // guard, which a plugin cannot share with the backend; the payment-session workflow has no hook at all.
    // The day and slot, and home delivery's place in its slot (../lib/middlewares/delivery-slot.ts), after the area.
    { method: ["POST"], matcher: "/store/carts/:id/complete", middlewares: [refuseUndeliverableCart, bookCartDeliverySlot] },
    { method: ["POST"], matcher: "/store/payment-collections/:id/payment-sessions", middlewares: [refuseUnknownPaymentCollection, refuseUnknownPaymentProvider, limitCashOnDelivery, refuseUndeliverablePayment] },
    // Staff orders (draft orders) converted without a payment are cash on delivery: the same cap; then the
    // day and slot (the draft's metadata) judged as a checkout's and home delivery's place booked, keyed by the
    // draft's id. The same before payment-razorpay sends a payment link (its route; a plugin may not import the
    // backend's rules, and neither route runs a workflow with a hook for it): ../lib/middlewares/draft-delivery.ts.
    // Medusa runs the plugins' middlewares on a route before the project's (plugins in medusa-config's order, the
    // project last), and every middleware registered without a method before those with one. So on
    // convert-to-order: the cap first (no method, POST checked inside: an over-cap draft keeps its payment link),
    // then gram-inventory locks the draft's pools and checks their sum (409 pool_shortfall, before any place is
    // booked), then payment-razorpay cancels an outstanding link, then the day and place here (freed if the
    // route then fails).
    { matcher: "/admin/draft-orders/:id/convert-to-order", middlewares: [limitStaffCashOnDelivery] },
    { method: ["POST"], matcher: "/admin/draft-orders/:id/convert-to-order", middlewares: [bookDraftDeliveryForConversion] },
    { method: ["POST"], matcher: "/admin/draft-orders/:id/payment-link", middlewares: [bookDraftDeliveryForLink] },
  ],
})
