import { hasPictureWithoutUrl, missingPictureSentence, recentRefusal, rememberRefusal, REMEMBER_MS } from "../upload-refusals"

describe("a product saved after a refused upload", () => {
  it("sees a picture without a URL, as the admin's media form sends it", () => {
    expect(hasPictureWithoutUrl({ images: [{ url: "https://x/a.webp" }, {}] })).toBe(true)
    expect(hasPictureWithoutUrl({ images: [{ url: "https://x/a.webp" }, { url: "" }] })).toBe(true)
    expect(hasPictureWithoutUrl({ images: [{ url: "https://x/a.webp", id: "img_1" }] })).toBe(false)
    expect(hasPictureWithoutUrl({ title: "Kaju Katli" })).toBe(false)
    expect(hasPictureWithoutUrl(undefined)).toBe(false)
  })

  it("answers the upload's own sentence to the staff member who uploaded, for a few minutes", () => {
    const now = 1_700_000_000_000
    rememberRefusal("user_1", "invoice.pdf is a PDF, not a picture: upload a JPEG, PNG or WebP.", now)
    expect(recentRefusal("user_1", now + 1000)).toBe("invoice.pdf is a PDF, not a picture: upload a JPEG, PNG or WebP.")
    expect(recentRefusal("user_1", now + REMEMBER_MS + 1)).toBeNull()
    expect(missingPictureSentence(recentRefusal("user_1", now))).toBe(
      "invoice.pdf is a PDF, not a picture: upload a JPEG, PNG or WebP. Nothing was saved: remove that file from the media and save again."
    )
  })

  it("still says what to do when nothing was remembered", () => {
    expect(missingPictureSentence(null)).toBe(
      "One of the files was not uploaded: upload a JPEG, PNG or WebP. Nothing was saved: remove that file from the media and save again."
    )
  })
})
