import { cartId, getRawCart } from "@/lib/server/cart"

/**
 * GET /api/cart: how many items the shopper's cart holds, for the header's cart button. The pages
 * are served from Next's cache, the same for everyone, so the header asks this after hydration.
 * The cart id stays in its httpOnly cookie; without one the backend is not asked.
 */
export const dynamic = "force-dynamic"

const NO_STORE = { "cache-control": "private, no-store" }

export async function GET() {
  const id = await cartId()
  if (!id) return Response.json({ itemCount: 0 }, { headers: NO_STORE })
  try {
    const cart = await getRawCart(id)
    const itemCount = (cart?.items ?? []).reduce((n, item) => n + Number(item.quantity), 0)
    return Response.json({ itemCount }, { headers: NO_STORE })
  } catch {
    return Response.json({ message: "The cart could not be read just now." }, { status: 503, headers: NO_STORE })
  }
}
