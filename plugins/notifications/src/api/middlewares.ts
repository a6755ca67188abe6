import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { ResendMessageBody } from "./admin/orders/[id]/messages/resend/validators"

export default defineMiddlewares({
  routes: [
    // The signature is over the raw bytes Meta sent: keep them.
    { method: ["POST"], matcher: "/hooks/whatsapp", bodyParser: { preserveRawBody: true } },
    { method: ["POST"], matcher: "/admin/orders/:id/messages/resend", middlewares: [validateAndTransformBody(ResendMessageBody)] },
  ],
})
