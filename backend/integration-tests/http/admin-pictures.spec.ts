import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SubscriberTracker, trackSubscribers } from "../helpers/events"
import { PNG_2X2 } from "../helpers/images"
import { adminHeaders, seedShop } from "../helpers/shopper"

jest.setTimeout(240_000)

/**
 * Product pictures as staff add them in the admin (issue 17, item 13; plugins/file-cloudinary):
 * the media form uploads first, then saves the product with the new pictures' URLs.
 *  - A refused upload (a PDF) is followed by a save with a picture without a URL: the save
 *    answers the upload's own sentence, not Medusa's "Field 'images, 1, url' is required",
 *    and nothing is saved.
 *  - A product given pictures and no thumbnail (the form sends thumbnail: null unless
 *    "Make thumbnail" is ticked) gets its first picture as the thumbnail.
 */
function form(name: string, bytes: Buffer, type: string) {
  const data = new FormData()
  data.append("files", new Blob([new Uint8Array(bytes)], { type }), name)
  return data
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let events: SubscriberTracker

    beforeAll(async () => {
      await seedShop(getContainer())
      events = trackSubscribers(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    const productOf = async (handle: string) =>
      (await api.get(`/admin/products?handle=${handle}&fields=id,thumbnail,*images`, admin)).data.products[0] as {
        id: string
        thumbnail: string | null
        images: { id: string; url: string }[]
      }

    it("answers the refused upload's sentence when the product is then saved with a picture that has no URL", async () => {
      const before = await productOf("kaju-katli")
      const refused = await api.post("/admin/uploads", form("menu.pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "application/pdf"), admin).catch((e: any) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.code).toBe("upload_not_an_image")

      // What the admin's media form sends next: the kept pictures, and the new one without a URL.
      const saved = await api
        .post(`/admin/products/${before.id}`, { images: [...before.images.map((i) => ({ id: i.id, url: i.url })), {}], thumbnail: before.thumbnail }, admin)
        .catch((e: any) => e.response)
      expect(saved.status).toBe(400)
      expect(saved.data).toEqual({
        type: "invalid_data",
        code: "image_not_uploaded",
        field: "images",
        message: `${refused.data.message.replace(/[.\s]+$/, "")}. Nothing was saved: remove that file from the media and save again.`,
      })
      expect(saved.data.message).not.toMatch(/Field 'images/)
      const after = await productOf("kaju-katli")
      expect(after.images.map((i) => i.url)).toEqual(before.images.map((i) => i.url))
    })

    it("makes a new first picture the thumbnail of a product that has none", async () => {
      const product = await productOf("rasgulla")
      const { data } = await api.post("/admin/uploads", form("rasgulla.png", PNG_2X2, "image/png"), admin)
      const url: string = data.files[0].url
      // The media form without "Make thumbnail": the picture, and thumbnail null.
      await api.post(`/admin/products/${product.id}`, { images: [{ url }], thumbnail: null }, admin)
      await events.settled()
      const after = await productOf("rasgulla")
      expect(after.images.map((i) => i.url)).toEqual([url])
      expect(after.thumbnail).toBe(url)
    })

    it("leaves a thumbnail staff chose", async () => {
      const product = await productOf("kaju-katli")
      const first = (await api.post("/admin/uploads", form("one.png", PNG_2X2, "image/png"), admin)).data.files[0].url as string
      const second = (await api.post("/admin/uploads", form("two.png", PNG_2X2, "image/png"), admin)).data.files[0].url as string
      await api.post(`/admin/products/${product.id}`, { images: [{ url: first }, { url: second }], thumbnail: second }, admin)
      await events.settled()
      expect((await productOf("kaju-katli")).thumbnail).toBe(second)
    })
  },
})
