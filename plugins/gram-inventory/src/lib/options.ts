import type { MedusaContainer } from "@medusajs/framework/types"
import { GRAM_POOL_MODULE } from "../modules/gram-pool"
import { DEFAULT_HOLD_MINUTES } from "./payment-holds"

export type GramInventoryOptions = {
  /** How long a cart's grams are held while its shopper pays online (PAYMENT_HOLD_MINUTES). */
  payment_hold_minutes?: number
  /** Payment providers that take money before the order exists: a session for one of these holds the cart's stock. */
  payment_hold_providers?: string[]
}

export const PLUGIN_NAME = "@sweetshop/gram-inventory"

/** The plugin's options, as medusa-config.ts gives them to its gram-pool module. */
export function pluginOptions(container: Pick<MedusaContainer, "resolve">): Required<GramInventoryOptions> {
  const options = (container.resolve(GRAM_POOL_MODULE) as { options?: GramInventoryOptions }).options ?? {}
  return {
    payment_hold_minutes: options.payment_hold_minutes ?? DEFAULT_HOLD_MINUTES,
    payment_hold_providers: options.payment_hold_providers ?? [],
  }
}
