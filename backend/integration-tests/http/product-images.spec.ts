import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeCloudinary, startFakeCloudinary } from "@sweetshop/sandbox"
import { adminHeaders, seedShop, shopperFor, useFakeBeforeBoot } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * Product images on Cloudinary: the official SDK inside the shop talks to the
 * fake Cloudinary in sandbox/ over HTTP, the way it talks to the real one.
 */
type Fake = FakeCloudinary
let fake: Fake

// Before the app boots, so medusa-config.ts picks the Cloudinary provider.
useFakeBeforeBoot(async () => {
  fake = await startFakeCloudinary()
  const query = `upload_prefix=${encodeURIComponent(fake.url)}&delivery_base_url=${encodeURIComponent(fake.url)}`
  return {
    fake,
    env: {
      CLOUDINARY_URL: `cloudinary://${fake.apiKey}:${fake.apiSecret}@${fake.cloudName}?${query}`,
      UPLOAD_MAX_BYTES: String(1024 * 1024),
    },
  }
})

// A real 1 × 1 PNG.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f2a1e20000000049454e44ae426082",
  "hex"
)

function form(files: { name: string; bytes: Buffer; type?: string }[]) {
  const data = new FormData()
  for (const file of files) data.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "image/png" }), file.name)
  return data
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let storeHeaders: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      storeHeaders = await seedShop(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
      fake.images.clear()
    })

    const upload = (files: { name: string; bytes: Buffer; type?: string }[]) =>
      api.post("/admin/uploads", form(files), admin).catch((e: any) => e.response)

    it("stores an admin upload in Cloudinary, and the product shows its URL", async () => {
      const response = await upload([{ name: "Kaju Katli Box.png", bytes: PNG }])
      expect(response.status).toBe(200)
      const [file] = response.data.files
      expect(file.url).toMatch(new RegExp(`^${fake.url}/${fake.cloudName}/image/upload/v\\d+/sweetshop/products/kaju-katli-box-[a-z0-9]+\\.png$`))
      expect(fake.images.get(file.id)?.bytes.equals(PNG)).toBe(true)

      // The stored bytes come back from the delivery URL.
      const served = Buffer.from(await (await fetch(file.url)).arrayBuffer())
      expect(served.equals(PNG)).toBe(true)

      // Staff attach it to a product, as the admin's media form does.
      const kaju = await shopperFor(api, storeHeaders).variant("kaju-katli", "250 g")
      await api.post(`/admin/products/${kaju.product_id}`, { thumbnail: file.url, images: [{ url: file.url }] }, admin)
      const { data } = await api.get(`/store/products/${kaju.product_id}?fields=thumbnail,*images`, storeHeaders)
      expect(data.product.thumbnail).toBe(file.url)
      expect(data.product.images.map((i: { url: string }) => i.url)).toEqual([file.url])
    })

    it("deletes the image from Cloudinary", async () => {
      const { data } = await upload([{ name: "peda.png", bytes: PNG }])
      const [file] = data.files
      expect(fake.images.has(file.id)).toBe(true)

      const deleted = await api.delete(`/admin/uploads/${encodeURIComponent(file.id)}`, admin)
      expect(deleted.status).toBe(200)
      expect(fake.images.has(file.id)).toBe(false)
      expect((await fetch(file.url)).status).toBe(404)
    })

    it.each([
      ["a PDF named like a photo", [{ name: "menu.jpg", bytes: Buffer.from("%PDF-1.7 the festival menu"), type: "image/jpeg" }], "menu.jpg is not an image the shop can use; upload a JPEG, PNG, WebP, AVIF or GIF."],
      ["an SVG", [{ name: "logo.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: "image/svg+xml" }], "logo.svg is not an image the shop can use; upload a JPEG, PNG, WebP, AVIF or GIF."],
      ["an empty file", [{ name: "empty.png", bytes: Buffer.alloc(0) }], "empty.png is empty; choose the image file again."],
      ["a file over the limit", [{ name: "huge.png", bytes: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) }], "huge.png is 1.0 MB; images can be at most 1 MB."],
      ["a good image with a bad one", [{ name: "good.png", bytes: PNG }, { name: "notes.png", bytes: Buffer.from("just text") }], "notes.png is not an image the shop can use; upload a JPEG, PNG, WebP, AVIF or GIF."],
    ])("refuses %s with a 400 and stores nothing", async (_, files, message) => {
      const response = await upload(files)
      expect(response.status).toBe(400)
      expect(response.data.message).toBe(message)
      expect(fake.images.size).toBe(0)
    })

    it("tells staff clearly when Cloudinary fails, and nothing is half-made", async () => {
      const kaju = await shopperFor(api, storeHeaders).variant("kaju-katli", "250 g")
      const before = (await api.get(`/admin/products/${kaju.product_id}?fields=thumbnail,*images`, admin)).data.product

      fake.failNextUploads(1)
      const response = await upload([{ name: "kaju.png", bytes: PNG }])
      expect(response.status).toBe(500)
      expect(response.data.message).toBe(
        "Cloudinary could not store the image just now, so nothing was saved; please try again in a minute."
      )
      expect(fake.images.size).toBe(0)
      const after = (await api.get(`/admin/products/${kaju.product_id}?fields=thumbnail,*images`, admin)).data.product
      expect(after.thumbnail).toBe(before.thumbnail)
      expect(after.images).toEqual(before.images)

      // The next try goes through.
      const retry = await upload([{ name: "kaju.png", bytes: PNG }])
      expect(retry.status).toBe(200)
      expect(fake.images.size).toBe(1)
    })

    it("never sends the Cloudinary API secret to the browser", async () => {
      const response = await upload([{ name: "secret-check.png", bytes: PNG }])
      expect(JSON.stringify(response.data)).not.toContain(fake.apiSecret)
    })
  },
})
