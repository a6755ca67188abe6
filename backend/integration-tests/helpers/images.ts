import http from "http"
import { deflateSync, inflateSync } from "zlib"

/** A real 2 × 2 PNG (orange, 8-bit RGB), as an image editor would save it. */
export const PNG_2X2 = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000000970485973000003e8000003e801b57b526b000000124944415408996378b1d8f6c5625b06080500349a0721fe75c6360000000049454e44ae426082",
  "hex"
)

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/**
 * The attack from issue 15: a valid PNG (so a byte check passes) carrying a
 * page twice, in a text chunk and after its end, which a browser told it is
 * HTML would run on the admin's origin.
 */
export const PNG_HTML_POLYGLOT = Buffer.concat([
  PNG_2X2.subarray(0, 33), // signature and IHDR
  pngChunk("tEXt", Buffer.from("Comment\0<script>fetch('/admin/users')</script>", "latin1")),
  PNG_2X2.subarray(33),
  Buffer.from("<html><body><script>fetch('/admin/users').then((r) => r.text()).then(alert)</script></body></html>"),
])

/**
 * A decompression bomb: a valid PNG header claiming width × height 8-bit grey
 * pixels and a tiny compressed start of the pixel data (zeros compress ~1000×).
 */
export function pngPixelBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth; colour type 0 (grey), no interlace
  return Buffer.concat([
    PNG_2X2.subarray(0, 8),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(Buffer.alloc(1024 * 1024))),
    pngChunk("IEND", Buffer.alloc(0)),
  ])
}

/**
 * Decodes a PNG the way a viewer must: the signature, every chunk's CRC, the
 * header, all pixel data inflated to exactly height rows of (1 + width ×
 * bytes per pixel), and nothing after IEND. Throws if any of it is wrong.
 */
export function decodePng(bytes: Buffer): { width: number; height: number; chunks: string[] } {
  if (!bytes.subarray(0, 8).equals(PNG_2X2.subarray(0, 8))) throw new Error("no PNG signature")
  const chunks: string[] = []
  const idat: Buffer[] = []
  let header: { width: number; height: number; bitDepth: number; colourType: number; interlace: number } | undefined
  let offset = 8
  for (;;) {
    const length = bytes.readUInt32BE(offset)
    const type = bytes.subarray(offset + 4, offset + 8).toString("latin1")
    const data = bytes.subarray(offset + 8, offset + 8 + length)
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type}`)
    chunks.push(type)
    if (type === "IHDR") {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colourType: data[9], interlace: data[12] }
    }
    if (type === "IDAT") idat.push(data)
    offset += 12 + length
    if (type === "IEND") break
  }
  if (offset !== bytes.length) throw new Error(`${bytes.length - offset} bytes after IEND`)
  if (!header || header.bitDepth !== 8 || header.interlace !== 0) throw new Error("unexpected PNG header")
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[header.colourType as 0 | 2 | 3 | 4 | 6]
  const pixels = inflateSync(Buffer.concat(idat))
  if (pixels.length !== header.height * (1 + header.width * channels)) throw new Error("pixel data does not match the header")
  return { width: header.width, height: header.height, chunks }
}

/**
 * POSTs one file of `fileBytes` bytes to /admin/uploads as a multipart form,
 * writing it in 64 KB pieces only as fast as the connection takes them, and
 * notes how much had been handed to the connection when the answer came.
 */
export function streamLargeUpload(
  baseUrl: string,
  headers: Record<string, string>,
  { filename, fileBytes }: { filename: string; fileBytes: number }
): Promise<{ status: number; body: any; sentWhenAnswered: number; total: number }> {
  const boundary = `----sweetshop-${Date.now()}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const total = head.length + fileBytes + tail.length
  const piece = Buffer.alloc(64 * 1024, 0)
  PNG_2X2.copy(piece, 0, 0, 8)

  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = http.request(new URL("/admin/uploads", baseUrl), {
      method: "POST",
      headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(total) },
    })
    req.on("response", (res) => {
      answered = true
      const sentWhenAnswered = sent
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => {
        req.destroy()
        const text = Buffer.concat(chunks).toString("utf8")
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, sentWhenAnswered, total })
      })
    })
    req.on("error", (error) => {
      if (!answered) reject(error)
    })
    const pump = () => {
      while (!answered) {
        if (sent === 0) {
          req.write(head)
          sent += head.length
          continue
        }
        const left = total - tail.length - sent
        if (left <= 0) {
          req.end(tail)
          sent += tail.length
          return
        }
        const n = Math.min(piece.length, left)
        sent += n
        if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) {
          req.once("drain", pump)
          return
        }
      }
    }
    pump()
  })
}
