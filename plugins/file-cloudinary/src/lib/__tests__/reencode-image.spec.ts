import { deflateSync } from "zlib"
import sharp from "sharp"
import { reencodeImage, storedImageName } from "../reencode-image"
import { UploadRejected } from "../image-check"

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  let crc = 0xffffffff
  for (const byte of Buffer.concat([Buffer.from(type, "latin1"), data])) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const sum = Buffer.alloc(4)
  sum.writeUInt32BE((crc ^ 0xffffffff) >>> 0)
  return Buffer.concat([length, Buffer.from(type, "latin1"), data, sum])
}

/** A valid PNG header claiming width × height grey pixels, with a tiny compressed start of its data. */
export function pixelBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  const signature = Buffer.from("89504e470d0a1a0a", "hex")
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(64 * 1024))), chunk("IEND", Buffer.alloc(0))])
}

describe("re-encoding staff uploads", () => {
  it("stores the pixels only: a script after the PNG is gone, the name is made, the extension is the format's", async () => {
    const png = await sharp({ create: { width: 3, height: 2, channels: 3, background: "#e0a030" } }).png().toBuffer()
    const polyglot = Buffer.concat([png, Buffer.from("<html><script>fetch('/admin/users')</script></html>")])
    const image = await reencodeImage("menu.html", polyglot)
    expect(image).toMatchObject({ format: "png", mimeType: "image/png", width: 3, height: 2 })
    expect(image.filename).toMatch(/^[0-9a-f]{16}\.png$/)
    expect(image.bytes.includes("script")).toBe(false)
    expect((await sharp(image.bytes).metadata()).format).toBe("png")
  })

  it("drops EXIF (a phone's location) and turns the picture the way EXIF said", async () => {
    const jpeg = await sharp({ create: { width: 4, height: 2, channels: 3, background: "#fff" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: "Sweet phone" } })
      .toBuffer()
    expect((await sharp(jpeg).metadata()).exif).toBeDefined()
    const image = await reencodeImage("photo.jpg", jpeg)
    const meta = await sharp(image.bytes).metadata()
    expect(meta.exif).toBeUndefined()
    expect([meta.width, meta.height, image.filename.endsWith(".jpg")]).toEqual([2, 4, true])
  })

  it("refuses a file claiming too many pixels before decoding it", async () => {
    const bomb = pixelBomb(60000, 60000)
    expect(bomb.length).toBeLessThan(2048)
    await expect(reencodeImage("bomb.png", bomb)).rejects.toThrow(
      "bomb.png is 60,000 × 60,000 pixels (3,600 megapixels); images can be at most 40 megapixels, for example 8000 × 5000: make it smaller and upload it again."
    )
    await expect(reencodeImage("small-limit.png", pixelBomb(100, 100), 5000)).rejects.toBeInstanceOf(UploadRejected)
  })

  it("refuses a damaged image with a sentence", async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#123" } }).png().toBuffer()
    await expect(reencodeImage("cut.png", png.subarray(0, 60))).rejects.toThrow(
      "cut.png could not be read as a PNG image; it may be damaged: save it again and upload the new file."
    )
  })

  it("makes a different name every time", () => {
    expect(storedImageName("webp")).toMatch(/^[0-9a-f]{16}\.webp$/)
    expect(storedImageName("jpeg")).not.toBe(storedImageName("jpeg"))
  })
})
