import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"

/**
 * A product with pictures but no thumbnail gets its first picture as the thumbnail.
 *
 * The admin's media form (Medusa 2.21) saves `thumbnail: null` unless staff tick "Make
 * thumbnail", so a product's first picture never reached the storefront's cards (which show
 * the thumbnail). After a product is created or updated, when it has pictures and no
 * thumbnail, the first picture (lowest rank) becomes the thumbnail, through Medusa's own
 * update workflow (its event, the storefront's revalidation). A product that already has
 * a thumbnail is left alone, so the update this makes ends here.
 */
export default async function firstPictureThumbnail({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "thumbnail", "images.url", "images.rank"], filters: { id: event.data.id } })
  const product = data[0] as { id: string; thumbnail: string | null; images?: { url: string; rank: number }[] | null } | undefined
  if (!product || product.thumbnail) return
  const first = [...(product.images ?? [])].filter((i) => i?.url).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0]
  if (!first) return
  try {
    await updateProductsWorkflow(container).run({ input: { selector: { id: product.id }, update: { thumbnail: first.url } } })
  } catch (error: any) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Product ${product.id}: its first picture could not be made the thumbnail (${error?.message ?? error}).`)
  }
}

export const config: SubscriberConfig = { event: ["product.created", "product.updated"] }
