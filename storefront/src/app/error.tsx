"use client"

import Link from "next/link"

/** Any failure while drawing a page, most often the shop's server not answering: a clear message and a way on. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" data-testid="error-page">
      <h1>Sorry, the shop is not answering right now</h1>
      <p>We could not load this page. Your cart is safe. Please try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  )
}
