import { randomBytes } from "crypto"
import sharp from "sharp"
import { acceptedFormat, displayName, STORED_FORMATS, StoredFormat, UploadRejected } from "./image-check"

/**
 * About 40 megapixels (8000 × 5000): more than any product photo needs, and a
 * decoded image of that size already takes some 160 MB of memory.
 */
export const MAX_IMAGE_PIXELS = 40_000_000

export type ReencodedImage = {
  /** A name the shop made: random, with the extension of the format actually stored. */
  filename: string
  bytes: Buffer
  format: StoredFormat
  mimeType: string
  width: number
  height: number
}

const OUTPUT: Record<StoredFormat, (image: sharp.Sharp) => sharp.Sharp> = {
  jpeg: (image) => image.jpeg({ quality: 88 }),
  png: (image) => image.png(),
  webp: (image) => image.webp({ quality: 88 }),
}

const NAMES: Record<StoredFormat, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP" }

/** A random name with the real format's extension; nothing of what staff called the file survives into it. */
export function storedImageName(format: StoredFormat): string {
  return `${randomBytes(8).toString("hex")}.${STORED_FORMATS[format].extension}`
}

function tooManyPixels(name: string, width: number, height: number, maxPixels: number): UploadRejected {
  const megapixels = (n: number) => `${Math.round(n / 1_000_000).toLocaleString("en-IN")} megapixels`
  return new UploadRejected(
    `${name} is ${width.toLocaleString("en-IN")} × ${height.toLocaleString("en-IN")} pixels (${megapixels(width * height)}); ` +
      `images can be at most ${megapixels(maxPixels)}, for example 8000 × 5000: make it smaller and upload it again.`
  )
}

/**
 * Decodes a staff upload and encodes it again in the same format, so what is
 * stored is pixels the shop wrote itself: anything hidden after or inside the
 * image (a script, a second file, EXIF with the phone's location) is gone.
 * The size is read from the header first, so a small file claiming a huge
 * picture (a decompression bomb) is refused before any pixel is decoded.
 */
export async function reencodeImage(filename: string, bytes: Buffer, maxPixels = MAX_IMAGE_PIXELS): Promise<ReencodedImage> {
  const name = displayName(filename)
  const format = acceptedFormat(filename, bytes)
  const unreadable = new UploadRejected(
    `${name} could not be read as a ${NAMES[format]} image; it may be damaged: save it again and upload the new file.`
  )

  let header: sharp.Metadata
  try {
    // The header only: no pixels are decoded here, whatever size it claims.
    header = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch {
    throw unreadable
  }
  const width = header.width ?? 0
  const height = header.height ?? 0
  if (header.format !== format || !width || !height) throw unreadable
  if (width * height > maxPixels) throw tooManyPixels(name, width, height, maxPixels)

  try {
    // rotate() applies the EXIF orientation before the metadata is dropped (sharp keeps none by default).
    const decoded = sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", sequentialRead: true }).rotate()
    const { data, info } = await OUTPUT[format](decoded).toBuffer({ resolveWithObject: true })
    return {
      filename: storedImageName(format),
      bytes: data,
      format,
      mimeType: STORED_FORMATS[format].mimeType,
      width: info.width,
      height: info.height,
    }
  } catch (error) {
    if (/pixel limit/i.test(String((error as Error)?.message))) throw tooManyPixels(name, width, height, maxPixels)
    throw unreadable
  }
}
