import { getConfirmedOrderInvoice } from "@/lib/server/checkout/confirmation"

/**
 * GET /order/confirmed/:token/invoice: the order's GST invoice as a PDF, for the browser that placed
 * the order (its order-token cookie, as the confirmation page itself); 404 for anyone else.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const pdf = await getConfirmedOrderInvoice(token)
  if (!pdf) return new Response("No invoice for this link in this browser.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } })
  return new Response(pdf, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="sweet-shop-invoice.pdf"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  })
}
