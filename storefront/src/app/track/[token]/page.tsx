import type { Metadata } from "next"
import { TrackLink } from "@/components/track/track-link"
import { readConfig } from "@/lib/server/config"

export const metadata: Metadata = { title: "Your order", robots: { index: false } }

type Props = { params: Promise<{ token: string }> }

/** The page a signed tracking link in the order's messages opens: no typing needed. */
export default async function TrackLinkPage({ params }: Props) {
  const { browserBackendUrl: backendUrl, publishableKey } = readConfig()
  const { token } = await params
  return (
    <>
      <h1>Your order</h1>
      <TrackLink backendUrl={backendUrl} publishableKey={publishableKey} token={token} />
    </>
  )
}
