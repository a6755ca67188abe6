import { Module } from "@medusajs/framework/utils"
import GramPoolModuleService from "./service"

export const GRAM_POOL_MODULE = "gram_pool"

export default Module(GRAM_POOL_MODULE, { service: GramPoolModuleService })
