import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOW_STOCK_EVENT, lowStockPayload } from "../lib/low-stock"
import { readPool } from "../lib/pool-read"

/** After an order takes from pools, tell whoever listens which of them are now low. */
export default async function lowStockAfterOrder({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["items.product_id"], filters: { id: event.data.id } })
  const productIds = [...new Set((data[0]?.items ?? []).map((i: any) => i?.product_id).filter(Boolean))] as string[]
  const eventBus = container.resolve(Modules.EVENT_BUS)
  for (const productId of productIds) {
    const pool = await readPool(container, productId).catch(() => null)
    if (pool?.is_low) {
      await eventBus.emit({ name: LOW_STOCK_EVENT, data: lowStockPayload(pool) })
    }
  }
}

export const config: SubscriberConfig = { event: "order.placed" }
