import { checkImageUpload, cloudinaryImageUrl, decodeContent, sniffImage, UploadRejected } from "../image-check"

const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")
const jpeg = Buffer.from("ffd8ffe000104a464946", "hex")
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")])

describe("image upload checks", () => {
  it("knows images by their first bytes", () => {
    expect(sniffImage(png)?.mimeType).toBe("image/png")
    expect(sniffImage(jpeg)?.mimeType).toBe("image/jpeg")
    expect(sniffImage(webp)?.mimeType).toBe("image/webp")
    expect(sniffImage(Buffer.from("GIF89a......"))?.format).toBe("gif")
    expect(sniffImage(Buffer.from("%PDF-1.7"))).toBeNull()
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull()
  })

  it("refuses a non-image even when it is named like one", () => {
    expect(() => checkImageUpload("kaju.jpg", Buffer.from("%PDF-1.7 not a photo"))).toThrow(UploadRejected)
    expect(() => checkImageUpload("kaju.jpg", Buffer.from("%PDF-1.7"))).toThrow(
      "kaju.jpg is not an image the shop can use; upload a JPEG, PNG, WebP, AVIF or GIF."
    )
  })

  it("refuses empty and oversized files with their sizes", () => {
    expect(() => checkImageUpload("empty.png", Buffer.alloc(0))).toThrow("empty.png is empty; choose the image file again.")
    const big = Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)])
    expect(() => checkImageUpload("big.png", big)).toThrow("big.png is 6.0 MB; images can be at most 5 MB.")
    expect(() => checkImageUpload("big.png", Buffer.concat([png, Buffer.alloc(2048)]), 1024)).toThrow(/at most 1 KB/)
  })

  it("accepts a real image within the limit", () => {
    expect(checkImageUpload("ok.png", png).format).toBe("png")
  })

  it("decodes what Medusa hands the provider", () => {
    expect(decodeContent(png.toString("base64")).equals(png)).toBe(true)
    expect(decodeContent(png.toString("binary")).equals(png)).toBe(true)
  })

  it("sizes Cloudinary delivery URLs and leaves others alone", () => {
    expect(cloudinaryImageUrl("https://res.cloudinary.com/shop/image/upload/v17/sweetshop/products/kaju.png", 400)).toBe(
      "https://res.cloudinary.com/shop/image/upload/f_auto,q_auto,c_limit,w_400/v17/sweetshop/products/kaju.png"
    )
    expect(cloudinaryImageUrl("http://localhost:9000/static/kaju.svg", 400)).toBe("http://localhost:9000/static/kaju.svg")
  })
})
