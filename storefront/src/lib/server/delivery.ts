import { pincodeDigits } from "@sweetshop/shop-contracts"
import type { PincodeCheck } from "../delivery"
import { BackendUnavailableError, ShopRefusal, store } from "./medusa"

type PincodeAnswer = { pincode: string; serviceable: true; area: string; city?: string; state?: string } | { pincode: string; serviceable: false; message: string }

const UNCHECKED = "We could not check this pincode just now; we check it again when you place the order."

/**
 * Whether the shop delivers to a pincode, asked of the backend
 * (`GET /store/delivery/pincodes/:pincode`, always live): the one list of
 * delivery areas is the backend's, which also refuses home delivery outside
 * them at checkout. A malformed pincode is the backend's 400 sentence. When the
 * backend cannot answer (down, or a backend without the route) the check is
 * "unknown": the shopper may go on, and the checkout call is the check.
 */
export async function checkPincode(input: string): Promise<PincodeCheck> {
  const pincode = pincodeDigits(input) ?? input.replace(/\s/g, "")
  if (!/^\d{1,10}$/.test(pincode)) return { pincode, status: "invalid", message: "Please enter a 6-digit pincode, for example 110024." }
  try {
    const answer = await store<PincodeAnswer>(`/store/delivery/pincodes/${pincode}`, { freshness: { cache: "live" } })
    return answer.serviceable
      ? { pincode: answer.pincode, status: "serviceable", area: answer.area, city: answer.city || null, state: answer.state || null }
      : { pincode: answer.pincode, status: "unserviceable", message: answer.message }
  } catch (error) {
    if (error instanceof ShopRefusal && error.status === 400) return { pincode, status: "invalid", message: error.message }
    if (error instanceof ShopRefusal || error instanceof BackendUnavailableError) return { pincode, status: "unknown", message: UNCHECKED }
    throw error
  }
}
