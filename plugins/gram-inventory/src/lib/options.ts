import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_HOLD_MINUTES } from "./payment-holds"

export type GramInventoryOptions = {
  /** How long a cart's grams are held while its shopper pays online (PAYMENT_HOLD_MINUTES). */
  payment_hold_minutes?: number
  /** Payment providers that take money before the order exists: a session for one of these holds the cart's stock. */
  payment_hold_providers?: string[]
}

export const PLUGIN_NAME = "@sweetshop/gram-inventory"

export function pluginOptions(container: Pick<MedusaContainer, "resolve">): Required<GramInventoryOptions> {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = config.plugins?.find((p: any) => typeof p !== "string" && p.resolve === PLUGIN_NAME) as { options?: GramInventoryOptions } | undefined
  return {
    payment_hold_minutes: plugin?.options?.payment_hold_minutes ?? DEFAULT_HOLD_MINUTES,
    payment_hold_providers: plugin?.options?.payment_hold_providers ?? [],
  }
}
