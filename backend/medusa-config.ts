import path from "path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { RAZORPAY_PROVIDER_ID } from "@sweetshop/shop-contracts"
import { parseCloudinaryUrl, readShopEnvOrExit } from "./src/config/env"

// Variables come from the process (npm start passes the root .env and the
// embedded database's URL); a backend/.env, if present, fills the gaps.
loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = readShopEnvOrExit(process.env)

// Uploaded files live outside the build folder so `medusa build` never wipes
// them. npm start links <build>/static to this folder, which Medusa serves at /static.
const uploadDir = env.UPLOAD_DIR ?? path.join(process.cwd(), "static")
// Their URLs go through the file-cloudinary plugin's /static/images handler, which serves
// images only, with their content type, nosniff and a sandboxing policy (Medusa's own
// /static server cannot be given headers).

/** Product images: Cloudinary when CLOUDINARY_URL is set, else files on this machine. */
const fileProvider = env.CLOUDINARY_URL
  ? {
      resolve: "@sweetshop/file-cloudinary/providers/cloudinary",
      id: "cloudinary",
      options: { ...parseCloudinaryUrl(env.CLOUDINARY_URL), folder: env.CLOUDINARY_FOLDER, max_upload_bytes: env.UPLOAD_MAX_BYTES },
    }
  : {
      resolve: "@medusajs/medusa/file-local",
      id: "local",
      options: { upload_dir: uploadDir, backend_url: `${env.MEDUSA_BACKEND_URL}/static/images` },
    }

/** Online payments: Razorpay when its keys are set; cash on delivery (Medusa's manual provider) always. */
const paymentModule = env.RAZORPAY_KEY_ID
  ? [
      {
        resolve: "@medusajs/medusa/payment",
        options: {
          providers: [
            {
              resolve: "@sweetshop/payment-razorpay/providers/razorpay",
              id: "razorpay",
              options: {
                key_id: env.RAZORPAY_KEY_ID,
                key_secret: env.RAZORPAY_KEY_SECRET,
                webhook_secret: env.RAZORPAY_WEBHOOK_SECRET,
                auto_capture: env.RAZORPAY_AUTO_CAPTURE,
                api_base_url: env.RAZORPAY_API_BASE_URL,
                timeout_ms: env.RAZORPAY_TIMEOUT_MS,
                payment_hold_minutes: env.PAYMENT_HOLD_MINUTES,
              },
            },
          ],
        },
      },
    ]
  : []

/** Order messages: SMS through Twilio and WhatsApp through Meta's Cloud API, each when its keys are set. */
const notificationProviders = [
  ...(env.TWILIO_ACCOUNT_SID
    ? [
        {
          resolve: "@sweetshop/notifications/providers/sms",
          id: "twilio-sms",
          options: {
            channels: ["sms"],
            account_sid: env.TWILIO_ACCOUNT_SID,
            auth_token: env.TWILIO_AUTH_TOKEN,
            from: env.TWILIO_SMS_FROM,
            api_base_url: env.TWILIO_API_BASE_URL,
            timeout_ms: env.TWILIO_TIMEOUT_MS,
            status_callback_url: env.TWILIO_STATUS_CALLBACK_URL,
            // India's DLT: with real Twilio, a template without its id is not sent (flagged at start).
            dlt_entity_id: env.SMS_DLT_ENTITY_ID,
            dlt_template_ids: env.SMS_DLT_TEMPLATE_IDS,
          },
        },
      ]
    : []),
  ...(env.WHATSAPP_ACCESS_TOKEN
    ? [
        {
          resolve: "@sweetshop/notifications/providers/whatsapp",
          id: "whatsapp-cloud",
          options: {
            channels: ["whatsapp"],
            access_token: env.WHATSAPP_ACCESS_TOKEN,
            phone_number_id: env.WHATSAPP_PHONE_NUMBER_ID,
            graph_base_url: env.WHATSAPP_GRAPH_BASE_URL,
            api_version: env.WHATSAPP_API_VERSION,
            template_language: env.WHATSAPP_TEMPLATE_LANGUAGE,
            template_names: env.WHATSAPP_TEMPLATE_NAMES,
            timeout_ms: env.WHATSAPP_TIMEOUT_MS,
          },
        },
      ]
    : []),
]
const notificationModule = notificationProviders.length
  ? [{ resolve: "@medusajs/medusa/notification", options: { providers: notificationProviders } }]
  : []

/**
 * Medusa's query cache (publishable keys, regions, product and variant reads,
 * invalidated by Medusa's own events): in Redis when the shop has one, shared
 * by every process, else in this process's memory. MEDUSA_CACHING=false turns
 * it off (for side-by-side benchmarks).
 */
const cachingModule = env.MEDUSA_CACHING
  ? [
      {
        resolve: "@medusajs/medusa/caching",
        options: env.REDIS_URL
          ? {
              providers: [
                { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: env.REDIS_URL } },
              ],
            }
          : { in_memory: { enable: true } },
      },
    ]
  : []

/** Modules that let several server and worker processes share one shop. */
function redisModules(redisUrl: string) {
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
        ],
      },
    },
  ]
}

module.exports = defineConfig({
  featureFlags: { caching: env.MEDUSA_CACHING },
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    workerMode: env.MEDUSA_WORKER_MODE,
    // Medusa marks the admin session cookie Secure in production, which a browser
    // never sends back over plain http://localhost. Secure follows the public URL.
    cookieOptions: { secure: env.MEDUSA_BACKEND_URL.startsWith("https://"), sameSite: "lax" },
    http: {
      storeCors: env.STORE_CORS,
      adminCors: env.ADMIN_CORS,
      authCors: env.AUTH_CORS,
      jwtSecret: env.JWT_SECRET,
      cookieSecret: env.COOKIE_SECRET,
    },
  },
  admin: {
    disable: env.DISABLE_ADMIN || env.MEDUSA_WORKER_MODE === "worker",
    backendUrl: env.MEDUSA_BACKEND_URL,
  },
  plugins: [
    // One stock pool per product in grams or pieces; guards the sum of a cart's lines per pool.
    // GRAM_POOL_CHECKS=false leaves Medusa's stock checks alone: for side-by-side benchmarks only.
    // A cart's stock is held while its shopper pays online (PAYMENT_HOLD_MINUTES), so a payment can always become an order.
    ...(env.GRAM_POOL_CHECKS ? ["@sweetshop/gram-inventory"] : []),
    // Cloudinary file provider, and the image checks on every admin upload (any provider).
    "@sweetshop/file-cloudinary",
    // The storefront's catalogue reads: lean products with prices in paise and live pool stock, about a second fresh.
    { resolve: "@sweetshop/catalogue", options: {} },
    // The shop's order lifecycle, kitchen sheet and order tracking for shoppers (routes, subscribers, admin pages).
    { resolve: "@sweetshop/order-lifecycle", options: {} },
    // Razorpay's checkout-response route, webhooks, settlement and reconciliation (the provider itself is in the payment module below).
    "@sweetshop/payment-razorpay",
    // Order messages (subscribers, retry job, WhatsApp webhook, admin view; the providers are in the notification module below).
    "@sweetshop/notifications",
    // GST tax invoices and credit notes: numbers per financial year, PDFs for staff and shoppers (options on its module below).
    "@sweetshop/invoices",
  ],
  modules: [
    // The shop's delivery settings: areas, slots with cut-off and capacity, closed days, lead times; and the places taken (src/modules/delivery-settings).
    { resolve: "./src/modules/delivery-settings" },
    // The seller on GST invoices (SHOP_GSTIN, SHOP_LEGAL_NAME, SHOP_ADDRESS, SHOP_STATE, SHOP_FSSAI_LICENCE), and the invoice and credit-note numbers.
    {
      resolve: "@sweetshop/invoices/modules/invoices",
      options: { gstin: env.SHOP_GSTIN, legal_name: env.SHOP_LEGAL_NAME, address: env.SHOP_ADDRESS, state: env.SHOP_STATE, fssai_licence: env.SHOP_FSSAI_LICENCE },
    },
    // The pools' adjustment history and low-stock thresholds (stock itself is Medusa's inventory module).
    // Its options are the gram-inventory plugin's (each plugin's options live on its own module).
    {
      resolve: "@sweetshop/gram-inventory/modules/gram-pool",
      options: { payment_hold_minutes: env.PAYMENT_HOLD_MINUTES, payment_hold_providers: env.RAZORPAY_KEY_ID && env.PAYMENT_HOLD_MINUTES > 0 ? [RAZORPAY_PROVIDER_ID] : [] },
    },
    // Every try at sending an order message, and what the network reported about it.
    // Its options are the notifications plugin's.
    {
      resolve: "@sweetshop/notifications/modules/notification-attempts",
      options: {
        channels: notificationProviders.flatMap((p) => p.options.channels),
        staff_phone: env.SHOP_STAFF_PHONE,
        language: env.MESSAGE_LANGUAGE,
        whatsapp_app_secret: env.WHATSAPP_APP_SECRET,
        whatsapp_verify_token: env.WHATSAPP_VERIFY_TOKEN,
        twilio_auth_token: env.TWILIO_AUTH_TOKEN,
        twilio_status_callback_url: env.TWILIO_STATUS_CALLBACK_URL,
        twilio_account_sid: env.TWILIO_ACCOUNT_SID,
        twilio_api_base_url: env.TWILIO_API_BASE_URL,
        in_flight_seconds: env.NOTIFICATION_IN_FLIGHT_SECONDS,
        pickup_address: env.SHOP_PICKUP_ADDRESS,
        pickup_hours: env.SHOP_PICKUP_HOURS,
      },
    },
    // Shop status and history of each order, and shoppers' one-time codes; signs tracking links.
    {
      resolve: "@sweetshop/order-lifecycle/modules/order-lifecycle",
      options: { secret: env.TRACKING_SECRET, storefront_url: env.STOREFRONT_URL, redis_url: env.REDIS_URL, trust_proxy_hops: env.TRUST_PROXY_HOPS },
    },
    // Razorpay webhook event ids already taken in (each event acts once).
    // Its options are the payment-razorpay plugin's (the provider in the payment module has its own).
    {
      resolve: "@sweetshop/payment-razorpay/modules/razorpay-webhooks",
      options: {
        key_id: env.RAZORPAY_KEY_ID,
        key_secret: env.RAZORPAY_KEY_SECRET,
        webhook_secret: env.RAZORPAY_WEBHOOK_SECRET,
        api_base_url: env.RAZORPAY_API_BASE_URL,
        timeout_ms: env.RAZORPAY_TIMEOUT_MS,
        payment_hold_minutes: env.PAYMENT_HOLD_MINUTES,
        reconcile_after_seconds: env.RAZORPAY_RECONCILE_AFTER_SECONDS,
        payment_link_minutes: env.PAYMENT_LINK_MINUTES,
      },
    },
    // The upload checks' options (file-cloudinary plugin): the largest file staff may upload, any provider.
    { resolve: "@sweetshop/file-cloudinary/modules/upload-policy", options: { max_upload_bytes: env.UPLOAD_MAX_BYTES } },
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [fileProvider],
      },
    },
    ...paymentModule,
    ...notificationModule,
    ...cachingModule,
    ...(env.REDIS_URL ? redisModules(env.REDIS_URL) : []),
  ],
})
