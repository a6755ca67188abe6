import { z } from "@medusajs/framework/zod"

/** POST /admin/orders/:id/messages/resend: which message of this order to send again. */
export const ResendMessageBody = z
  .object({
    notification_id: z.string().regex(/^noti_[0-9A-Za-z]+$/, "must be a notification id (noti_…)"),
  })
  .strict()

export type ResendMessageBodyType = z.infer<typeof ResendMessageBody>
