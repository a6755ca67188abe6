import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { formatIndianPhone, formatRupees } from "@/lib/format"
import { getConfirmedOrder } from "@/lib/server/checkout/confirmation"

export const metadata: Metadata = { title: "Order placed", robots: { index: false }, referrer: "no-referrer" }

const dateLabel = new Intl.DateTimeFormat("en-IN", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })

/**
 * The confirmation after checkout. Its URL holds the order's tracking token (encrypted:
 * no order id in it), never the order id. The browser that placed the order sees the
 * whole order (its httpOnly cookie holds the order token); anyone else who opens the
 * link, forwarded or copied, is sent to the tracking page, which shows the order masked.
 */
export default async function OrderConfirmedPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const order = await getConfirmedOrder(token)
  if (!order) redirect(`/track/${encodeURIComponent(token)}`)
  const when = order.deliveryDate ? `${dateLabel.format(new Date(`${order.deliveryDate}T00:00:00Z`))}${order.slotLabel ? `, ${order.slotLabel.toLowerCase()}` : ""}` : null
  return (
    <>
      <div className="notice ok" role="status">
        <h1 data-testid="order-number">Thank you! Order #{order.displayId} is placed.</h1>
        {order.festivalName && (
          <p data-testid="festival-confirmation">
            <strong>
              Pre-order for {order.festivalName}
              {when ? ` — ${order.fulfilment === "pickup" ? "ready for pickup" : "delivered"} on ${when}` : ""}
            </strong>
          </p>
        )}
        <p>
          {order.paymentLabel === "Cash on delivery"
            ? `Please keep ${formatRupees(order.totalRupees)} ready in cash or UPI ${order.fulfilment === "pickup" ? "when you pick up your sweets" : "for the delivery person"}.`
            : `Paid online: ${formatRupees(order.totalRupees)}.`}
        </p>
      </div>
      <div className="two-col">
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">Sweet</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.title}, {l.size} × {l.quantity}
                    {l.bestBefore && (
                      <>
                        <br />
                        <small className="hint" data-testid="best-before">
                          Best before {dateLabel.format(new Date(`${l.bestBefore}T00:00:00Z`))}
                        </small>
                      </>
                    )}
                  </td>
                  <td>{formatRupees(l.totalRupees)}</td>
                </tr>
              ))}
              <tr>
                <td>{order.fulfilment === "pickup" ? "Pickup" : "Delivery"}</td>
                <td>{order.shippingTotalRupees === 0 ? "Free" : formatRupees(order.shippingTotalRupees)}</td>
              </tr>
              <tr>
                <th scope="row">Total ({order.paymentLabel.toLowerCase()})</th>
                <td data-testid="order-total">
                  <strong>{formatRupees(order.totalRupees)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
          {order.giftMessage && (
            <p data-testid="gift-message">
              <strong>Gift message:</strong>{" "}
              <span className="hindi-text" lang={/[\u0900-\u097F]/.test(order.giftMessage) ? "hi" : undefined}>
                “{order.giftMessage}”
              </span>
            </p>
          )}
        </section>
        <section aria-labelledby="next-title">
          <h2 id="next-title">What happens next</h2>
          <ol className="steps">
            <li>We send an SMS confirming order #{order.displayId} to {order.phone ? formatIndianPhone(order.phone) : "your phone"}.</li>
            <li>Our kitchen packs your sweets fresh on the day.</li>
            <li>
              {order.fulfilment === "pickup" ? "Pick them up" : "We deliver them"}
              {when ? ` on ${when}` : ""}
              {order.fulfilment === "pickup" ? ` at ${order.address}.` : ` to ${[order.name, order.address].filter(Boolean).join(", ")}.`}
            </li>
          </ol>
          <p>
            Questions about your order? Call the shop on <a href="tel:+911123456789">011 2345 6789</a> and give order number #{order.displayId}.
          </p>
          <p>
            <Link href={`/track?order=${order.displayId}`} data-testid="track-link">
              Track this order
            </Link>{" "}
            · {/* A file download, not a page: a plain link, not next/link's client navigation. */}
            <a href={`/order/confirmed/${token}/invoice`} data-testid="invoice-link" download>
              GST invoice (PDF)
            </a>{" "}
            · <Link href="/">Continue shopping</Link>
          </p>
        </section>
      </div>
    </>
  )
}
