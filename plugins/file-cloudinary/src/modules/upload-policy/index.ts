import { Module } from "@medusajs/framework/utils"
import UploadPolicyModuleService from "./service"

export const UPLOAD_POLICY_MODULE = "upload_policy"

export default Module(UPLOAD_POLICY_MODULE, { service: UploadPolicyModuleService })
