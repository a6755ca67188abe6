import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * The shop's default layout of the admin's order page: the Shop status widget first.
 *
 * Medusa 2.21 lays a detail page out by sections and puts every widget after the page's
 * own sections, whatever its zone's before/after says, so the widget landed at the very
 * bottom of the order page. Medusa keeps each page's layout (order, section, hidden) as a
 * system default that every staff member sees until they customise their own ("Customize
 * layout" in the admin); this sets that default for the order page, once, when `medusa
 * db:migrate` runs this plugin's migration scripts. A default someone already saved is kept.
 */
export const ORDER_PAGE_ZONE = "order.details"
/** `widget:` + the id in the widget's defineWidgetConfig (src/admin/widgets/order-shop-status.tsx). */
export const SHOP_STATUS_WIDGET = "widget:sweetshop-order-shop-status"

export default async function shopStatusOnTop({ container }: ExecArgs) {
  if ((container as any).hasRegistration && !(container as any).hasRegistration(Modules.SETTINGS)) return
  const settings = container.resolve(Modules.SETTINGS)
  const existing = await settings.getSystemDefaultLayoutConfiguration(ORDER_PAGE_ZONE)
  if (existing) return
  // Medusa's own sections have order 0 and keep their order among themselves; -1 goes before them.
  await settings.setSystemDefaultLayoutConfiguration(ORDER_PAGE_ZONE, { widgets: { [SHOP_STATUS_WIDGET]: { order: -1 } } })
}
