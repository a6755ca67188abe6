import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProductVariant, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"

type Pool = {
  product_title: string
  unit: "grams" | "pieces"
  available_units: number
  variants: { variant_id: string; title: string; units_per_variant: number; buyable_now: number }[]
}

const quantity = (n: number, unit: Pool["unit"]) =>
  `${new Intl.NumberFormat("en-IN").format(n)} ${unit === "grams" ? "g" : n === 1 ? "piece" : "pieces"}`

/**
 * On a variant's page, above Medusa's inventory section (which shows the pool's inventory
 * item per location, "0 available at 1 location" when it counts a size its own way):
 * the pool this size sells from, and how many of it can be sold now.
 */
const VariantPoolWidget = ({ data: variant }: DetailWidgetProps<AdminProductVariant>) => {
  const [pool, setPool] = useState<Pool | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const productId = variant.product_id ?? variant.product?.id

  useEffect(() => {
    if (!productId) return
    fetch(`/admin/product-pools/${productId}`, { credentials: "include" })
      .then(async (res) => {
        const body = await res.json().catch(() => ({}))
        if (!res.ok) throw new Error(body.message ?? `The shop answered ${res.status}.`)
        setPool(body.product_pool)
      })
      .catch((error: Error) => setProblem(error.message))
  }, [productId])

  if (problem) return null
  const mine = pool?.variants.find((v) => v.variant_id === variant.id)
  if (!pool || !mine) return null
  return (
    <Container className="px-6 py-4" data-testid="variant-pool">
      <Heading level="h2">Stock: the {pool.product_title} pool</Heading>
      <Text size="small" className="mt-1">
        This size takes {quantity(mine.units_per_variant, pool.unit)} from a pool of {quantity(pool.available_units, pool.unit)} available:{" "}
        <span className="font-medium">{mine.buyable_now}</span> can be sold now.
      </Text>
      <Text size="small" className="text-ui-fg-subtle mt-1">
        Medusa's inventory figures on this page count the pool's inventory item per location, not this size; change stock on the
        product's page, in its Stock pool.
      </Text>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product_variant.details.before", id: "sweetshop-variant-pool" })

export default VariantPoolWidget
