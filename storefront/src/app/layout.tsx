import type { Metadata, Viewport } from "next"
import type { ReactNode } from "react"
import "./globals.css"
import { SiteHeader } from "@/components/layout/site-header"
import { readConfig } from "@/lib/server/config"
import { devanagari } from "./fonts"

export async function generateMetadata(): Promise<Metadata> {
  const { siteUrl } = readConfig()
  return {
    metadataBase: new URL(siteUrl),
    title: { default: "Sweet Shop: fresh Indian sweets, delivered", template: "%s | Sweet Shop" },
    description: "Kaju katli, rasgulla, laddoos and gift boxes made fresh in our Chandni Chowk kitchen. Order by weight or by the piece; cash on delivery.",
    openGraph: { type: "website", siteName: "Sweet Shop", locale: "en_IN" },
  }
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#7a1f2b" }

export default function RootLayout({ children }: { children: ReactNode }) {
  const { fssaiLicence } = readConfig()
  return (
    <html lang="en-IN" className={devanagari.variable}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>Sweet Shop, 12 Halwai Gali, Chandni Chowk, New Delhi 110006. Prices include 5% GST. Delivery is charged by area (free above an order value), shown at checkout.</p>
            {fssaiLicence && (
              <p data-testid="fssai-licence">
                <abbr title="Food Safety and Standards Authority of India">FSSAI</abbr> licence no. {fssaiLicence}
              </p>
            )}
            <p className="footer-links">
              <a href="/track">Track your order</a> · <a href="/my-orders">My orders</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
