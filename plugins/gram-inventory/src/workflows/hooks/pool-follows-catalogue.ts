import {
  createProductsWorkflow,
  createProductVariantsWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { syncPools } from "../../lib/pool-sync"

/**
 * The pool follows the catalogue: whenever products or variants are created
 * or changed (admin dashboard, admin API, imports, the seed), each pooled
 * product's variants are linked to its pool with their grams or pieces.
 * A variant whose measure is missing or wrong stops the change with a clear
 * message, and the workflow undoes what it had done.
 */
createProductsWorkflow.hooks.productsCreated(async ({ products }, { container }) => {
  await syncPools(container, products.map((p) => p.id))
})

updateProductsWorkflow.hooks.productsUpdated(async ({ products }, { container }) => {
  await syncPools(container, products.map((p) => p.id))
})

createProductVariantsWorkflow.hooks.productVariantsCreated(async ({ product_variants }, { container }) => {
  await syncPools(container, product_variants.map((v) => v.product_id!).filter(Boolean))
})

updateProductVariantsWorkflow.hooks.productVariantsUpdated(async ({ product_variants }, { container }) => {
  await syncPools(container, product_variants.map((v) => v.product_id!).filter(Boolean))
})
