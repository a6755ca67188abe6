import { acceptedFormat, checkFileSize, cloudinaryImageUrl, decodeContent, displayName, sniffImage, tooLargeMessage, UploadRejected } from "../image-check"

const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")
const jpeg = Buffer.from("ffd8ffe000104a464946", "hex")
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")])

describe("image upload checks", () => {
  it("knows files by their first bytes", () => {
    expect(sniffImage(png)).toBe("png")
    expect(sniffImage(jpeg)).toBe("jpeg")
    expect(sniffImage(webp)).toBe("webp")
    expect(sniffImage(Buffer.from("GIF89a......"))).toBe("gif")
    expect(sniffImage(Buffer.from("%PDF-1.7"))).toBe("pdf")
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe("svg")
    expect(sniffImage(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- drawn -->\n<svg>'))).toBe("svg")
    expect(sniffImage(Buffer.from("<!DOCTYPE html><script>fetch('/admin/users')</script>"))).toBe("html")
    expect(sniffImage(Buffer.from("just text"))).toBeNull()
  })

  it("takes JPEG, PNG and WebP only, and says what anything else is", () => {
    expect(acceptedFormat("a.jpg", jpeg)).toBe("jpeg")
    expect(acceptedFormat("a.bin", png)).toBe("png")
    expect(acceptedFormat("a", webp)).toBe("webp")
    expect(() => acceptedFormat("logo.svg", Buffer.from("<svg/>"))).toThrow(
      "logo.svg is an SVG drawing, which can carry scripts; upload a JPEG, PNG or WebP instead."
    )
    expect(() => acceptedFormat("party.gif", Buffer.from("GIF89a......"))).toThrow("party.gif is a GIF image; upload a JPEG, PNG or WebP instead.")
    expect(() => acceptedFormat("p.avif", Buffer.from("\0\0\0\x1cftypavif"))).toThrow("p.avif is an AVIF image; upload a JPEG, PNG or WebP instead.")
    expect(() => acceptedFormat("kaju.jpg", Buffer.from("%PDF-1.7"))).toThrow(
      "kaju.jpg is not an image the shop can use; upload a JPEG, PNG or WebP."
    )
  })

  it("quotes file names without control or direction characters, and not too long", () => {
    expect(displayName("menu\u0000\u202e.html")).toBe("menu.html")
    expect(displayName("")).toBe("The file")
    expect(displayName(undefined)).toBe("The file")
    expect(displayName("x".repeat(100))).toBe(`${"x".repeat(77)}...`)
  })

  it("refuses empty and oversized files with their sizes; oversized is 413", () => {
    expect(() => checkFileSize("empty.png", Buffer.alloc(0))).toThrow("empty.png is empty; choose the image file again.")
    const big = Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)])
    expect(() => checkFileSize("big.png", big)).toThrow("big.png is 6.0 MB; images can be at most 5 MB.")
    try {
      checkFileSize("big.png", Buffer.alloc(2048), 1024)
      throw new Error("not refused")
    } catch (error) {
      expect(error).toBeInstanceOf(UploadRejected)
      expect((error as UploadRejected).status).toBe(413)
      expect((error as UploadRejected).message).toMatch(/at most 1 KB/)
    }
    expect(tooLargeMessage("huge.png", 1024 * 1024)).toBe("huge.png is larger than 1 MB; images can be at most 1 MB.")
  })

  it("decodes what Medusa hands the provider", () => {
    expect(decodeContent(png.toString("base64")).equals(png)).toBe(true)
    expect(decodeContent(png.toString("binary")).equals(png)).toBe(true)
  })

  it("sizes Cloudinary delivery URLs and leaves others alone", () => {
    expect(cloudinaryImageUrl("https://res.cloudinary.com/shop/image/upload/v17/sweetshop/products/kaju.png", 400)).toBe(
      "https://res.cloudinary.com/shop/image/upload/f_auto,q_auto,c_limit,w_400/v17/sweetshop/products/kaju.png"
    )
    expect(cloudinaryImageUrl("http://localhost:9000/static/images/kaju.svg", 400)).toBe("http://localhost:9000/static/images/kaju.svg")
  })
})
