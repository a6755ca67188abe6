import type { Metadata } from "next"
import Link from "next/link"
import { RAZORPAY_PROVIDER_ID } from "@sweetshop/shop-contracts"
import { CheckoutForm } from "@/components/checkout/checkout-form"
import { deliveryDays } from "@/lib/delivery"
import { formatPaise, formatRupees, rupeesAsPaise } from "@/lib/format"
import { getCart } from "@/lib/server/cart"
import { getRegion } from "@/lib/server/catalogue"
import { deliverySlotDays } from "@/lib/server/delivery"
import { paymentProviders } from "@/lib/server/checkout/payment"
import { getFestival } from "@/lib/server/festivals"
import { readConfig } from "@/lib/server/config"

export const metadata: Metadata = { title: "Checkout", robots: { index: false } }

/** Cash on delivery's cap, as the backend applies it (COD_MAX_ORDER_RUPEES, ₹5,000 by default). */
const COD_CAP_RUPEES = Number(process.env["COD_MAX_ORDER_RUPEES"] || 5000)

export default async function CheckoutPage() {
  const cart = await getCart()
  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <p>
          Your cart is empty. <Link href="/">Browse the sweets</Link>.
        </p>
      </>
    )
  }
  // All at once: online payment is offered when the region has Razorpay (the backend has its keys, or runs the sandbox);
  // the backend's days and slots (open ones with places left, this cart's lead times; a pre-order's: its festival's days),
  // its constants only when it cannot be asked; and the festival a pre-order is for (its name, from the cached list).
  const [online, days, festival] = await Promise.all([
    getRegion()
      .then((region) => paymentProviders(region.id))
      .catch(() => [] as string[])
      .then((providers) => providers.includes(RAZORPAY_PROVIDER_ID)),
    deliverySlotDays(cart.id, cart.festival).catch(() => (cart.festival ? [] : deliveryDays(new Date()))),
    cart.festival ? getFestival(cart.festival).catch(() => null) : null,
  ])
  return (
    <>
      <h1>{festival ? `Checkout: pre-order for ${festival.name}` : "Checkout"}</h1>
      {cart.festival && days.length === 0 && (
        <div className="notice error" role="alert" data-testid="checkout-festival-full">
          <p>No festival day can take this pre-order now: the days are fully booked or pre-orders have closed.</p>
        </div>
      )}
      {!cart.stockOk && (
        <div className="notice error" role="alert" data-testid="checkout-stock-warning">
          <p>Stock has dropped since you added these sweets:</p>
          <ul>
            {cart.lines
              .filter((l) => l.stockMessage)
              .map((l) => (
                <li key={l.id}>{l.stockMessage}</li>
              ))}
          </ul>
          <p>
            <Link href="/cart">Change your cart</Link> to continue.
          </p>
        </div>
      )}
      <div className="two-col">
        <CheckoutForm
          days={days}
          codCapLabel={formatPaise(COD_CAP_RUPEES * 100)}
          razorpayCheckoutUrl={online ? readConfig().razorpayCheckoutUrl : null}
          itemsPaise={rupeesAsPaise(cart.itemTotalRupees)}
          festival={festival ? { handle: festival.handle, name: festival.name } : cart.festival ? { handle: cart.festival, name: cart.festival } : null}
        />
        <aside aria-labelledby="summary-title">
          <h2 id="summary-title">Your order</h2>
          <ul className="cart-lines">
            {cart.lines.map((l) => (
              <li key={l.id} className="cart-line-top">
                <span>
                  {l.productTitle}, {l.sizeLabel} × {l.quantity}
                </span>
                <span>{formatRupees(l.totalRupees)}</span>
              </li>
            ))}
          </ul>
          <p className="totals-line">
            <span>Sweets</span> <span>{formatRupees(cart.itemTotalRupees)}</span>
          </p>
          <p className="hint">Delivery, GST and the total are shown by the payment choice, as the shop works them out for your cart.</p>
        </aside>
      </div>
    </>
  )
}
