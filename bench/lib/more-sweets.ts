import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { type Sweet } from "../../backend/src/scripts/seed-data/catalogue"
import { createSweets } from "../../backend/src/scripts/seed-data/create-sweets"
import { SHOP } from "../../backend/src/scripts/seed-data/shop"

/**
 * Benchmarks only: tops a shop seeded by backend/src/scripts/seed.ts up to
 * BENCH_PRODUCTS (default 60) products with 3 sizes each, like issue 9's
 * baseline. Products are built the way the seed builds them: INR prices
 * (tax-inclusive), one stock pool per product (an inventory item in grams or
 * pieces at the kitchen) and each variant drawing its grams or pieces from it
 * (an inventory kit), a drawn SVG picture, the website's sales channel.
 * The shop's own seed (tests, `npm start`) is not changed.
 *
 *   medusa exec <path to this file>      (bench/lib/shops.mjs runs it on both shops)
 *
 * Running it again adds nothing.
 */

const SHAPES = ["diamond", "round", "square", "roll", "box", "heap"] as const
const COLOURS = ["#f3e6c4", "#d9a66b", "#c98b4f", "#f29c1f", "#e3b04b", "#fbf7ee", "#f5c6cf", "#a8c686", "#8a5a44", "#e0a030"]

/** [handle, title, category, per kg (grams) or per piece (pieces)] */
const EXTRA: [string, string, string, "grams" | "pieces", number][] = [
  ["kesar-peda", "Kesar Peda", "milk-sweets", "grams", 720],
  ["dharwad-peda", "Dharwad Peda", "milk-sweets", "grams", 660],
  ["kalakand-kesar", "Kesar Kalakand", "milk-sweets", "grams", 780],
  ["malai-chap", "Malai Chap", "milk-sweets", "pieces", 35],
  ["kheer-kadam", "Kheer Kadam", "milk-sweets", "pieces", 40],
  ["milk-barfi-chocolate", "Chocolate Barfi", "milk-sweets", "grams", 700],
  ["doda-barfi", "Doda Barfi", "milk-sweets", "grams", 760],
  ["kaju-anjeer-roll", "Kaju Anjeer Roll", "dry-fruit-sweets", "grams", 1700],
  ["badam-katli", "Badam Katli", "dry-fruit-sweets", "grams", 1600],
  ["kaju-kesar-katli", "Kesar Kaju Katli", "dry-fruit-sweets", "grams", 1350],
  ["khajur-barfi", "Khajur Barfi", "dry-fruit-sweets", "grams", 1300],
  ["kaju-sangam", "Kaju Sangam", "dry-fruit-sweets", "grams", 1500],
  ["dry-fruit-laddoo", "Dry-Fruit Laddoo", "dry-fruit-sweets", "pieces", 60],
  ["mishti-doi", "Mishti Doi", "bengali-sweets", "pieces", 60],
  ["rajbhog", "Rajbhog", "bengali-sweets", "pieces", 45],
  ["pantua", "Pantua", "bengali-sweets", "pieces", 30],
  ["kalo-jam", "Kalo Jam", "bengali-sweets", "pieces", 30],
  ["chhena-murki", "Chhena Murki", "bengali-sweets", "grams", 640],
  ["nolen-gur-sandesh", "Nolen Gur Sandesh", "bengali-sweets", "grams", 900],
  ["boondi-laddoo", "Boondi Laddoo", "laddoos", "grams", 520],
  ["til-laddoo", "Til Laddoo", "laddoos", "grams", 560],
  ["rava-laddoo", "Rava Laddoo", "laddoos", "pieces", 20],
  ["atta-laddoo", "Atta Pinni", "laddoos", "grams", 620],
  ["gond-laddoo", "Gond Laddoo", "laddoos", "grams", 800],
  ["churma-laddoo", "Churma Laddoo", "laddoos", "pieces", 25],
  ["navratan-mix", "Navratan Mix", "namkeen", "grams", 380],
  ["moong-dal", "Moong Dal Namkeen", "namkeen", "grams", 360],
  ["kaju-mixture", "Kaju Mixture", "namkeen", "grams", 640],
  ["shakarpara", "Shakarpara", "namkeen", "grams", 320],
  ["kachori", "Khasta Kachori", "namkeen", "pieces", 25],
  ["bhakarwadi", "Bhakarwadi", "namkeen", "grams", 420],
  ["wedding-box", "Wedding Sweets Box", "gift-boxes", "pieces", 1200],
  ["rakhi-box", "Rakhi Gift Box", "gift-boxes", "pieces", 950],
  ["holi-hamper", "Holi Hamper", "gift-boxes", "pieces", 1800],
  ["corporate-box", "Corporate Gift Box", "gift-boxes", "pieces", 1100],
]

/** The extra sweets in the seed's own shape (seed-data/catalogue.ts). */
export function extraSweets(): Sweet[] {
  return EXTRA.map(([handle, title, category, soldBy, rupees], i) => {
    const base = {
      handle,
      title,
      category,
      description: `${title}, made in the kitchen every morning (benchmark catalogue).`,
      ingredients: "Milk, sugar, ghee",
      shelfLifeDays: 5,
      art: { shape: SHAPES[i % SHAPES.length], body: COLOURS[i % COLOURS.length], garnish: COLOURS[(i + 3) % COLOURS.length] },
    }
    if (soldBy === "grams") return { ...base, soldBy, rupeesPerKg: rupees, boxGrams: [250, 500, 1000], openingStock: 5000 }
    const gift = category === "gift-boxes"
    const sizes = gift ? [1, 2, 5] : [1, 6, 12]
    return { ...base, soldBy, openingStock: gift ? 30 : 200, packs: sizes.map((pieces) => ({ pieces, rupees: Math.round(rupees * pieces * (pieces > 1 ? 0.95 : 1)) })) }
  })
}


export default async function topUpCatalogue({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const target = Number(process.env.BENCH_PRODUCTS || 60)

  const { data: products } = await query.graph({ entity: "product", fields: ["handle"] })
  const have = new Set(products.map((p: { handle: string }) => p.handle))
  const wanted = extraSweets()
    .filter((s) => !have.has(s.handle))
    .slice(0, Math.max(0, target - have.size))
  if (!wanted.length) {
    logger.info(`Bench catalogue: ${have.size} products already; nothing to add.`)
    return
  }

  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: SHOP.salesChannelName })
  const [kitchen] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: SHOP.kitchen.name })
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ name: "Sweets" })
  const categories = await container.resolve(Modules.PRODUCT).listProductCategories({}, { select: ["id", "handle"] })
  const categoryId = new Map(categories.map((c) => [c.handle, c.id]))
  if (!channel || !kitchen || !profile) throw new Error("Bench catalogue: run the shop's seed first (sales channel, kitchen or shipping profile missing).")

  await createSweets(container, wanted, {
    kitchenId: kitchen.id,
    shippingProfileId: profile.id,
    salesChannelId: channel.id,
    categoryIdByHandle: categoryId,
  })
  logger.info(`Bench catalogue: added ${wanted.length} products (${have.size + wanted.length} in all).`)
}
