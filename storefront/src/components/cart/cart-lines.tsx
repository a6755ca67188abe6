"use client"

import Link from "next/link"
import { useState, useTransition } from "react"
import { changeQuantity } from "@/lib/actions/cart"
import { formatRupees } from "@/lib/format"
import type { CartView } from "@/lib/server/cart"
import { SweetImage } from "@/components/product/sweet-image"

/** The cart's lines with a stepper and a remove button each; used by the drawer and the cart page. */
export function CartLines({ cart, onChange }: { cart: CartView; onChange: (cart: CartView | null) => void }) {
  const [pending, startTransition] = useTransition()
  const [message, setMessage] = useState<string | null>(null)

  function update(lineId: string, quantity: number) {
    startTransition(async () => {
      const result = await changeQuantity(lineId, quantity)
      setMessage(result.ok ? null : result.message)
      onChange(result.cart)
    })
  }

  return (
    <>
      {message && (
        <p className="notice error" role="alert">
          {message}
        </p>
      )}
      <ul className="cart-lines" aria-busy={pending}>
        {cart.lines.map((line) => (
          <li key={line.id} className="cart-line" data-testid="cart-line">
            <SweetImage url={line.thumbnail} alt="" width={64} sizes="64px" />
            <div>
              <div className="cart-line-top">
                <Link href={`/products/${line.productHandle}`}>
                  <strong>{line.productTitle}</strong>
                </Link>
                <span>{formatRupees(line.totalRupees)}</span>
              </div>
              <div>
                {line.sizeLabel} × {line.quantity} at {formatRupees(line.unitPriceRupees)}
              </div>
              {line.stockMessage && (
                <p className="field-error" role="alert" data-testid="line-stock-message">
                  {line.stockMessage}
                </p>
              )}
              <div className="cart-line-actions">
                <div className="stepper" role="group" aria-label={`Quantity of ${line.productTitle} ${line.sizeLabel}`}>
                  <button type="button" onClick={() => update(line.id, line.quantity - 1)} disabled={pending} aria-label={`One less ${line.productTitle} ${line.sizeLabel}`}>
                    −
                  </button>
                  <span className="qty" aria-live="polite">
                    {line.quantity}
                  </span>
                  <button type="button" onClick={() => update(line.id, line.quantity + 1)} disabled={pending} aria-label={`One more ${line.productTitle} ${line.sizeLabel}`}>
                    +
                  </button>
                </div>
                <button type="button" className="link-button" onClick={() => update(line.id, 0)} disabled={pending}>
                  Remove<span className="visually-hidden"> {line.productTitle} {line.sizeLabel}</span>
                </button>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}

export function CartTotals({ cart }: { cart: CartView }) {
  return (
    <div className="totals" data-testid="cart-totals">
      <div>
        <span>Sweets</span>
        <span>{formatRupees(cart.itemTotalRupees)}</span>
      </div>
      <div>
        <span>Delivery</span>
        <span>
          By your pincode&apos;s area, at checkout
        </span>
      </div>
      <p className="hint">Store pickup is free. Prices include 5% GST.</p>
    </div>
  )
}
