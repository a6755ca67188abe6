import localFont from "next/font/local"

/**
 * Noto Sans Devanagari (@fontsource/noto-sans-devanagari, OFL), self-hosted by next/font: gift
 * messages and other Hindi text render as Hindi, not boxes, on a device without a Devanagari
 * font. Its faces cover only the Devanagari block (unicode-range), so a browser downloads them
 * only for a page that shows Hindi; Latin letters in the same text keep the page's own font.
 */
export const devanagari = localFont({
  src: [
    { path: "../../node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../../node_modules/@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-600-normal.woff2", weight: "600", style: "normal" },
  ],
  variable: "--font-devanagari",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: "unicode-range", value: "U+0900-097F, U+1CD0-1CF9, U+200C-200D, U+20A8, U+20B9, U+25CC, U+A830-A839, U+A8E0-A8FF" }],
})
