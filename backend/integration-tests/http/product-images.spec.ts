import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeCloudinary, startFakeCloudinary } from "@sweetshop/sandbox"
import { adminHeaders, seedShop, shopperFor, useFakeBeforeBoot } from "../helpers/shopper"
import { decodePng, PNG_2X2, PNG_HTML_POLYGLOT, pngPixelBomb } from "../helpers/images"

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

const PNG = PNG_2X2

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
      // A name the shop made, with the format's extension.
      expect(file.url).toMatch(new RegExp(`^${fake.url}/${fake.cloudName}/image/upload/v\\d+/sweetshop/products/[0-9a-f]{16}-[a-z0-9]+\\.png$`))
      const stored = fake.images.get(file.id)!
      expect(decodePng(stored.bytes)).toMatchObject({ width: 2, height: 2 })
      expect([stored.format, stored.width, stored.height]).toEqual(["png", 2, 2])

      // The stored bytes come back from the delivery URL.
      const served = Buffer.from(await (await fetch(file.url)).arrayBuffer())
      expect(served.equals(stored.bytes)).toBe(true)

      // Staff attach it to a product, as the admin's media form does.
      const kaju = await shopperFor(api, storeHeaders).variant("kaju-katli", "250 g")
      await api.post(`/admin/products/${kaju.product_id}`, { thumbnail: file.url, images: [{ url: file.url }] }, admin)
      const { data } = await api.get(`/store/products/${kaju.product_id}?fields=thumbnail,*images`, storeHeaders)
      expect(data.product.thumbnail).toBe(file.url)
      expect(data.product.images.map((i: { url: string }) => i.url)).toEqual([file.url])
    })

    it("sends Cloudinary the re-encoded image, not the bytes staff uploaded", async () => {
      const response = await upload([{ name: "menu.html", bytes: PNG_HTML_POLYGLOT, type: "text/html" }])
      expect(response.status).toBe(200)
      const [file] = response.data.files
      expect(file.url).not.toContain("menu")
      const stored = fake.images.get(file.id)!
      expect(stored.format).toBe("png")
      const decoded = decodePng(stored.bytes)
      expect(decoded).toMatchObject({ width: 2, height: 2 })
      expect(decoded.chunks).not.toContain("tEXt")
      expect(stored.bytes.includes("<script")).toBe(false)
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
      ["a PDF named like a photo", [{ name: "menu.jpg", bytes: Buffer.from("%PDF-1.7 the festival menu"), type: "image/jpeg" }], 400, "menu.jpg is not an image the shop can use; upload a JPEG, PNG or WebP."],
      ["an SVG", [{ name: "logo.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: "image/svg+xml" }], 400, "logo.svg is an SVG drawing, which can carry scripts; upload a JPEG, PNG or WebP instead."],
      ["a GIF", [{ name: "diwali.gif", bytes: Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), type: "image/gif" }], 400, "diwali.gif is a GIF image; upload a JPEG, PNG or WebP instead."],
      ["a PNG claiming 60000 × 60000 pixels", [{ name: "bomb.png", bytes: pngPixelBomb(60000, 60000) }], 400, "bomb.png is 60,000 × 60,000 pixels (3,600 megapixels); images can be at most 40 megapixels, for example 8000 × 5000: make it smaller and upload it again."],
      ["a damaged PNG", [{ name: "cut.png", bytes: PNG.subarray(0, 50) }], 400, "cut.png could not be read as a PNG image; it may be damaged: save it again and upload the new file."],
      ["an empty file", [{ name: "empty.png", bytes: Buffer.alloc(0) }], 400, "empty.png is empty; choose the image file again."],
      ["a file over the limit", [{ name: "huge.png", bytes: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) }], 413, "huge.png is larger than 1 MB; images can be at most 1 MB."],
      ["a good image with a bad one", [{ name: "good.png", bytes: PNG }, { name: "notes.png", bytes: Buffer.from("just text") }], 400, "notes.png is not an image the shop can use; upload a JPEG, PNG or WebP."],
    ])("refuses %s with a sentence and stores nothing", async (_, files, status, message) => {
      const response = await upload(files)
      expect(response.status).toBe(status)
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
