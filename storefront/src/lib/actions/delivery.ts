"use server"

import type { PincodeCheck } from "@/lib/delivery"
import { checkPincode } from "@/lib/server/delivery"

/** The checkout's pincode check as the shopper types: the backend's answer, through this server (the key stays here). */
export async function checkDeliveryPincode(pincode: string): Promise<PincodeCheck> {
  return checkPincode(String(pincode ?? "").slice(0, 12))
}
