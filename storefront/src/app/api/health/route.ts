/** Liveness of the storefront itself (npm start and the tests wait for it); says nothing about the backend. */
export function GET() {
  return Response.json({ ok: true })
}
