import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireDuePaymentLinks } from "../lib/payment-links"

/**
 * Every minute: payment links whose time is up (Razorpay expires them on its own schedule, and its
 * payment_link.expired may be lost) are asked of Razorpay: paid → an order or a refund; unpaid →
 * cancelled at Razorpay and their draft's hold let go (the draft stays for staff).
 */
export default async function expirePaymentLinksJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const report = await expireDuePaymentLinks(container)
    if (report.checked) {
      logger.info(`Payment links: ${report.expired.length} expired, ${report.settled.length} found paid, ${report.failed.length} to try again next minute.`)
    }
    for (const failure of report.failed) logger.warn(`Payment link of draft order ${failure.draft_order_id} not closed yet: ${failure.error}`)
  } catch (error: any) {
    logger.error(`Payment link expiry failed this run; it runs again in a minute: ${error?.message ?? error}`)
  }
}

export const config = { name: "expire-razorpay-payment-links", schedule: "* * * * *" }
