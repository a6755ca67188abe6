import type { Metadata } from "next"
import Link from "next/link"
import { TrackOrder } from "@/components/track/track-order"
import { readConfig } from "@/lib/server/config"

export const metadata: Metadata = { title: "Track your order", robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * Order tracking by order number and phone (the order-lifecycle plugin's lookup route).
 * The browser asks the store API itself, so the backend's abuse limits count each shopper,
 * not this server: only the backend URL and the publishable key are handed over.
 */
export default async function TrackPage({ searchParams }: Props) {
  const { browserBackendUrl: backendUrl, publishableKey } = readConfig()
  const number = (await searchParams).order
  return (
    <>
      <h1>Track your order</h1>
      <p>Enter the order number from your confirmation or SMS and the mobile number you ordered with.</p>
      <TrackOrder backendUrl={backendUrl} publishableKey={publishableKey} initialOrderNumber={typeof number === "string" ? number.replace(/\D/g, "") : ""} />
      <p className="hint">
        No order number to hand? <Link href="/my-orders">See all your orders</Link> with a code sent to your mobile.
      </p>
    </>
  )
}
