import { defineMiddlewares, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RAZORPAY_WEBHOOKS_MODULE } from "../modules/razorpay-webhooks"
import type RazorpayWebhooksModuleService from "../modules/razorpay-webhooks/service"
import { webhookSignatureValid } from "../lib/signatures"

const PROVIDER_ROUTE = "razorpay_razorpay"

function webhookSecret(req: MedusaRequest): string | undefined {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = config.plugins?.find((p: any) => typeof p !== "string" && p.resolve === "@sweetshop/payment-razorpay") as
    | { options?: { webhook_secret?: string } }
    | undefined
  return plugin?.options?.webhook_secret
}

/**
 * Razorpay retries deliveries and may send one event more than once: a
 * correctly signed delivery whose X-Razorpay-Event-Id was already taken in is
 * answered 200 and goes no further. Unsigned or mis-signed deliveries pass on
 * to Medusa, where the provider ignores them; they are never recorded, so no
 * one can block a real event by sending its id first.
 */
export async function dropRepeatedRazorpayEvents(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.params?.provider !== PROVIDER_ROUTE) return next()
  const eventId = req.headers["x-razorpay-event-id"]
  const secret = webhookSecret(req)
  const raw = (req as any).rawBody as Buffer | string | undefined
  if (typeof eventId !== "string" || !eventId || !secret || !raw) return next()
  if (!webhookSignatureValid(secret, raw, req.headers["x-razorpay-signature"])) return next()

  const events: RazorpayWebhooksModuleService = req.scope.resolve(RAZORPAY_WEBHOOKS_MODULE)
  try {
    await events.createWebhookEvents({ event_id: eventId, event: String((req.body as any)?.event ?? "") })
  } catch {
    // The unique event id is already there: this delivery repeats one taken in before.
    res.status(200).json({ received: true, duplicate: true })
    return
  }
  next()
}

export default defineMiddlewares({
  routes: [{ method: ["POST"], matcher: "/hooks/payment/:provider", middlewares: [dropRepeatedRazorpayEvents] }],
})
