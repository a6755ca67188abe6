"use client"

import { useEffect, useState } from "react"
import type { FulfillmentKind } from "@sweetshop/shop-contracts"
import { previewTotals } from "@/lib/actions/checkout"
import { formatPaise } from "@/lib/format"
import type { CheckoutTotals } from "@/lib/server/checkout/shipping"

/**
 * The total before ordering: sweets, delivery (or "Pickup: free"), the GST
 * inside the prices, and the total, from the backend's own cart totals with the
 * chosen way (asked again whenever the choice or the served pincode changes: home delivery
 * costs what the pincode's delivery area charges). What a cash-on-delivery
 * shopper keeps ready is this figure.
 */
export function OrderTotal({ fulfilment, pincode, itemsPaise, version }: { fulfilment: FulfillmentKind; pincode: string | null; itemsPaise: number; version: number }) {
  const [totals, setTotals] = useState<CheckoutTotals | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let current = true
    setFailed(false)
    previewTotals(fulfilment, pincode).then(
      (answer) => {
        if (!current) return
        setTotals(answer)
        setFailed(answer === null)
      },
      () => current && setFailed(true)
    )
    return () => {
      current = false
    }
  }, [fulfilment, pincode, version])
  const shown = totals?.fulfilment === fulfilment ? totals : null
  const items = shown?.itemsPaise ?? itemsPaise
  return (
    <div className="totals" data-testid="checkout-totals" aria-live="polite" aria-busy={!shown && !failed}>
      <div>
        <span>Sweets</span>
        <span>{formatPaise(items)}</span>
      </div>
      <div data-testid="checkout-shipping">
        {fulfilment === "pickup" ? (
          <>
            <span>Pickup</span>
            <span>free</span>
          </>
        ) : (
          <>
            <span>Delivery</span>
            <span>{shown?.shippingPaise == null ? (failed || shown ? "by your pincode's area" : "…") : shown.shippingPaise === 0 ? "free" : formatPaise(shown.shippingPaise)}</span>
          </>
        )}
      </div>
      {shown?.taxPaise != null && (
        <div className="hint">
          <span>GST included</span>
          <span>{formatPaise(shown.taxPaise)}</span>
        </div>
      )}
      <div className="grand">
        <span>Total</span>
        <span data-testid="checkout-total" data-total-paise={shown?.totalPaise ?? undefined}>
          {shown?.totalPaise != null ? formatPaise(shown.totalPaise) : failed || shown ? "shown when you place the order" : "working it out…"}
        </span>
      </div>
      {shown?.totalPaise != null && <p className="hint">Prices include 5% GST.</p>}
    </div>
  )
}
