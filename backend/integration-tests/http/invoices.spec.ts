import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { formatPaise, toPaise } from "@sweetshop/shop-contracts"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { adminHeaders, DELHI_ADDRESS, seedShop, Shopper, shopperFor } from "../helpers/shopper"

jest.setTimeout(300_000)

// The plugin ships JavaScript without declarations: the PDF text reader it uses on its own PDFs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pdfTextLines } = require("@sweetshop/invoices/lib/pdf-text") as { pdfTextLines: (pdf: Buffer) => string[] }

/**
 * GST tax invoices (plugins/invoices): a number per order in a gap-free series per financial
 * year, given when the order is placed; CGST + SGST for a delivery in the shop's state (Delhi),
 * IGST for one across the border (Noida, Uttar Pradesh); the PDF's totals are the order's; the
 * shopper's download needs the order token, as the order itself does.
 */
const NOIDA_ADDRESS = { ...DELHI_ADDRESS, address_1: "B-14 Sector 62", city: "Noida", province: "Uttar Pradesh", postal_code: "201301" }

const rs = (paise: number) => `Rs. ${formatPaise(paise, { paise: "always" }).replace(/^₹/, "")}`
/** "Rs. 1,260.00" → 126000 */
const paiseOf = (text: string) => Number(text.replace(/[^0-9]/g, ""))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }
    let shopper: Shopper
    let events: SubscriberTracker

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
      admin = await adminHeaders(api)
      shopper = shopperFor(api, storeHeaders)
      events = trackSubscribers(getContainer())
    })
    afterAll(() => events?.restore())

    /** A cash-on-delivery order of two sizes delivered to the address; its id and the cart's. */
    async function placeOrder(address: typeof DELHI_ADDRESS) {
      const kaju = await shopper.variant("kaju-katli", "500 g")
      const cartId = await shopper.createCart([{ variant_id: kaju.id, quantity: 1 }])
      await api.post(`/store/carts/${cartId}`, { email: "priya@example.in", shipping_address: address }, storeHeaders)
      const delivery = (await shopper.shippingOptions(cartId)).find((o) => o.name === "Home delivery")!
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: delivery.id }, storeHeaders)
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, storeHeaders)
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, storeHeaders)
      const done = await shopper.complete(cartId)
      expect(done.status).toBe(200)
      return { orderId: done.data.order.id as string, cartId }
    }

    async function invoiceText(orderId: string) {
      const response = await api.get(`/admin/orders/${orderId}/invoice.pdf`, { ...admin, responseType: "arraybuffer" })
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toBe("application/pdf")
      return pdfTextLines(Buffer.from(response.data)).join("\n")
    }

    async function orderTotal(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,total`, admin)
      return toPaise(data.order.total)!
    }

    /** The figures the PDF prints: taxable value, the taxes and the total add up. */
    function figures(text: string) {
      const pick = (pattern: RegExp) => {
        const found = pattern.exec(text)
        return found ? paiseOf(found[1]) : 0
      }
      return {
        taxable: pick(/Taxable value: (Rs\. [\d,.]+)/),
        cgst: pick(/CGST @ 2\.5%: (Rs\. [\d,.]+)/),
        sgst: pick(/SGST @ 2\.5%: (Rs\. [\d,.]+)/),
        igst: pick(/IGST @ 5%: (Rs\. [\d,.]+)/),
        total: pick(/Invoice total: (Rs\. [\d,.]+)/),
      }
    }

    it("gives a Delhi order a CGST + SGST invoice whose total is the order's, numbered when it is placed", async () => {
      const { orderId } = await placeOrder(DELHI_ADDRESS)
      await events.settled()
      // The order.placed subscriber numbered it already (before anyone asked for the PDF).
      const [numbered] = await getContainer().resolve<any>("invoices").documentsOf(orderId)
      expect(numbered).toMatchObject({ kind: "invoice", order_id: orderId, number: expect.stringMatching(/^SS\/\d{4}-\d{2}\/\d{6}$/) })

      const text = await invoiceText(orderId)
      const total = await orderTotal(orderId)
      const f = figures(text)
      expect(text).toContain("TAX INVOICE")
      expect(text).toContain(`Invoice no.: ${numbered.number}`)
      expect(text).toContain("GSTIN: 07AABCS1234Q1Z5")
      expect(text).toContain("FSSAI licence no.: 13326999000123")
      expect(text).toContain("Priya Sharma")
      expect(text).toContain("Place of supply: Delhi (code 07)")
      expect(text).toContain("1704") // the seed's HSN for kaju katli (sugar confectionery)
      expect(text).not.toContain("IGST")
      expect(f.total).toBe(total)
      expect(text).toContain(`Invoice total: ${rs(total)}`)
      expect(f.cgst).toBeGreaterThan(0)
      expect(f.taxable + f.cgst + f.sgst).toBe(total)
      expect(text).toMatch(/In words: Rupees [A-Za-z ]+Only/)

      // Asked again: the same number.
      expect(await invoiceText(orderId)).toContain(`Invoice no.: ${numbered.number}`)
    })

    it("gives a Noida (Uttar Pradesh) order an IGST invoice whose total is the order's", async () => {
      const { orderId } = await placeOrder(NOIDA_ADDRESS)
      const text = await invoiceText(orderId)
      const total = await orderTotal(orderId)
      const f = figures(text)
      expect(text).toContain("Place of supply: Uttar Pradesh (code 09)")
      expect(text).not.toContain("CGST")
      expect(f.igst).toBeGreaterThan(0)
      expect(f.total).toBe(total)
      expect(f.taxable + f.igst).toBe(total)
    })

    it("lets the shopper download the invoice with the order token only", async () => {
      const { orderId, cartId } = await placeOrder(DELHI_ADDRESS)
      const config = (extra: Record<string, string> = {}) => ({ headers: { ...storeHeaders.headers, ...extra }, validateStatus: () => true, responseType: "arraybuffer" as const })
      const refused = await api.get(`/store/orders/${orderId}/invoice.pdf`, config())
      expect(refused.status).toBe(404)
      expect(Buffer.from(refused.data).toString()).not.toContain("Priya")
      const wrong = await api.get(`/store/orders/${orderId}/invoice.pdf`, config({ "x-order-token": "a.b.c.d.e" }))
      expect(wrong.status).toBe(404)

      const { data: confirmation } = await api.post("/store/order-tracking/confirmations", { cart_id: cartId }, storeHeaders)
      // The tracking token (safe to forward) is not the owner's proof.
      expect((await api.get(`/store/orders/${orderId}/invoice.pdf`, config({ "x-order-token": confirmation.tracking_token }))).status).toBe(404)
      const allowed = await api.get(`/store/orders/${orderId}/invoice.pdf`, config({ "x-order-token": confirmation.order_token }))
      expect(allowed.status).toBe(200)
      expect(allowed.headers["content-type"]).toBe("application/pdf")
      const text = pdfTextLines(Buffer.from(allowed.data)).join("\n")
      expect(text).toContain(`Invoice total: ${rs(await orderTotal(orderId))}`)
    })

    it("keeps the series gap-free under 20 orders numbered at once, each once", async () => {
      const service = getContainer().resolve<any>("invoices")
      // A financial year of its own, so the series starts at 1 whatever the other tests numbered.
      const placedAt = new Date("2030-05-01T06:00:00Z")
      const ids = Array.from({ length: 20 }, (_, i) => `order_concurrent_${i}`)
      // Each order numbered twice at the same moment (the subscriber and a PDF request racing).
      const results = await Promise.all([...ids, ...ids].map((id) => service.invoiceFor(id, 10_500, placedAt)))
      const byOrder = new Map<string, string>()
      for (const doc of results) {
        if (byOrder.has(doc.order_id)) expect(doc.number).toBe(byOrder.get(doc.order_id))
        byOrder.set(doc.order_id, doc.number)
      }
      const sequences = [...new Set(results.map((d: { sequence: number }) => d.sequence))].sort((a, b) => a - b)
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
      expect(byOrder.get("order_concurrent_0")).toMatch(/^SS\/2030-31\/0000\d\d$/)
      const next = await service.invoiceFor("order_after", 10_500, placedAt)
      expect(next.number).toBe("SS/2030-31/000021")
    })

    it("writes a credit note for a refund, in its own series, once per refund", async () => {
      const { orderId } = await placeOrder(NOIDA_ADDRESS)
      const service = getContainer().resolve<any>("invoices")
      const before = await api.get(`/admin/orders/${orderId}/credit-note.pdf`, { ...admin, validateStatus: () => true })
      expect(before.status).toBe(404)
      expect(before.data.code).toBe("credit_note_not_found")
      const total = await orderTotal(orderId)
      const note = await service.creditNoteFor(orderId, `test-refund:${orderId}`, total, new Date())
      const again = await service.creditNoteFor(orderId, `test-refund:${orderId}`, total, new Date())
      expect(again.number).toBe(note.number)
      expect(note.number).toMatch(/^SS\/CN\/\d{4}-\d{2}\/\d{6}$/)
      const response = await api.get(`/admin/orders/${orderId}/credit-note.pdf`, { ...admin, responseType: "arraybuffer" })
      const text = pdfTextLines(Buffer.from(response.data)).join("\n")
      expect(text).toContain("CREDIT NOTE")
      expect(text).toContain(`Credit note no.: ${note.number}`)
      expect(text).toMatch(/Against invoice: SS\/\d{4}-\d{2}\/\d{6}/)
      expect(text).toContain(`Credit total: ${rs(total)}`)
      expect(text).toContain("IGST @ 5%")
    })
  },
})
