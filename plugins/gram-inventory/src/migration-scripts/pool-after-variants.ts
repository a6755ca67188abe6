import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * The shop's default layout of the admin's product page: the Stock pool widget right after
 * Medusa's Variants section, where staff read per-size stock. Medusa 2.21 puts widgets after
 * a page's own sections (at the bottom) and keeps each page's order as a system default
 * that staff see until they customise their own; this sets it once, when `medusa db:migrate`
 * runs the plugin's migration scripts. A default someone already saved is kept.
 */
export const PRODUCT_PAGE_ZONE = "product.details"

export default async function poolAfterVariants({ container }: ExecArgs) {
  if ((container as any).hasRegistration && !(container as any).hasRegistration(Modules.SETTINGS)) return
  const settings = container.resolve(Modules.SETTINGS)
  if (await settings.getSystemDefaultLayoutConfiguration(PRODUCT_PAGE_ZONE)) return
  await settings.setSystemDefaultLayoutConfiguration(PRODUCT_PAGE_ZONE, {
    widgets: {
      "core:ProductGeneralSection": { order: 0 },
      "core:ProductMediaSection": { order: 1 },
      "core:ProductOptionSection": { order: 2 },
      "core:ProductVariantSection": { order: 3 },
      "widget:sweetshop-product-pool": { order: 4 },
    },
  })
}
