import http from "http"
import axios, { type AxiosInstance } from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeTwilio, startFakeTwilio } from "@sweetshop/sandbox"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { adminHeaders, DELHI_ADDRESS, seedShop, Shopper, shopperFor, twilioEnv, useFakeBeforeBoot } from "../helpers/shopper"

jest.setTimeout(300_000)

/**
 * Order tracking for shoppers without an account (plugins/order-lifecycle):
 * one order by number and phone, an encrypted tracking link, and all orders of a
 * phone after a one-time code sent by SMS (the fake Twilio's log holds it), with
 * its abuse limits: per client (the TCP peer; X-Forwarded-For only through
 * TRUST_PROXY_HOPS), per phone and client, and caps on the texts themselves.
 */
let twilio: FakeTwilio
let gate: TwilioGate

/**
 * Between the shop and the fake Twilio: passes every request on, or, while `holding`,
 * keeps it unanswered, so a test can see whether anyone waits on Twilio.
 */
type TwilioGate = {
  url: string
  holding: boolean
  held: { path: string; aborted: boolean; release(): void }[]
  close(): Promise<void>
}

async function startTwilioGate(target: string): Promise<TwilioGate> {
  const gate = { url: "", holding: false, held: [] as TwilioGate["held"] } as TwilioGate
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const forward = () => {
        const out = http.request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        out.on("error", () => res.destroy())
        out.end(Buffer.concat(chunks))
      }
      if (!gate.holding || req.method !== "POST") return forward()
      const entry = { path: req.url ?? "", aborted: false, release: forward }
      res.on("close", () => {
        if (!res.writableEnded) entry.aborted = true
      })
      gate.held.push(entry)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  gate.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  gate.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return gate
}

useFakeBeforeBoot(async () => {
  twilio = await startFakeTwilio()
  gate = await startTwilioGate(twilio.url)
  return {
    fake: {
      close: async () => {
        await gate.close()
        await twilio.close()
      },
    },
    env: {
      ...twilioEnv(twilio),
      TWILIO_API_BASE_URL: gate.url,
    },
  }
})

const NOT_FOUND = "We could not find an order with that order number and phone number. Please check both and try again."

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let storeHeaders: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker
    let port: string

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      events = trackSubscribers(getContainer())
      port = new URL(api.defaults.baseURL!).port
    })
    afterAll(() => events?.restore())

    beforeEach(async () => {
      shopper = shopperFor(api, storeHeaders)
      // Every test starts with no lookups, codes, texts or sessions counted against any client or phone.
      await getContainer().resolve<any>("order_lifecycle").resetRateLimits()
      gate.holding = false
    })

    /**
     * The store API as another machine would call it: from its own loopback address
     * (127.0.0.2, 127.0.0.3, …: Linux routes all of 127/8 to this machine), or at another
     * form of this machine's address ("[::1]", "[::ffff:127.0.0.1]").
     */
    const agents: http.Agent[] = []
    afterAll(() => agents.forEach((agent) => agent.destroy()))
    function clientAt(source: string, host = "127.0.0.1"): AxiosInstance {
      const agent = new http.Agent(source ? { localAddress: source } : {})
      agents.push(agent)
      return axios.create({ baseURL: `http://${host}:${port}`, httpAgent: agent, headers: storeHeaders.headers, validateStatus: () => true })
    }

    async function placeOrder(phone: string) {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: kaju.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { email: "priya@example.in", shipping_address: { ...DELHI_ADDRESS, phone } }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
      const completed = await shopper.complete(cartId)
      expect(completed.status).toBe(200)
      // The order-placed subscriber files the order for the shop (and for code requests) just after checkout.
      const until = Date.now() + 30_000
      const filed = async () => (await dbConnection.raw(`select phone from shop_order where order_id = ?`, [completed.data.order.id])).rows
      while (!(await filed()).length && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
      expect(await filed()).toEqual([{ phone }])
      return completed.data.order as { id: string; display_id: number; total: number }
    }

    const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
      api.post(path, body, { headers: { ...storeHeaders.headers, ...extra } }).catch((e: any) => e.response)
    const get = (path: string, extra: Record<string, string> = {}) =>
      api.get(path, { headers: { ...storeHeaders.headers, ...extra } }).catch((e: any) => e.response)

    /** The code in the latest SMS the fake Twilio received for a phone. */
    async function codeSentTo(phone: string) {
      const until = Date.now() + 30_000
      while (Date.now() < until) {
        const sms = twilio.messages.filter((m) => m.to === phone && /code/.test(m.body ?? "")).pop()
        if (sms) return /\b(\d{6})\b/.exec(sms.body!)![1]
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`no code reached ${phone}`)
    }

    it("shows one order for its number and phone, and answers a wrong pair exactly like an unknown order", async () => {
      const order = await placeOrder("+919876543210")
      for (const typed of ["98765 43210", "+91-98765-43210", "098765 43210"]) {
        const found = await post("/store/order-tracking/lookup", { order_number: String(order.display_id), phone: typed })
        expect(found.status).toBe(200)
        expect(found.data.order).toMatchObject({
          order_number: order.display_id,
          status: "placed",
          status_label: "Placed",
          total_paise: Math.round(order.total * 100),
          payment_mode: "cod",
          payment_label: "Cash on delivery",
          items: [{ title: "Kaju Katli", variant_title: "500 g", quantity: 1, total_paise: 60000 }],
          phone: "+91 ••••• •3210",
          fulfillment: { kind: "delivery", address: { name: "P. S.", line: "221 L••• N•••", city: "New Delhi", pincode: "110•••" } },
        })
        expect(found.data.order.timeline.map((s: any) => [s.status, s.done])).toEqual([
          ["placed", true],
          ["confirmed", false],
          ["preparing", false],
          ["out_for_delivery", false],
          ["delivered", false],
        ])
        const shown = JSON.stringify(found.data)
        for (const secret of ["Lajpat", "9876543210", "priya@example.in", order.id]) expect(shown).not.toContain(secret)
      }

      const wrongPhone = await post("/store/order-tracking/lookup", { order_number: order.display_id, phone: "91234 56789" })
      const unknownOrder = await post("/store/order-tracking/lookup", { order_number: 987654, phone: "98765 43210" })
      expect(wrongPhone.status).toBe(404)
      expect(unknownOrder.status).toBe(404)
      expect(wrongPhone.data).toEqual({ type: "not_found", message: NOT_FOUND })
      expect(unknownOrder.data).toEqual(wrongPhone.data)
      expect(Object.keys(unknownOrder.headers).sort()).toEqual(Object.keys(wrongPhone.headers).sort())

      const badPhone = await post("/store/order-tracking/lookup", { order_number: order.display_id, phone: "12345" })
      expect(badPhone.status).toBe(400)
      expect(badPhone.data.message).toBe("Please give the 10-digit Indian mobile number the order was placed with, for example 98765 43210.")
      const badNumber = await post("/store/order-tracking/lookup", { order_number: "abc", phone: "98765 43210" })
      expect(badNumber.status).toBe(400)
      expect(badNumber.data.message).toBe("order_number must be the number on your confirmation, for example 1042.")
    })

    it("opens the same view from an encrypted tracking link, and refuses a tampered or expired one", async () => {
      const order = await placeOrder("+919876543211")
      const lifecycle = getContainer().resolve("order_lifecycle") as any
      // The confirmation page's link: an encrypted token.
      const token: string = await lifecycle.trackingTokenFor(order.id)
      expect(token).toMatch(/^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/)

      const opened = await get(`/store/order-tracking/links/${token}`)
      expect(opened.status).toBe(200)
      const typed = await post("/store/order-tracking/lookup", { order_number: order.display_id, phone: "9876543211" })
      expect(opened.data.order).toEqual(typed.data.order)

      // Staff move the order on: the link shows it.
      const admin = await adminHeaders(api)
      await api.post(`/admin/shop-orders/${order.id}/status`, { status: "confirmed" }, admin)
      const moved = await get(`/store/order-tracking/links/${token}`)
      expect(moved.data.order.status_label).toBe("Confirmed")
      expect(moved.data.order.timeline[1]).toMatchObject({ status: "confirmed", done: true })

      const [header, , iv, ciphertext, tag] = token.split(".")
      const forged = Buffer.from(JSON.stringify({ o: "order_someone_else", pur: "track-order", exp: 4102444800 })).toString("base64url")
      const flip = (part: string) => `${part.slice(0, -2)}${part.endsWith("AA") ? "BB" : "AA"}`
      for (const bad of [`${header}..${iv}.${forged}.${tag}`, `${header}..${iv}.${flip(ciphertext)}.${tag}`, `${header}..${iv}.${ciphertext}.${flip(tag)}`, "nonsense"]) {
        const refused = await get(`/store/order-tracking/links/${bad}`)
        expect(refused.status).toBe(404)
        expect(refused.data.message).toMatch(/^This tracking link is not valid or has expired/)
      }
      const expired = await lifecycle.trackingTokenFor(order.id, Date.now() - 31 * 24 * 60 * 60 * 1000)
      expect((await get(`/store/order-tracking/links/${expired}`)).status).toBe(404)
    })

    it("sends short links in messages: a 10-character code, kept only as a keyed hash, opening the same masked view", async () => {
      const order = await placeOrder("+919876543212")
      const lifecycle = getContainer().resolve("order_lifecycle") as any
      const url: string = await lifecycle.trackingUrlFor(order.id)
      expect(url).toMatch(/^http:\/\/localhost:8000\/track\/[A-Za-z0-9]{10}$/)
      const code = url.split("/track/")[1]
      const opened = await get(`/store/order-tracking/links/${code}`)
      expect(opened.status).toBe(200)
      const typed = await post("/store/order-tracking/lookup", { order_number: order.display_id, phone: "9876543212" })
      expect(opened.data.order).toEqual(typed.data.order)
      // The database holds a hash, never the code; a code one letter off, or expired, opens nothing.
      const { rows } = await dbConnection.raw(`select code_hash, order_id from tracking_link where order_id = ?`, [order.id])
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.map((r: any) => r.code_hash)).not.toContain(code)
      expect(JSON.stringify(rows)).not.toContain(code)
      const other = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`
      const refused = await get(`/store/order-tracking/links/${other}`)
      expect(refused.status).toBe(404)
      expect(refused.data.message).toMatch(/^This tracking link is not valid or has expired/)
      const expired = (await lifecycle.trackingUrlFor(order.id, Date.now() - 31 * 24 * 60 * 60 * 1000)).split("/track/")[1]
      expect((await get(`/store/order-tracking/links/${expired}`)).status).toBe(404)
    })

    it("lists all orders of a phone after a one-time code sent by SMS; the code works once", async () => {
      const first = await placeOrder("+919811111111")
      const second = await placeOrder("+919811111111")
      await placeOrder("+919822222222")

      const asked = await post("/store/order-tracking/codes", { phone: "98111 11111" })
      expect(asked.status).toBe(202)
      expect(asked.data.message).toMatch(/^If this phone number has orders with us, a 6-digit code is on its way/)
      const code = await codeSentTo("+919811111111")
      const stored = await dbConnection.raw(`select code_hash from tracking_code where phone = '+919811111111'`)
      expect(stored.rows).toHaveLength(1)
      expect(stored.rows[0].code_hash).not.toContain(code)

      const wrong = await post("/store/order-tracking/sessions", { phone: "98111 11111", code: code === "000000" ? "111111" : "000000" })
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toBe("That code is not right, or it has expired. Please check it, or ask for a new code.")

      const session = await post("/store/order-tracking/sessions", { phone: "+91 98111 11111", code })
      expect(session.status).toBe(200)
      const orders = await get("/store/order-tracking/orders", { "x-order-session": session.data.session_token })
      expect(orders.status).toBe(200)
      expect(orders.data.orders.map((o: any) => o.order_number)).toEqual([second.display_id, first.display_id])

      // The session downloads the GST invoice of each of its orders (it names the buyer and the address:
      // only the phone's own session opens it); another phone's order, no session or a made-up number: the same 404.
      const invoice = await api
        .get(`/store/order-tracking/orders/${first.display_id}/invoice.pdf`, { headers: { ...storeHeaders.headers, "x-order-session": session.data.session_token }, responseType: "arraybuffer" })
        .catch((e: any) => e.response)
      expect(invoice.status).toBe(200)
      expect(invoice.headers["content-type"]).toBe("application/pdf")
      expect(Buffer.from(invoice.data).subarray(0, 5).toString()).toBe("%PDF-")
      const { rows: others } = await dbConnection.raw(`select display_id from shop_order where phone = '+919822222222'`)
      for (const [number, headers] of [
        [others[0].display_id, { "x-order-session": session.data.session_token }],
        [first.display_id, {}],
        [first.display_id, { "x-order-session": `${session.data.session_token}x` }],
        ["not-a-number", { "x-order-session": session.data.session_token }],
      ] as const) {
        const refused = await get(`/store/order-tracking/orders/${number}/invoice.pdf`, headers)
        expect({ status: refused.status, code: refused.data.code }).toEqual({ status: 404, code: "order_not_found" })
      }

      const again = await post("/store/order-tracking/sessions", { phone: "98111 11111", code })
      expect(again.status).toBe(400)
      expect((await get("/store/order-tracking/orders")).status).toBe(401)
      expect((await get("/store/order-tracking/orders", { "x-order-session": `${session.data.session_token}x` })).status).toBe(401)

      // A phone with no orders gets the same answer, and no SMS: once the request and whatever it set off
      // (a code may be sent by a subscriber, after the answer) have finished, no code exists and none was sent.
      const before = twilio.messages.length
      const nobody = await post("/store/order-tracking/codes", { phone: "98333 33333" })
      expect(nobody.status).toBe(202)
      expect(nobody.data).toEqual(asked.data)
      await events.settled()
      expect((await dbConnection.raw(`select id from tracking_code where phone = '+919833333333'`)).rows).toEqual([])
      expect(twilio.messages.length).toBe(before)
    })

    it("lets a code expire, and locks it after five wrong tries", async () => {
      await placeOrder("+919844444444")
      await post("/store/order-tracking/codes", { phone: "9844444444" })
      const expiring = await codeSentTo("+919844444444")
      await dbConnection.raw(`update tracking_code set expires_at = now() - interval '1 second' where phone = '+919844444444'`)
      const late = await post("/store/order-tracking/sessions", { phone: "9844444444", code: expiring })
      expect(late.status).toBe(400)

      await placeOrder("+919855555555")
      await post("/store/order-tracking/codes", { phone: "9855555555" })
      const code = await codeSentTo("+919855555555")
      const wrongCode = code === "123456" ? "654321" : "123456"
      const tries = []
      for (let i = 0; i < 5; i++) tries.push(await post("/store/order-tracking/sessions", { phone: "9855555555", code: wrongCode }))
      expect(tries.map((t) => t.status)).toEqual([400, 400, 400, 400, 400])
      expect(tries[4].data.message).toBe("Too many wrong tries: this code no longer works. Please ask for a new code.")
      const right = await post("/store/order-tracking/sessions", { phone: "9855555555", code })
      expect(right.status).toBe(400)
      expect(right.data.message).toBe("Too many wrong tries: this code no longer works. Please ask for a new code.")
    })

    it("counts the limits from zero in every test: this client's lookups start again", async () => {
      // The tests above used lookups from this same client; had their counts carried over, fewer than 20 would pass.
      const lookups = []
      for (let i = 0; i < 21; i++) lookups.push(await post("/store/order-tracking/lookup", { order_number: 7000 + i, phone: `98${String(i).padStart(8, "0")}` }))
      expect(lookups.slice(0, 20).map((l) => l.status)).toEqual(Array(20).fill(404))
      expect(lookups[20].status).toBe(429)
    })

    it("limits one client's code requests and lookups per phone", async () => {
      const answers = []
      for (let i = 0; i < 4; i++) answers.push(await post("/store/order-tracking/codes", { phone: "98666 66666" }))
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429])
      expect(Number(answers[3].headers["retry-after"])).toBeGreaterThan(0)
      expect(answers[3].data.message).toMatch(/^Too many tries\. Please wait \d+ (seconds|minutes) and try again\.$/)

      const lookups = []
      for (let i = 0; i < 11; i++) lookups.push(await post("/store/order-tracking/lookup", { order_number: 5000 + i, phone: "98777 77777" }))
      expect(lookups.slice(0, 10).every((l) => l.status === 404)).toBe(true)
      expect(lookups[10].status).toBe(429)
    })

    it("answers a code request without waiting for the SMS: the text goes out in the background", async () => {
      await placeOrder("+919800000001")
      await events.settled()
      gate.holding = true
      const asked = await post("/store/order-tracking/codes", { phone: "98000 00001" })
      // The answer is here, and no request to Twilio has been let through or given up on.
      expect(asked.status).toBe(202)
      expect(gate.held.every((h) => !h.aborted)).toBe(true)
      // The background handler now reaches Twilio, which still holds it.
      const until = Date.now() + 30_000
      while (gate.held.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
      expect(gate.held).toHaveLength(1)
      expect(gate.held[0].path).toMatch(/\/Messages\.json$/)
      expect(gate.held[0].aborted).toBe(false)
      expect(twilio.messages.filter((m) => m.to === "+919800000001" && /code/.test(m.body ?? ""))).toEqual([])
      // Twilio answers: the code arrives and works.
      gate.holding = false
      gate.held.splice(0).forEach((h) => h.release())
      const code = await codeSentTo("+919800000001")
      expect((await post("/store/order-tracking/sessions", { phone: "9800000001", code })).status).toBe(200)
    })

    it("does not let a stranger lock a shopper out: limits and wrong codes count per phone and client", async () => {
      await placeOrder("+919800000002")
      const stranger = clientAt("127.0.0.2")
      const shopperPhone = clientAt("127.0.0.3")
      const phone = "98000 00002"

      // The stranger asks for codes for the shopper's phone until refused.
      const asks = []
      for (let i = 0; i < 4; i++) asks.push((await stranger.post("/store/order-tracking/codes", { phone })).status)
      expect(asks).toEqual([202, 202, 202, 429])
      // The shopper, on their own connection, still gets a code.
      const mine = await shopperPhone.post("/store/order-tracking/codes", { phone })
      expect(mine.status).toBe(202)
      await events.settled()
      const code = await codeSentTo("+919800000002")

      // The stranger types wrong codes until refused, and looks the phone up until refused.
      const wrong = code === "000000" ? "111111" : "000000"
      const tries = []
      for (let i = 0; i < 6; i++) tries.push((await stranger.post("/store/order-tracking/sessions", { phone, code: wrong })).data.message)
      expect(tries.slice(4)).toEqual([
        "Too many wrong tries: this code no longer works. Please ask for a new code.",
        "Too many wrong tries: this code no longer works. Please ask for a new code.",
      ])
      expect((await stranger.post("/store/order-tracking/sessions", { phone, code })).status).toBe(400)
      const lookups = []
      for (let i = 0; i < 11; i++) lookups.push((await stranger.post("/store/order-tracking/lookup", { order_number: 9000 + i, phone })).status)
      expect(lookups[10]).toBe(429)

      // The shopper is locked out of nothing: the code works, and lookups answer.
      const session = await shopperPhone.post("/store/order-tracking/sessions", { phone, code })
      expect(session.status).toBe(200)
      expect((await shopperPhone.post("/store/order-tracking/lookup", { order_number: 9999, phone })).status).toBe(404)
    })

    it("ignores X-Forwarded-For with no trusted proxy (TRUST_PROXY_HOPS=0): a client cannot name itself anew", async () => {
      const one = clientAt("127.0.0.4")
      const answers = []
      for (let i = 0; i < 11; i++) {
        answers.push((await one.post("/store/order-tracking/codes", { phone: `97100000${String(i).padStart(2, "0")}` }, { headers: { "x-forwarded-for": `203.0.113.${i + 1}` } })).status)
      }
      expect(answers).toEqual([...Array(10).fill(202), 429])
      // Another client is not affected.
      expect((await clientAt("127.0.0.5").post("/store/order-tracking/codes", { phone: "9710000099" })).status).toBe(202)
    })

    it("counts the IPv4 and IPv6 forms of one address as one client", async () => {
      const forms = [clientAt("", "127.0.0.1"), clientAt("", "[::1]"), clientAt("", "[::ffff:127.0.0.1]")]
      const answers = []
      for (let i = 0; i < 11; i++) answers.push((await forms[i % 3].post("/store/order-tracking/codes", { phone: `97200000${String(i).padStart(2, "0")}` })).status)
      expect(answers).toEqual([...Array(10).fill(202), 429])
    })

    it("reads the client through the shop's own proxies only (TRUST_PROXY_HOPS=1)", async () => {
      const lifecycle = getContainer().resolve<any>("order_lifecycle")
      lifecycle.options.trust_proxy_hops = 1
      try {
        // Every request comes through one proxy (this machine); the proxy appended the address it saw last.
        const proxy = clientAt("127.0.0.6")
        const from = (seen: string, spoofed?: string) => ({ headers: { "x-forwarded-for": spoofed ? `${spoofed}, ${seen}` : seen } })
        const answers = []
        for (let i = 0; i < 11; i++) {
          answers.push((await proxy.post("/store/order-tracking/codes", { phone: `97300000${String(i).padStart(2, "0")}` }, from("198.51.100.7", `203.0.113.${i + 1}`))).status)
        }
        expect(answers).toEqual([...Array(10).fill(202), 429])
        // The same shopper's address in its IPv6-mapped form is the same client; another shopper behind the proxy is not.
        expect((await proxy.post("/store/order-tracking/codes", { phone: "9730000098" }, from("::ffff:198.51.100.7"))).status).toBe(429)
        expect((await proxy.post("/store/order-tracking/codes", { phone: "9730000099" }, from("198.51.100.8"))).status).toBe(202)
      } finally {
        lifecycle.options.trust_proxy_hops = 0
      }
    })

    it("sends a phone at most 10 codes a day, however many clients ask", async () => {
      await placeOrder("+919800000003")
      const phone = "98000 00003"
      const answers = []
      // Four clients ask as often as each may (3 every 15 minutes): 12 requests, all answered alike.
      for (const source of ["127.0.1.1", "127.0.1.2", "127.0.1.3", "127.0.1.4"]) {
        const client = clientAt(source)
        for (let i = 0; i < 3; i++) answers.push((await client.post("/store/order-tracking/codes", { phone })).status)
      }
      expect(answers).toEqual(Array(12).fill(202))
      await events.settled()
      const texts = twilio.messages.filter((m) => m.to === "+919800000003" && /code to see your orders/.test(m.body ?? ""))
      expect(texts).toHaveLength(10)
      expect((await dbConnection.raw(`select count(*)::int as n from tracking_code where phone = '+919800000003'`)).rows[0].n).toBe(10)
    })

    it("sends at most the shop's hourly cap of codes, whichever phones ask", async () => {
      await placeOrder("+919800000004")
      await events.settled()
      const lifecycle = getContainer().resolve<any>("order_lifecycle")
      const cap = lifecycle.rateLimiter().limits.smsPerHour.max
      expect(cap).toBe(300)
      // The hour's texts so far, as if 300 shoppers had each been sent one.
      for (let i = 0; i < cap; i++) await lifecycle.rateLimiter().hit("smsPerHour", "shop")
      const before = twilio.messages.length
      const asked = await post("/store/order-tracking/codes", { phone: "98000 00004" })
      expect(asked.status).toBe(202)
      await events.settled()
      expect(twilio.messages.length).toBe(before)
      expect((await dbConnection.raw(`select id from tracking_code where phone = '+919800000004'`)).rows).toEqual([])
    })
  },
})
