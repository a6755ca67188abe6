import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import fs from "fs"
import path from "path"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { adminHeaders, DELHI_ADDRESS, deliveryDay, seedShop, shopperFor } from "../helpers/shopper"

jest.setTimeout(300_000)

/**
 * Property-based requests against every store, admin and hook route of the
 * shop (found on disk: plugins/<name>/src/api and backend/src/api) and the
 * Medusa store routes the storefront uses: wrong types, NUL bytes and other
 * control characters, huge and fractional numbers, deep objects, `__proto__`
 * keys, malformed JSON and percent-encodings, mixed with real ids so requests
 * reach deep into the handlers. For each request:
 *  - no 5xx;
 *  - an answer within REQUEST_TIMEOUT_MS (no hang);
 *  - a refused request (4xx) changed nothing in the database (row counts and
 *    the latest change of the shop's main tables, and the stock on hand).
 * The seed is fixed and printed (FUZZ_SEED to replay another, FUZZ_RUNS for
 * more requests); numRuns is sized to about a minute on a 2-core machine, and
 * a slower machine stops after TIME_LIMIT_MS with fewer (the count is printed).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261115)
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500)
/** FUZZ_COLLECT=1: list every problem found instead of stopping at the first (for exploring, not for npm test). */
const COLLECT = process.env.FUZZ_COLLECT === "1"
const REQUEST_TIMEOUT_MS = 10_000
/** A slower machine runs fewer requests rather than the suite running long; each request still has its own time-out. */
const TIME_LIMIT_MS = 60_000

const ROOT = path.resolve(__dirname, "../../..")

/** encodeURIComponent, which throws on a lone surrogate: that one is sent as the replacement character. */
const enc = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"))

type Route = { method: "GET" | "POST" | "DELETE"; template: string; origin: string }

/** Every route file of the shop: its URL template (`[id]` → `:id`) and the methods it exports. */
function shopRoutes(): Route[] {
  const apiDirs = [
    path.join(ROOT, "backend/src/api"),
    ...fs.readdirSync(path.join(ROOT, "plugins")).map((p) => path.join(ROOT, "plugins", p, "src/api")),
  ].filter((dir) => fs.existsSync(dir))
  const routes: Route[] = []
  const walk = (dir: string, apiDir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== "__tests__") walk(full, apiDir)
      else if (/^route\.[jt]s$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8")
        const template = "/" + path.relative(apiDir, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        for (const [, method] of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|DELETE)\b/g)) {
          routes.push({ method: method as Route["method"], template, origin: path.relative(ROOT, full) })
        }
      }
    }
  }
  for (const dir of apiDirs) walk(dir, dir)
  return routes.filter((r) => /^\/(store|admin|hooks)\//.test(r.template))
}

/** Medusa's own store routes the storefront calls (storefront/src/lib/server). */
const MEDUSA_STORE_ROUTES: Route[] = (
  [
    ["GET", "/store/regions"],
    ["GET", "/store/regions/:id"],
    ["GET", "/store/products"],
    ["GET", "/store/products/:id"],
    ["POST", "/store/carts"],
    ["GET", "/store/carts/:id"],
    ["POST", "/store/carts/:id"],
    ["POST", "/store/carts/:id/line-items"],
    ["POST", "/store/carts/:id/line-items/:line_id"],
    ["DELETE", "/store/carts/:id/line-items/:line_id"],
    ["POST", "/store/carts/:id/shipping-methods"],
    ["POST", "/store/carts/:id/complete"],
    ["GET", "/store/shipping-options"],
    ["POST", "/store/payment-collections"],
    ["POST", "/store/payment-collections/:id/payment-sessions"],
    ["GET", "/store/orders/:id"],
  ] as const
).map(([method, template]) => ({ method, template, origin: "@medusajs/medusa" }))

/**
 * What a refused request may change by design: a wrong one-time code counts against that code's tries
 * (order-lifecycle's brute-force limit), so the code's row is updated although the request is refused.
 */
const CHANGES_ON_REFUSAL: Record<string, { when?: RegExp; tables: string[] }[]> = {
  "POST /store/order-tracking/sessions": [{ tables: ["tracking_code.changed"] }],
}

/** Field names the shop's routes read, so generated bodies and queries hit real fields as well as junk. */
const FIELDS = [
  "email", "shipping_address", "billing_address", "metadata", "quantity", "variant_id", "items", "region_id", "cart_id", "phone",
  "order_number", "code", "delta_units", "set_to_units", "reason", "low_stock_threshold_units", "status", "note", "notification_id",
  "provider_id", "option_id", "shipping_option_id", "payment_provider_id", "razorpay_order_id", "razorpay_payment_id", "razorpay_signature",
  "first_name", "last_name", "address_1", "city", "postal_code", "country_code", "gift_message", "delivery_date", "shop_status",
  "q", "limit", "offset", "fields", "order", "handle", "category", "product_id", "id", "date", "payment_mode", "token",
  "__proto__", "constructor", "prototype",
]

/**
 * What a well-formed request of each route looks like (ids filled in from the seeded shop), so that
 * mutations of one field (a NUL byte, a huge or fractional number, a wrong type, an extra key) reach
 * deep into the handler instead of stopping at the first check.
 */
type Known = Record<string, string[]>
const first = (known: Known, name: string) => known[name]?.[0] ?? "x"
const TEMPLATES: Record<string, { body?: (k: Known) => unknown; query?: (k: Known) => Record<string, unknown> }> = {
  "POST /store/carts": { body: (k) => ({ region_id: first(k, "region_id"), items: [{ variant_id: first(k, "variant_id"), quantity: 1 }] }) },
  "POST /store/carts/:id": { body: () => ({ email: "fuzz@example.in", shipping_address: DELHI_ADDRESS, metadata: { gift_message: "Hi", delivery_date: deliveryDay(3) } }) },
  "POST /store/carts/:id/line-items": { body: (k) => ({ variant_id: first(k, "variant_id"), quantity: 1 }) },
  "POST /store/carts/:id/line-items/:line_id": { body: () => ({ quantity: 2 }) },
  "POST /store/carts/:id/shipping-methods": { body: (k) => ({ option_id: first(k, "shipping_option_id") }) },
  "POST /store/payment-collections": { body: (k) => ({ cart_id: first(k, "cart_id") }) },
  "POST /store/payment-collections/:id/payment-sessions": { body: () => ({ provider_id: "pp_system_default" }) },
  "POST /store/carts/:id/checkout": {
    body: (k) => ({
      email: "fuzz@example.in",
      shipping_address: DELHI_ADDRESS,
      shipping_option_id: first(k, "shipping_option_id"),
      payment_provider_id: "pp_system_default",
      metadata: { delivery_date: deliveryDay(3), delivery_slot: "morning", gift_message: "Happy Diwali" },
    }),
  },
  "POST /store/order-tracking/lookup": { body: (k) => ({ order_number: first(k, "display_id"), phone: DELHI_ADDRESS.phone }) },
  "POST /store/order-tracking/codes": { body: () => ({ phone: DELHI_ADDRESS.phone }) },
  "POST /store/order-tracking/sessions": { body: () => ({ phone: DELHI_ADDRESS.phone, code: "123456" }) },
  "POST /store/order-tracking/confirmations": { body: (k) => ({ cart_id: first(k, "cart_id") }) },
  "POST /store/razorpay/checkout-response": {
    body: (k) => ({ cart_id: first(k, "cart_id"), razorpay_order_id: "order_Fuzz0000000001", razorpay_payment_id: "pay_Fuzz0000000001", razorpay_signature: "0".repeat(64) }),
  },
  "POST /admin/product-pools/:product_id/adjustments": { body: () => ({ delta_units: 250, reason: "fresh batch" }) },
  "POST /admin/product-pools/:product_id/settings": { body: () => ({ low_stock_threshold_units: 1000 }) },
  "POST /admin/shop-orders/:order_id/status": { body: () => ({ status: "confirmed", note: "fuzz" }) },
  "POST /admin/orders/:id/messages/resend": { body: () => ({ notification_id: "noti_01FUZZ" }) },
  "GET /store/products": { query: (k) => ({ region_id: first(k, "region_id"), q: "kaju", limit: 5, offset: 0, fields: "id,title,*variants.calculated_price" }) },
  "GET /store/catalogue/products": { query: (k) => ({ region_id: first(k, "region_id"), q: "kaju", category: "barfi", limit: 5, offset: 0 }) },
  "GET /store/catalogue/products/:handle": { query: (k) => ({ region_id: first(k, "region_id") }) },
  "GET /store/shipping-options": { query: (k) => ({ cart_id: first(k, "cart_id") }) },
  "GET /store/product-pools": { query: (k) => ({ product_id: first(k, "product_id") }) },
  "GET /admin/shop-orders": { query: () => ({ status: "placed", payment_mode: "cod", delivery_date: "2026-12-03", festival: "diwali-2026", q: "9876", limit: 20, offset: 0 }) },
  "GET /admin/kitchen-sheet": { query: () => ({ date: "2026-12-03", festival: "diwali-2026" }) },
  "GET /admin/kitchen-sheet/ahead": { query: () => ({ from: "2026-12-03", days: 7, festival: "diwali-2026" }) },
  "GET /admin/razorpay/payment-actions": { query: () => ({ limit: 50, offset: 0 }) },
}

/** Every leaf's path in a JSON value. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
    const inner = entries.flatMap(([k, v]) => leafPaths(v, [...at, k]))
    return inner.length ? inner : [at]
  }
  return [at]
}

/** A copy of `template` with one change: a leaf replaced, a key added next to it, a field dropped; or none. */
function mutate(template: unknown, mode: string, pick: number, hostile: unknown, extraKey: string): unknown {
  const copy = JSON.parse(JSON.stringify(template))
  if (mode === "valid") return copy
  const paths = leafPaths(copy)
  const target = paths[pick % paths.length]
  if (!target.length) return mode === "replace" ? hostile : copy
  const parent = target.slice(0, -1).reduce((o: any, k) => o[k], copy)
  const last = target[target.length - 1]
  if (mode === "replace") parent[last] = hostile
  else if (mode === "drop") Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last]
  else if (!Array.isArray(parent)) Object.defineProperty(parent, extraKey, { value: hostile, enumerable: true, writable: true, configurable: true })
  return copy
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: Record<string, string>
    let admin: Record<string, string>
    let events: SubscriberTracker
    /** Real ids of the seeded shop (a cart with a line, a placed order…), by the name of the path parameter they fit. */
    const known: Record<string, string[]> = {}
    let snapshotSql: string

    beforeAll(async () => {
      const storeHeaders = await seedShop(getContainer())
      store = storeHeaders.headers
      admin = (await adminHeaders(api)).headers
      events = trackSubscribers(getContainer())
      const shopper = shopperFor(api, storeHeaders)
      const regionId = await shopper.region()
      const kaju = await shopper.variant("kaju-katli", "250 g")
      const cartId = await shopper.createCart([{ variant_id: kaju.id, quantity: 1 }])
      const { data: cart } = await api.get(`/store/carts/${cartId}`, storeHeaders)
      // An order placed through the one-call checkout, so order routes have a real one.
      const orderCart = await shopper.createCart([{ variant_id: kaju.id, quantity: 1 }])
      const option = (await shopper.shippingOptions(orderCart)).find((o) => o.name === "Home delivery")!
      const { data: placed } = await api.post(
        `/store/carts/${orderCart}/checkout`,
        { email: "fuzz@example.in", shipping_address: DELHI_ADDRESS, shipping_option_id: option.id, payment_provider_id: "pp_system_default" },
        storeHeaders
      )
      await events.settled()
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      Object.assign(known, {
        id: [cartId, placed.order.id, regionId, kaju.product_id, pc.payment_collection.id],
        cart_id: [cartId],
        line_id: [cart.cart.items[0].id],
        order_id: [placed.order.id],
        product_id: [kaju.product_id],
        variant_id: [kaju.id],
        region_id: [regionId],
        handle: ["kaju-katli", "rasgulla"],
        pincode: ["110024", "400001"],
        token: ["x"],
        provider_id: ["pp_system_default", "pp_razorpay_razorpay"],
        shipping_option_id: [option.id],
        display_id: [String(placed.order.display_id)],
        payment_collection_id: [pc.payment_collection.id],
      })

      // The shop's main tables: rows and latest change; the stock on hand and reserved.
      const wanted = [
        "cart", "cart_line_item", "cart_address", "cart_shipping_method", "customer", "customer_address", "order", "order_item",
        "order_address", "order_change", "payment_collection", "payment_session", "payment", "refund", "notification", "reservation_item", "product", "product_variant", "pool_adjustment", "pool_setting", "shop_order",
        "shop_order_status_change", "tracking_code", "razorpay_payment_action", "razorpay_webhook_event", "fulfillment",
      ]
      const { rows } = await dbConnection.raw(
        `select table_name, bool_or(column_name = 'updated_at') as dated from information_schema.columns
          where table_schema = current_schema() and table_name = any(?) group by table_name order by table_name`,
        [wanted]
      )
      const parts = rows.flatMap((r: { table_name: string; dated: boolean }) => [
        `(select count(*) from "${r.table_name}")::text as "${r.table_name}"`,
        // The notifications retry job updates failed messages on its own schedule: their rows are counted, not dated.
        ...(r.dated && r.table_name !== "notification" ? [`(select max(updated_at) from "${r.table_name}")::text as "${r.table_name}.changed"`] : []),
      ])
      parts.push(`(select coalesce(sum(stocked_quantity::numeric), 0) || '/' || coalesce(sum(reserved_quantity::numeric), 0) from inventory_level)::text as stock`)
      snapshotSql = `select ${parts.join(", ")}`
    })
    afterAll(() => events?.restore())

    const snapshot = async () => (await dbConnection.raw(snapshotSql)).rows[0] as Record<string, string | null>

    // --- Arbitraries ---------------------------------------------------------------------------

    const hostileText = fc.oneof(
      fc.constantFrom(
        "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f", "\u202Ereversed", "\u2066x\u2069", "\u200B", "\uFEFF", "\uD800", "",
        " ", "null", "undefined", "NaN", "Infinity", "1e309", "-1", "0", "1.5", "0x10", "__proto__", "constructor", "' OR 1=1 --",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "%", "x".repeat(3000), "९८७६५४३२१०", "+919876543210", "98765 43210",
        "110024", "2026-12-03", "2026-02-30", "status", "cart_01ABC", "order_01ABC", "prod_01ABC", "kaju-katli", "{\"a\":1}", "[]"
      ),
      fc.string({ unit: "binary", maxLength: 24 }),
      fc.string({ maxLength: 16 })
    )
    const hostileNumber = fc.oneof(
      fc.constantFrom(0, -1, 1, 2, 1.5, 0.1, -0.5, 999, 1000, 1001, 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, 5e-324),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true })
    )
    const key = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ unit: "binary", maxLength: 8 }))
    const realId = fc.constantFrom(...["cart_id", "order_id", "product_id", "variant_id", "region_id", "line_id"]).chain((k) => fc.constantFrom(...(known[k] ?? ["x"])))
    const leaf = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 2, arbitrary: hostileNumber }, fc.boolean(), fc.constant(null), realId)
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 5 })
      ),
    }))
    /** Nesting far deeper than any request of the shop. */
    const deep = fc.integer({ min: 14, max: 400 }).map((depth) => {
      let v: unknown = "x"
      for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
      return v
    })

    /** JSON text with `__proto__` as an own key (JSON.stringify would drop a real prototype). */
    const toJson = (v: unknown): string => JSON.stringify(v)
    const body = fc.oneof(
      { weight: 5, arbitrary: fc.dictionary(key, fc.oneof(value, deep, realId), { maxKeys: 6 }).map(toJson) },
      { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => `{"__proto__":${toJson(a)},"metadata":{"constructor":${toJson(b)}}}`) },
      { weight: 1, arbitrary: fc.oneof(value, deep).map(toJson) },
      { weight: 1, arbitrary: fc.constantFrom("{", "nul\u0000", '{"a":1,}', "[[[[", '{"quantity":1.5}', '{"items":[{"variant_id":"x","quantity":1e400}]}', "") }
    )
    /** A query string, raw: repeated keys, nested `a[b]`, bad percent-encodings. */
    const queryPart = fc.oneof(
      fc.tuple(key, hostileText).map(([k, v]) => `${enc(k)}=${enc(v)}`),
      fc.tuple(key, key, hostileText).map(([k, sub, v]) => `${enc(k)}[${enc(sub)}]=${enc(v)}`),
      fc.tuple(key, realId).map(([k, v]) => `${enc(k)}=${v}`),
      fc.constantFrom("q=%E0%A4%A", "limit=%zz", "offset=99999999999999999999", "limit=-1", "fields=*items.*", "order=-;drop", "region_id[$ne]=x")
    )
    const query = fc.array(queryPart, { maxLength: 4 }).map((parts) => (parts.length ? `?${parts.join("&")}` : ""))

    const routes = [...shopRoutes(), ...MEDUSA_STORE_ROUTES]
    /** The ids an `:id` of this route is about (a cart's routes take a cart id…). */
    const idsFor = (template: string, name: string) => {
      if (name !== "id") return known[name] ?? known.id
      const kind = [
        [/^\/store\/carts/, "cart_id"],
        [/^\/(store|admin)\/orders/, "order_id"],
        [/^\/store\/regions/, "region_id"],
        [/^\/store\/products/, "product_id"],
        [/^\/store\/payment-collections/, "payment_collection_id"],
      ].find(([pattern]) => (pattern as RegExp).test(template))?.[1] as string | undefined
      return (kind && known[kind]) || known.id
    }
    const pathParam = (template: string, name: string) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...(idsFor(template, name) ?? ["x"])) },
        { weight: 2, arbitrary: hostileText.map((t) => enc(t) || "%20") },
        { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%E0%A4", "..", "%2e%2e", "a%2Fb") }
      )
    /** One field of a well-formed body or query changed (or none), as JSON text / a query string. */
    const mutation = fc.record({
      mode: fc.constantFrom("valid", "valid", "replace", "replace", "replace", "add", "drop"),
      pick: fc.nat(),
      hostile: fc.oneof(value, deep),
      extraKey: key,
    })
    const templateQuery = (q: Record<string, unknown>) =>
      "?" +
      Object.entries(q)
        .map(([k, v]) => (v !== null && typeof v === "object" ? `${enc(k)}=${enc(JSON.stringify(v))}` : `${enc(k)}=${enc(String(v))}`))
        .join("&")
    const request = fc
      .constantFrom(...routes)
      .chain((route) => {
        const params = [...route.template.matchAll(/:(\w+)/g)].map((m) => m[1])
        const template = TEMPLATES[`${route.method} ${route.template}`]
        const templated = (make: ((k: Known) => unknown) | undefined, write: (v: any) => string) =>
          make ? mutation.map(({ mode, pick, hostile, extraKey }) => write(mutate(make(known), mode, pick, hostile, extraKey))) : undefined
        const bodyFromTemplate = templated(template?.body, (v) => JSON.stringify(v))
        const queryFromTemplate = templated(template?.query, (v) => (v && typeof v === "object" && !Array.isArray(v) ? templateQuery(v) : `?q=${enc(String(v))}`))
        return fc.record({
          route: fc.constant(route),
          params: fc.tuple(...params.map((name) => pathParam(route.template, name))),
          // Medusa refuses unknown query fields, so most requests carry none (or the route's own) and reach their body.
          query: fc.oneof(
            { weight: route.method === "GET" && !queryFromTemplate ? 1 : 3, arbitrary: fc.constant("") },
            { weight: 2, arbitrary: queryFromTemplate ?? query },
            { weight: 1, arbitrary: query }
          ),
          body:
            route.method === "GET"
              ? fc.constant(undefined)
              : bodyFromTemplate
                ? fc.oneof({ weight: 3, arbitrary: bodyFromTemplate }, { weight: 1, arbitrary: body })
                : body,
          as: route.template.startsWith("/admin") ? fc.constantFrom("staff", "staff", "staff", "anyone") : fc.constantFrom("shopper", "shopper", "shopper", "staff", "anyone"),
        })
      })
      .map(({ route, params, query, body, as }) => {
        let i = 0
        const url = route.template.replace(/:(\w+)/g, () => params[i++]) + query
        return { route, url, body, as }
      })

    it(`answers up to ${RUNS} hostile requests (about a minute) on every shop route and the storefront's Medusa routes with no 5xx, no hang, and no change from a refused one`, async () => {
      const started = Date.now()
      process.stdout.write(`[fuzz] seed ${SEED} (FUZZ_SEED to replay), ${RUNS} requests over ${routes.length} routes\n`)
      const statuses: Record<string, number> = {}
      const found: string[] = []
      const byRoute: Record<string, Record<number, number>> = {}
      let count = 0
      await fc.assert(
        fc.asyncProperty(request, async ({ route, url, body, as }) => {
          count += 1
          const headers: Record<string, string> = {
            ...(as === "anyone" ? {} : store),
            ...(as === "staff" ? admin : {}),
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
          }
          const before = await snapshot()
          let answer
          try {
            answer = await api.request({
              method: route.method,
              url,
              data: body,
              headers,
              timeout: REQUEST_TIMEOUT_MS,
              validateStatus: () => true,
              transformRequest: [(d: unknown) => d],
              maxRedirects: 0,
            })
          } catch (error: any) {
            if (error?.code === "ECONNABORTED" || /timeout/i.test(String(error?.message))) {
              throw new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${route.method} ${url} ${String(body ?? "").slice(0, 200)}`)
            }
            throw new Error(`${route.method} ${url}: ${error?.message ?? error}`)
          }
          const family = `${Math.floor(answer.status / 100)}xx`
          statuses[family] = (statuses[family] ?? 0) + 1
          const tally = (byRoute[`${route.method} ${route.template}`] ??= {})
          tally[answer.status] = (tally[answer.status] ?? 0) + 1
          const described = () =>
            `${route.method} ${url} (${route.origin}) as ${as}\n  body: ${JSON.stringify(String(body ?? "").slice(0, 300))}\n  answer: ${JSON.stringify(answer.data).slice(0, 400)}`
          if (answer.status >= 500) {
            if (!COLLECT) throw new Error(`${answer.status} for ${described()}`)
            found.push(`${answer.status} for ${described()}`)
          }
          // Whatever the request started (subscribers on the bus) has finished before the next one.
          await events.settled()
          if (answer.status >= 400) {
            const after = await snapshot()
            const message = String(answer.data?.message ?? "")
            const allowed = (CHANGES_ON_REFUSAL[`${route.method} ${route.template}`] ?? []).filter((c) => !c.when || c.when.test(message)).flatMap((c) => c.tables)
            const changed = Object.keys(before).filter((k) => before[k] !== after[k] && !allowed.includes(k))
            if (changed.length) {
              const problem = `refused with ${answer.status} but changed ${changed.join(", ")}: ${described()}`
              if (!COLLECT) throw new Error(problem)
              found.push(problem)
            }
          }
        }),
        { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, endOnFailure: true, verbose: 1 }
      )
      if (COLLECT) {
        process.stdout.write(`[fuzz] answers by route:\n${Object.entries(byRoute).map(([r, t]) => `  ${r} ${JSON.stringify(t)}`).sort().join("\n")}\n`)
        process.stdout.write(`[fuzz] ${found.length} problems:\n${found.join("\n")}\n`)
      }
      const seconds = (Date.now() - started) / 1000
      process.stdout.write(`[fuzz] ${count} requests in ${seconds.toFixed(1)} s: ${JSON.stringify(statuses)}\n`)
    })
  },
})
