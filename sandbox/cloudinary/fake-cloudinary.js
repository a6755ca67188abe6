// A fake Cloudinary for tests and the sandbox. It speaks the parts of the
// wire format the shop uses, so the official SDK talks to it unchanged:
//   POST /v1_1/:cloud/image/upload    multipart, signed; answers like Cloudinary
//   POST /v1_1/:cloud/image/destroy   signed; { result: "ok" | "not found" }
//   GET  /:cloud/image/upload/[transformations/][vN/]public_id[.ext]   the stored bytes
//   POST /__fake/fail-uploads?count=N the next N uploads answer 500 (failure drills)
// Run alone: node sandbox/cloudinary/fake-cloudinary.js [port]  (key "sandbox-key", secret "sandbox-secret", cloud "sweetshop-sandbox")
"use strict"
const crypto = require("crypto")
const http = require("http")

const FORMATS = [
  ["jpg", "image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8],
  ["png", "image/png", (b) => b[0] === 0x89 && b.subarray(1, 4).toString() === "PNG"],
  ["gif", "image/gif", (b) => b.subarray(0, 3).toString() === "GIF"],
  ["webp", "image/webp", (b) => b.subarray(8, 12).toString() === "WEBP"],
  ["svg", "image/svg+xml", (b) => /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(b.subarray(0, 256).toString("utf8"))],
]

/** Width and height from the image's own header, as Cloudinary reports them; null when unknown (SVG). */
function dimensions(format, b) {
  if (format === "png" && b.length >= 24) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (format === "gif" && b.length >= 10) return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
  if (format === "webp" && b.length >= 30) {
    const kind = b.subarray(12, 16).toString("latin1")
    if (kind === "VP8 ") return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
    if (kind === "VP8L") {
      const bits = b.readUInt32LE(21)
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
    }
    if (kind === "VP8X") return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 }
  }
  if (format === "jpg") {
    // The first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC) holds the size.
    let at = 2
    while (at + 9 < b.length && b[at] === 0xff) {
      const marker = b[at + 1]
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { width: b.readUInt16BE(at + 7), height: b.readUInt16BE(at + 5) }
      }
      at += 2 + b.readUInt16BE(at + 2)
    }
  }
  return null
}

function parseMultipart(body, contentType) {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || "")
  if (!match) return {}
  const boundary = Buffer.from(`--${match[1] || match[2]}`)
  const fields = {}
  let start = body.indexOf(boundary)
  while (start !== -1) {
    const next = body.indexOf(boundary, start + boundary.length)
    if (next === -1) break
    const part = body.subarray(start + boundary.length + 2, next - 2)
    const split = part.indexOf("\r\n\r\n")
    if (split !== -1) {
      const headers = part.subarray(0, split).toString("utf8")
      const name = /name="([^"]+)"/i.exec(headers)?.[1]
      const isFile = /filename="/i.test(headers)
      const value = part.subarray(split + 4)
      if (name) fields[name] = isFile ? value : value.toString("utf8")
    }
    start = next
  }
  return fields
}

/** Cloudinary's request signature: sha1 of the sorted params and the secret. */
function sign(params, secret) {
  const skip = new Set(["file", "cloud_name", "resource_type", "api_key", "signature"])
  const payload = Object.keys(params)
    .filter((k) => !skip.has(k) && params[k] !== undefined && params[k] !== "")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&")
  return crypto.createHash("sha1").update(payload + secret).digest("hex")
}

function startFakeCloudinary({ port = 0, cloudName = "sweetshop-sandbox", apiKey = "sandbox-key", apiSecret = "sandbox-secret" } = {}) {
  const images = new Map()
  let failUploads = 0
  const requests = []

  const server = http.createServer((req, res) => {
    const chunks = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const url = new URL(req.url, "http://fake")
      const body = Buffer.concat(chunks)
      const json = (status, value) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(value))
      }
      requests.push({ method: req.method, path: url.pathname })

      if (req.method === "POST" && url.pathname === "/__fake/fail-uploads") {
        failUploads = Number(url.searchParams.get("count") || 1)
        return json(200, { fail_uploads: failUploads })
      }

      const api = /^\/v1_1\/([^/]+)\/image\/(upload|destroy)$/.exec(url.pathname)
      if (req.method === "POST" && api) {
        if (api[1] !== cloudName) return json(404, { error: { message: `Unknown cloud ${api[1]}` } })
        const params = parseMultipart(body, req.headers["content-type"])
        if (params.api_key !== apiKey) return json(401, { error: { message: "Unknown API key" } })
        if (params.signature !== sign(params, apiSecret)) return json(401, { error: { message: "Invalid Signature" } })
        if (api[2] === "destroy") {
          const existed = images.delete(params.public_id)
          return json(200, { result: existed ? "ok" : "not found" })
        }
        if (failUploads > 0) {
          failUploads -= 1
          return json(500, { error: { message: "General Error" } })
        }
        const bytes = Buffer.isBuffer(params.file) ? params.file : Buffer.from(String(params.file || ""), "utf8")
        const kind = FORMATS.find(([, , test]) => bytes.length > 12 && test(bytes))
        if (!kind) return json(400, { error: { message: "Invalid image file" } })
        const publicId = [params.folder, params.public_id || crypto.randomBytes(10).toString("hex")].filter(Boolean).join("/")
        const version = Math.floor(Date.now() / 1000)
        const size = dimensions(kind[0], bytes)
        images.set(publicId, { bytes, format: kind[0], mimeType: kind[1], version, ...size })
        const base = `http://${req.headers.host}/${cloudName}/image/upload`
        // The fields of Cloudinary's documented upload response (Upload API reference, "Sample response").
        return json(200, {
          asset_id: crypto.randomBytes(16).toString("hex"),
          public_id: publicId,
          version,
          version_id: crypto.randomBytes(16).toString("hex"),
          signature: crypto.randomBytes(20).toString("hex"),
          ...(size ?? {}),
          format: kind[0],
          resource_type: "image",
          created_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
          tags: [],
          pages: 1,
          bytes: bytes.length,
          type: "upload",
          etag: crypto.createHash("md5").update(bytes).digest("hex"),
          placeholder: false,
          url: `${base}/v${version}/${publicId}.${kind[0]}`,
          secure_url: `${base}/v${version}/${publicId}.${kind[0]}`,
          asset_folder: params.folder || "",
          display_name: publicId.split("/").pop(),
          original_filename: publicId.split("/").pop(),
          api_key: apiKey,
        })
      }

      const delivery = new RegExp(`^/${cloudName}/image/upload/(.+)$`).exec(url.pathname)
      if (req.method === "GET" && delivery) {
        // Drop transformation and version segments, and the extension.
        const segments = delivery[1].split("/").filter((s) => !/^([a-z]{1,2}_[^/]+,?)+$/.test(s) && !/^v\d+$/.test(s))
        const publicId = segments.join("/").replace(/\.[a-z0-9]+$/i, "")
        const image = images.get(publicId)
        if (!image) {
          res.writeHead(404, { "x-cld-error": "Resource not found" })
          return res.end()
        }
        res.writeHead(200, { "content-type": image.mimeType, "content-length": image.bytes.length })
        return res.end(image.bytes)
      }
      json(404, { error: { message: `The fake Cloudinary does not know ${req.method} ${url.pathname}` } })
    })
  })

  return new Promise((resolve, reject) => {
    // A port already taken (a shop running on the default port) rejects, so the caller can take another.
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => {
      const address = server.address()
      const url = `http://127.0.0.1:${address.port}`
      resolve({
        url,
        cloudName,
        apiKey,
        apiSecret,
        images,
        requests,
        /** The options the shop's Cloudinary provider needs to talk to this fake. */
        providerOptions: { cloud_name: cloudName, api_key: apiKey, api_secret: apiSecret, upload_prefix: url, delivery_base_url: url },
        failNextUploads(count = 1) {
          failUploads = count
        },
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

module.exports = { startFakeCloudinary, sign }

if (require.main === module) {
  startFakeCloudinary({ port: Number(process.argv[2] || 9400) }).then((fake) => {
    process.stdout.write(`Fake Cloudinary (test mode) at ${fake.url}\nCLOUDINARY_URL=cloudinary://${fake.apiKey}:${fake.apiSecret}@${fake.cloudName}?upload_prefix=${encodeURIComponent(fake.url)}\n`)
  })
}
