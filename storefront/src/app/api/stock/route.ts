import { getLivePool } from "@/lib/server/catalogue"
import { BackendUnavailableError } from "@/lib/server/medusa"

/**
 * GET /api/stock?handle=<handle>: the product's pool as the database holds it now, from the
 * backend's `GET /store/catalogue/products/:handle/stock` (no-store: one small query there). The product page is served from Next's cache, so its
 * stock sentence and add-to-cart state come from here, asked by the browser after hydration.
 * Add to cart and checkout check again on the server.
 */
export const dynamic = "force-dynamic"

const NO_STORE = { "cache-control": "no-store" }
const HANDLE = /^[a-z0-9-]{1,100}$/

export async function GET(request: Request) {
  const handle = new URL(request.url).searchParams.get("handle") ?? ""
  if (!HANDLE.test(handle)) return Response.json({ message: "Which product? Ask with ?handle=<the product's handle>." }, { status: 400, headers: NO_STORE })
  try {
    const pool = await getLivePool(handle)
    return Response.json({ pool }, { headers: NO_STORE })
  } catch (error) {
    const status = error instanceof BackendUnavailableError ? 503 : 502
    return Response.json({ message: "Stock could not be checked just now." }, { status, headers: NO_STORE })
  }
}
