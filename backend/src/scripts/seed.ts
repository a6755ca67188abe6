import type { ExecArgs, IAuthModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductCategoriesWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { CATEGORIES, SWEETS } from "./seed-data/catalogue"
import { createSweets } from "./seed-data/create-sweets"
import { SHOP } from "./seed-data/shop"
import { DELIVERY_AREA_RULE } from "../lib/rules/delivery-area"
import { syncHomeDeliveryPrices } from "../lib/flows/home-delivery"
import { DELIVERY_SETTINGS_MODULE } from "../modules/delivery-settings"
import type DeliverySettingsModuleService from "../modules/delivery-settings/service"
import { SEED_DELIVERY_AREAS, SEED_LEAD_HOURS, SEED_PICKUP_HOURS, SEED_SLOTS } from "./seed-data/delivery"
import { generateAdminPassword } from "../lib/rules/admin-password"

/**
 * Seeds the sweet shop: region India (INR, tax-inclusive), the storefront's
 * sales channel and publishable key, the kitchen as stock location, delivery
 * and pickup, cash on delivery, the admin user and the catalogue.
 *
 * Safe to run again: a database that already has the India region is left as it is.
 */
export default async function seedSweetShop({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const { data: existingRegions } = await query.graph({
    entity: "region",
    fields: ["id"],
    filters: { name: SHOP.regionName },
  })
  if (existingRegions.length) {
    // A shop seeded before the delivery area existed gets home delivery's rule once.
    const ruled = await ensureDeliveryAreaRule(container)
    if (ruled) logger.info("Seed: home delivery now keeps to the delivery area.")
    const settled = await ensureDeliverySettings(container)
    if (settled) logger.info("Seed: delivery settings (areas, slots, lead times) filled with the shop's defaults.")
    const priced = await priceHomeDelivery(container)
    if (priced) logger.info(`Seed: home delivery priced from the delivery areas (${priced} prices).`)
    if (!ruled && !settled && !priced) logger.info("Seed: the shop is already seeded; nothing to do.")
    return
  }

  logger.info("Seed: setting up the store, region and sales channel…")
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const storeModule = container.resolve(Modules.STORE)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)

  const [store] = await storeModule.listStores()
  let [salesChannel] = await salesChannelModule.listSalesChannels({ name: SHOP.salesChannelName })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SHOP.salesChannelName, description: "The Sweet Shop website" }] },
    })
    salesChannel = result[0]
  }

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: SHOP.regionName,
          currency_code: "inr",
          countries: ["in"],
          automatic_taxes: true,
          is_tax_inclusive: true,
          // Razorpay joins cash on delivery when its keys are configured.
          payment_providers: process.env.RAZORPAY_KEY_ID
            ? [SHOP.cashOnDeliveryProviderId, SHOP.razorpayProviderId]
            : [SHOP.cashOnDeliveryProviderId],
        },
      ],
    },
  })
  const region = regions[0]

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: SHOP.storeName,
        supported_currencies: [{ currency_code: "inr", is_default: true, is_tax_inclusive: true }],
        default_sales_channel_id: salesChannel.id,
        default_region_id: region.id,
      },
    },
  })

  await createTaxRegionsWorkflow(container).run({
    input: [
      {
        country_code: "in",
        provider_id: "tp_system",
        default_tax_rate: { rate: SHOP.gstPercent, code: `GST${SHOP.gstPercent}`, name: `GST ${SHOP.gstPercent}%` },
      },
    ],
  })

  const { result: apiKeys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: SHOP.publishableKeyTitle, type: "publishable", created_by: "seed" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKeys[0].id, add: [salesChannel.id] },
  })

  logger.info("Seed: the kitchen, delivery and pickup…")
  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: SHOP.kitchen.name, address: SHOP.kitchen.address }] },
  })
  const kitchen = locations[0]
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: kitchen.id } },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: kitchen.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: SHOP.fulfillmentProviderId },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: kitchen.id, add: [salesChannel.id] },
  })

  const { result: profiles } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Sweets", type: "default" }] },
  })
  const shippingProfile = profiles[0]

  const deliverySet = await fulfillmentModule.createFulfillmentSets({
    name: "Home delivery from the kitchen",
    type: "shipping",
    service_zones: [{ name: "India", geo_zones: [{ country_code: "in", type: "country" }] }],
  })
  const pickupSet = await fulfillmentModule.createFulfillmentSets({
    name: "Pickup at the shop",
    type: "pickup",
    service_zones: [{ name: "Shop counter", geo_zones: [{ country_code: "in", type: "country" }] }],
  })
  for (const set of [deliverySet, pickupSet]) {
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: kitchen.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: set.id },
    })
  }

  const storeRules = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Home delivery",
        price_type: "flat",
        provider_id: SHOP.fulfillmentProviderId,
        service_zone_id: deliverySet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: {
          label: "Home delivery",
          description: "The delivery area's charge; free from its threshold",
          code: SHOP.homeDeliveryTypeCode,
        },
        // Written from the delivery areas once they exist (priceHomeDelivery, below), and again
        // whenever staff change an area: a price per pincode, the area's charge and free-above.
        // Stock Medusa (bench/stock-medusa, no delivery settings) keeps one flat price.
        prices: container.hasRegistration(DELIVERY_SETTINGS_MODULE)
          ? []
          : [
              { currency_code: "inr", amount: SHOP.delivery.chargeRupees },
              { currency_code: "inr", amount: 0, rules: [{ attribute: "item_total", operator: "gte", value: SHOP.delivery.freeFromRupees }] },
            ],
        // Offered only for pincodes inside the delivery area (src/lib/rules/delivery-area.ts).
        rules: [...storeRules, DELIVERY_AREA_RULE],
      },
      {
        name: "Store pickup",
        price_type: "flat",
        provider_id: SHOP.fulfillmentProviderId,
        service_zone_id: pickupSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Store pickup", description: "Collect from the shop counter", code: "store-pickup" },
        prices: [
          { currency_code: "inr", amount: 0 },
          { region_id: region.id, amount: 0 },
        ],
        rules: storeRules,
      },
    ],
  })

  await seedAdminUser(container)

  logger.info(`Seed: ${CATEGORIES.length} categories and ${SWEETS.length} sweets…`)
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: CATEGORIES.map((c) => ({
        name: c.name,
        handle: c.handle,
        description: c.description,
        is_active: true,
      })),
    },
  })
  const categoryIdByHandle = new Map(categories.map((c) => [c.handle, c.id]))

  await createSweets(container, SWEETS, {
    kitchenId: kitchen.id,
    shippingProfileId: shippingProfile.id,
    salesChannelId: salesChannel.id,
    categoryIdByHandle,
  })

  await ensureDeliverySettings(container)
  await priceHomeDelivery(container)

  logger.info(`Seed: done. Publishable key "${SHOP.publishableKeyTitle}": ${apiKeys[0].token}`)
}


/**
 * Home delivery's delivery-area rule, added when it is missing; true when it
 * added one. The rule reads the context the shop's setShippingOptionsContext
 * hooks set from the cart's pincode (src/workflows/hooks/delivery-area.ts).
 */
async function ensureDeliveryAreaRule(container: ExecArgs["container"]): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "type.code", "rules.attribute"],
    filters: {},
  })
  const missing = options.filter(
    (option: any) =>
      option.type?.code === SHOP.homeDeliveryTypeCode && !(option.rules ?? []).some((rule: any) => rule?.attribute === DELIVERY_AREA_RULE.attribute)
  )
  if (!missing.length) return false
  await container
    .resolve(Modules.FULFILLMENT)
    .createShippingOptionRules(missing.map((option: any) => ({ shipping_option_id: option.id as string, ...DELIVERY_AREA_RULE })))
  return true
}

/**
 * Home delivery's prices from the delivery areas (src/lib/flows/home-delivery.ts); the number
 * written, 0 when they were already so. Stock Medusa (bench/stock-medusa) keeps the seeded price.
 */
async function priceHomeDelivery(container: ExecArgs["container"]): Promise<number> {
  if (!container.hasRegistration(DELIVERY_SETTINGS_MODULE)) return 0
  return syncHomeDeliveryPrices(container)
}

/**
 * The delivery settings (areas, slots, lead times: ./seed-data/delivery.ts), each kind written
 * once when the module has none of it (the module's migration Migration20261130173000 writes the
 * areas and slots already, and the lead times of a shop whose products exist); true when it wrote
 * any. Staff edit them afterwards.
 */
async function ensureDeliverySettings(container: ExecArgs["container"]): Promise<boolean> {
  // Stock Medusa (bench/stock-medusa) seeds the same catalogue with this script, without the shop's modules.
  if (!container.hasRegistration(DELIVERY_SETTINGS_MODULE)) return false
  const settings = container.resolve<DeliverySettingsModuleService>(DELIVERY_SETTINGS_MODULE)
  const [areas, slots, pickupHours, leads] = await Promise.all([
    settings.listDeliveryAreas({}, { take: 1 }),
    settings.listDeliverySlots({}, { take: 1 }),
    settings.listPickupHours({}, { take: 1 }),
    settings.listProductLeadTimes({}, { take: 1 }),
  ])
  let wrote = false
  if (!areas.length) {
    await settings.createDeliveryAreas(SEED_DELIVERY_AREAS.map((a) => ({ ...a, pincodes: null })))
    wrote = true
  }
  if (!slots.length) {
    await settings.createDeliverySlots(SEED_SLOTS)
    wrote = true
  }
  if (!pickupHours.length) {
    await settings.createPickupHours(SEED_PICKUP_HOURS)
    wrote = true
  }
  if (!leads.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle"], filters: { handle: Object.keys(SEED_LEAD_HOURS) } })
    if (products.length) {
      await settings.createProductLeadTimes(products.map((p: any) => ({ product_id: p.id as string, lead_hours: SEED_LEAD_HOURS[p.handle as string] })))
      wrote = true
    }
  }
  return wrote
}

/** The staff login from ADMIN_EMAIL / ADMIN_PASSWORD, created once. */
async function seedAdminUser(container: ExecArgs["container"]) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const email = process.env.ADMIN_EMAIL || SHOP.defaultAdmin.email
  // No fixed default (issue 23): without ADMIN_PASSWORD a random one, shown once below (npm start makes and keeps its own).
  const madeUp = !process.env.ADMIN_PASSWORD
  const password = process.env.ADMIN_PASSWORD || generateAdminPassword()
  const userModule = container.resolve(Modules.USER)
  if ((await userModule.listUsers({ email })).length) {
    return
  }
  const authModule: IAuthModuleService = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await authModule.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new Error(`Could not create the admin login ${email}: ${error ?? "unknown error"}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Shop", last_name: "Admin" } },
  })
  logger.info(
    `Seed: admin user ${email} created${madeUp ? ` with the password ${password} (made now and shown once: keep it; npm run admin:reset-password sets a new one)` : ""}.`
  )
}
