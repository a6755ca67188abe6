"use client"

import Link from "next/link"
import { useEffect, useState } from "react"
import { type TrackedOrder, TrackedOrderView } from "./track-order"

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
    fetch(`${backendUrl}/store/order-tracking/links/${encodeURIComponent(token)}`, { headers: { "x-publishable-api-key": publishableKey } })
      .then(async (res) => {
        const body = (await res.json().catch(() => ({}))) as { order?: TrackedOrder; message?: string }
        if (!live) return
        if (res.ok && body.order) setOrder(body.order)
        else setMessage(body.message ?? "We could not look up the order just now. Please try again in a moment.")
      })
      .catch(() => live && setMessage("We could not reach the shop just now. Please try again in a moment."))
    return () => {
      live = false
    }
  }, [backendUrl, publishableKey, token])

  if (order) return <TrackedOrderView order={order} />
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
