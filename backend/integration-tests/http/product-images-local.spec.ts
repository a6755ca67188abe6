import fs from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, seedShop, useFakeBeforeBoot } from "../helpers/shopper"
import { decodePng, PNG_2X2, PNG_HTML_POLYGLOT, pngPixelBomb, streamLargeUpload } from "../helpers/images"

jest.setTimeout(240_000)

/**
 * Product images kept on this machine (no CLOUDINARY_URL: what `npm start`
 * does by default), attacked as in issue 15: an image that is also a web page,
 * a decompression bomb, an SVG, and a body far over the size limit.
 */
const MAX_BYTES = 1024 * 1024
// medusa-config.ts reads UPLOAD_MAX_BYTES when the app boots; set it first, remove it after.
useFakeBeforeBoot(async () => ({ fake: { close: async () => undefined }, env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } }))

const uploadDir = () => process.env.UPLOAD_DIR! // integration-tests/setup.js points it at a temporary folder
const storedFiles = () => (fs.existsSync(uploadDir()) ? fs.readdirSync(uploadDir()).sort() : [])

function form(files: { name: string; bytes: Buffer; type?: string }[]) {
  const data = new FormData()
  for (const file of files) data.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "image/png" }), file.name)
  return data
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedShop(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    const upload = (files: { name: string; bytes: Buffer; type?: string }[]) =>
      api.post("/admin/uploads", form(files), admin).catch((e: any) => e.response)
    /** Fetches a stored file by its URL's path (the URL names MEDUSA_BACKEND_URL's port, not the test server's). */
    const served = (url: string) =>
      api.get(new URL(url).pathname, { responseType: "arraybuffer", validateStatus: () => true })

    it("stores an image that is also a web page (menu.html) as a new PNG under a made name, served as an image with nosniff", async () => {
      const response = await upload([{ name: "menu.html", bytes: PNG_HTML_POLYGLOT, type: "text/html" }])
      expect(response.status).toBe(200)
      const [file] = response.data.files
      const urlPath = new URL(file.url).pathname
      expect(urlPath).toMatch(/^\/static\/images\/\d+-[0-9a-f]{16}\.png$/)
      expect(urlPath).not.toContain("menu")

      const page = await served(file.url)
      expect(page.status).toBe(200)
      expect(page.headers["content-type"]).toBe("image/png")
      expect(page.headers["x-content-type-options"]).toBe("nosniff")
      expect(page.headers["content-security-policy"]).toContain("sandbox")
      const bytes = Buffer.from(page.data)
      // Decodes as a PNG of the same picture, and nothing of the page survived.
      const decoded = decodePng(bytes)
      expect(decoded).toMatchObject({ width: 2, height: 2 })
      expect(decoded.chunks).not.toContain("tEXt")
      expect(bytes.includes("<script")).toBe(false)
      expect(bytes.includes("<html")).toBe(false)
      expect(fs.readFileSync(path.join(uploadDir(), file.id)).equals(bytes)).toBe(true)
    })

    it("serves the seed's drawings as SVG images, and nothing but images from the upload folder", async () => {
      // The shop's own product art (uploaded by the seed through the file module, not by staff).
      const { data } = await api.get("/admin/products?handle=kaju-katli&fields=thumbnail", admin)
      const drawing = await served(data.products[0].thumbnail)
      expect(new URL(data.products[0].thumbnail).pathname).toMatch(/^\/static\/images\/\d+-kaju-katli\.svg$/)
      expect([drawing.status, drawing.headers["content-type"], drawing.headers["x-content-type-options"]]).toEqual([200, "image/svg+xml", "nosniff"])
      expect(drawing.headers["content-security-policy"]).toContain("sandbox")

      // A page left in the folder (by an older version, or by hand) is not served at the images path.
      fs.mkdirSync(uploadDir(), { recursive: true })
      fs.writeFileSync(path.join(uploadDir(), "1700000000000-menu.html"), "<script>fetch('/admin/users')</script>")
      const page = await api.get("/static/images/1700000000000-menu.html", { validateStatus: () => true })
      expect(page.status).toBe(404)
      expect(String(page.headers["content-type"])).not.toContain("text/html")
      for (const tricky of ["..%2Fetc%2Fpasswd", ".hidden.png", "%2e%2e%2f1700000000000-menu.html"]) {
        expect((await api.get(`/static/images/${tricky}`, { validateStatus: () => true })).status).toBe(404)
      }
    })

    it("refuses a PNG claiming 60000 × 60000 pixels with a sentence, and stores nothing", async () => {
      const before = storedFiles()
      const bomb = pngPixelBomb(60000, 60000)
      expect(bomb.length).toBeLessThan(150 * 1024)
      const response = await upload([{ name: "festival-banner.png", bytes: bomb }])
      expect(response.status).toBe(400)
      expect(response.data.message).toBe(
        "festival-banner.png is 60,000 × 60,000 pixels (3,600 megapixels); images can be at most 40 megapixels, for example 8000 × 5000: make it smaller and upload it again."
      )
      expect(storedFiles()).toEqual(before)
    })

    it("refuses an SVG, and stores nothing", async () => {
      const before = storedFiles()
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/admin/users")</script></svg>')
      const response = await upload([{ name: "logo.png", bytes: svg, type: "image/png" }])
      expect(response.status).toBe(400)
      expect(response.data.message).toBe("logo.png is an SVG drawing, which can carry scripts; upload a JPEG, PNG or WebP instead.")
      expect(storedFiles()).toEqual(before)
    })

    it("refuses a 30 MB upload while it is still arriving, and stores nothing", async () => {
      const before = storedFiles()
      const fileBytes = 30 * 1024 * 1024
      const result = await streamLargeUpload(api.defaults.baseURL!, admin.headers, { filename: "huge.png", fileBytes })
      expect(result.status).toBe(413)
      // The answer came while most of the body was still on the client's side: the server never held it.
      expect(result.sentWhenAnswered).toBeLessThan(result.total)
      expect(result.total - result.sentWhenAnswered).toBeGreaterThan(10 * 1024 * 1024)
      expect(result.body.message).toBe("huge.png is larger than 1 MB; images can be at most 1 MB.")
      expect(storedFiles()).toEqual(before)

      // The server goes on serving uploads.
      expect((await upload([{ name: "after.png", bytes: PNG_2X2 }])).status).toBe(200)
    })
  },
})
