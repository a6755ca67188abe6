import { revalidateTag } from "next/cache"
import { timingSafeEqual } from "node:crypto"
import { CATALOGUE_TAG, settleCatalogue } from "@/lib/server/catalogue"
import { readConfig } from "@/lib/server/config"

/**
 * POST /api/revalidate with `Authorization: Bearer <STOREFRONT_REVALIDATE_SECRET>`:
 * the backend calls it when a product, price or pool changes, and every cached
 * catalogue read is refetched on its next visit. Without a configured secret the route is off.
 *
 * The backend's catalogue route keeps its products in memory and refreshes them
 * about once a second, in the background of a request: the tag is dropped only
 * once that route shows the change (`settleCatalogue`), so the refetch does not
 * cache the old product for another hour.
 */
function authorised(header: string | null, secret: string): boolean {
  if (!secret || !header?.startsWith("Bearer ")) return false
  const given = Buffer.from(header.slice("Bearer ".length))
  const expected = Buffer.from(secret)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function POST(request: Request) {
  const { revalidateSecret } = readConfig()
  if (!revalidateSecret) return Response.json({ message: "Revalidation is not configured." }, { status: 404 })
  if (!authorised(request.headers.get("authorization"), revalidateSecret)) return Response.json({ message: "Not allowed." }, { status: 401 })
  await settleCatalogue()
  revalidateTag(CATALOGUE_TAG, { expire: 0 })
  return Response.json({ revalidated: [CATALOGUE_TAG] })
}
