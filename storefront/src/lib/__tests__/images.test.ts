import { DEFAULT_SWEET_IMAGE, imageSources, isCloudinaryUrl, sizedImageUrl } from "../images"

const cloudinary = "https://res.cloudinary.com/sweetshop/image/upload/v17/sweetshop/products/kaju.png"
const fake = "http://127.0.0.1:9440/sweetshop-sandbox/image/upload/v3/sweetshop/products/kaju.jpg"
const local = "http://localhost:9000/static/1732512000-kaju-katli.svg"

describe("product pictures", () => {
  it("knows Cloudinary's delivery URLs, its own host and the fake's", () => {
    expect(isCloudinaryUrl(cloudinary)).toBe(true)
    expect(isCloudinaryUrl(fake)).toBe(true)
    expect(isCloudinaryUrl(local)).toBe(false)
    expect(isCloudinaryUrl("https://res.cloudinary.com/sweetshop/raw/upload/menu.pdf")).toBe(false)
    expect(isCloudinaryUrl("/sweet-placeholder.svg")).toBe(false)
  })

  it("asks Cloudinary for a sized version: format and quality chosen by it, never upscaled", () => {
    expect(sizedImageUrl(cloudinary, 480)).toBe("https://res.cloudinary.com/sweetshop/image/upload/f_auto,q_auto,c_limit,w_480/v17/sweetshop/products/kaju.png")
    expect(sizedImageUrl(fake, 320)).toBe("http://127.0.0.1:9440/sweetshop-sandbox/image/upload/f_auto,q_auto,c_limit,w_320/v3/sweetshop/products/kaju.jpg")
    expect(sizedImageUrl(local, 320)).toBe(local)
  })

  it("a card's picture: sized sources with the layout's sizes", () => {
    const sources = imageSources(cloudinary, 300, "(min-width: 760px) 260px, 50vw")
    expect(sources.src).toContain("/f_auto,q_auto,c_limit,w_600/")
    expect(sources.sizes).toBe("(min-width: 760px) 260px, 50vw")
    expect(sources.srcSet?.split(", ").map((s) => s.split(" ")[1])).toEqual(["160w", "320w", "480w", "640w"])
    expect(sources.srcSet).toContain("/f_auto,q_auto,c_limit,w_160/v17/sweetshop/products/kaju.png 160w")
  })

  it("a picture that is not Cloudinary's as it is; none at all is the shop's default", () => {
    expect(imageSources(local, 300, "50vw")).toEqual({ src: local })
    expect(imageSources(null, 300, "50vw")).toEqual({ src: DEFAULT_SWEET_IMAGE })
    expect(imageSources("", 300, "50vw")).toEqual({ src: DEFAULT_SWEET_IMAGE })
  })
})
