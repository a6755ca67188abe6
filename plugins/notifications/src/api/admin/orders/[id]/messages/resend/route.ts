import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resendMessage } from "../../../../../../lib/admin-messages"
import type { ResendMessageBodyType } from "./validators"

/** POST /admin/orders/:id/messages/resend { notification_id }: the same message again, as a new notification. */
export async function POST(req: AuthenticatedMedusaRequest<ResendMessageBodyType>, res: MedusaResponse) {
  const result = await resendMessage(req.scope, req.params.id, req.validatedBody.notification_id)
  if (!result) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This order has no such message.")
  res.status(result.sent ? 200 : 502).json({ message: result.message, sent: result.sent, ...(result.error ? { error: result.error } : {}) })
}
