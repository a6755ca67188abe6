import type { Metadata } from "next"
import Link from "next/link"
import { MyOrders } from "@/components/track/my-orders"
import { readConfig } from "@/lib/server/config"

export const metadata: Metadata = { title: "My orders", robots: { index: false } }
// The backend URL and key are read per request (one build serves any backend).
export const dynamic = "force-dynamic"

/**
 * Every order of a mobile number after a one-time code by SMS. As on /track, the
 * browser asks the store API itself (the backend's per-client limits then count
 * each shopper): only the backend URL and the publishable key are handed over.
 */
export default function MyOrdersPage() {
  const { browserBackendUrl: backendUrl, publishableKey } = readConfig()
  return (
    <>
      <h1>My orders</h1>
      <p>See every order placed with your mobile number: no account or password, just a code we send by SMS.</p>
      <MyOrders backendUrl={backendUrl} publishableKey={publishableKey} />
      <p className="hint">
        Have an order number? <Link href="/track">Track one order</Link> with it and your mobile number.
      </p>
    </>
  )
}
