"use client"

import Link from "next/link"
import { useEffect, useState } from "react"
import { orderOfLink, type TrackedOrder } from "@/lib/browser/order-tracking"
import { TrackedOrderView } from "./track-order"

/**
 * The order behind a signed tracking link (sent in the order's SMS and WhatsApp
 * messages). The browser asks the store API itself, so the backend's abuse
 * limits count each shopper, not this server.
 */
export function TrackLink({ backendUrl, publishableKey, token }: { backendUrl: string; publishableKey: string; token: string }) {
  const [order, setOrder] = useState<TrackedOrder | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    orderOfLink({ backendUrl, publishableKey }, token).then((outcome) => {
      if (!live) return
      if ("order" in outcome) setOrder(outcome.order)
      else setMessage(outcome.message)
    })
    return () => {
      live = false
    }
  }, [backendUrl, publishableKey, token])

  if (order)
    return (
      <>
        <TrackedOrderView order={order} />
        {/* The invoice names the buyer and the address: a link that may have been forwarded does not open it. */}
        <p className="hint" data-testid="track-invoice-hint">
          The GST invoice is in <Link href="/my-orders">My orders</Link>, after a code we send to the mobile number of the order.
        </p>
      </>
    )
  if (message)
    return (
      <div>
        <p className="notice error" role="alert" data-testid="track-message">
          {message}
        </p>
        <p>
          <Link href="/track">Track with the order number and your phone number</Link>
        </p>
      </div>
    )
  return <p aria-live="polite">Looking up your order…</p>
}
