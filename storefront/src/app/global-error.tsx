"use client"

/** A failure in the layout itself: the page is drawn here without the shop's header. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-IN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", background: "#fffaf0", color: "#2b1b12" }}>
        <main>
          <h1>Sorry, the shop is not answering right now</h1>
          <p>Please try again in a moment.</p>
          <button type="button" onClick={() => reset()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  )
}
