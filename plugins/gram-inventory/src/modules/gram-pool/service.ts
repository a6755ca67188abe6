import { MedusaService } from "@medusajs/framework/utils"
import type { GramInventoryOptions } from "../../lib/options"
import { PoolAdjustment } from "./models/pool-adjustment"
import { PoolSetting } from "./models/pool-setting"

/**
 * The pools' own records: adjustment history and low-stock thresholds. Stock itself stays in
 * Medusa's inventory module. The module's options (medusa-config.ts) are the plugin's options.
 */
export default class GramPoolModuleService extends MedusaService({ PoolAdjustment, PoolSetting }) {
  readonly options: GramInventoryOptions

  constructor(container: Record<string, unknown>, options?: GramInventoryOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options = options ?? {}
  }
}
