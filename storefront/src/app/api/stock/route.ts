import { getPools } from "@/lib/server/catalogue"
import { BackendUnavailableError } from "@/lib/server/medusa"

/**
 * GET /api/stock?product=<id>: the product's pool, live from the gram-inventory plugin
 * (`GET /store/product-pools`, no-store). The product page is served from Next's cache, so its
 * stock sentence and add-to-cart state come from here, asked by the browser after hydration.
 * Add to cart and checkout check again on the server.
 */
export const dynamic = "force-dynamic"

const NO_STORE = { "cache-control": "no-store" }
const PRODUCT_ID = /^prod_[A-Za-z0-9]{1,64}$/

export async function GET(request: Request) {
  const productId = new URL(request.url).searchParams.get("product") ?? ""
  if (!PRODUCT_ID.test(productId)) return Response.json({ message: "Which product?" }, { status: 400, headers: NO_STORE })
  try {
    const pool = (await getPools([productId])).get(productId) ?? null
    return Response.json({ pool }, { headers: NO_STORE })
  } catch (error) {
    const status = error instanceof BackendUnavailableError ? 503 : 502
    return Response.json({ message: "Stock could not be checked just now." }, { status, headers: NO_STORE })
  }
}
