import { MedusaService } from "@medusajs/framework/utils"
import { PoolAdjustment } from "./models/pool-adjustment"
import { PoolSetting } from "./models/pool-setting"

/** The pools' own records: adjustment history and low-stock thresholds. Stock itself stays in Medusa's inventory module. */
export default class GramPoolModuleService extends MedusaService({ PoolAdjustment, PoolSetting }) {}
