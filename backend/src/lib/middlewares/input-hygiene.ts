import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { isRefusalCode, type RefusalCode, refusalField } from "@sweetshop/shop-contracts"
import { requestRefusal } from "../rules/input-hygiene"

/**
 * The middleware: answers 400 `{ type: "invalid_data", code, message }` for a
 * refused request and passes every other one on untouched.
 */
export function refuseUnhygienicInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const refusal = requestRefusal({ method: req.method, originalUrl: req.originalUrl, query: req.query, body: req.body })
  if (!refusal) return next()
  res.status(400).json({ type: "invalid_data", code: refusal.code, message: refusal.message })
}

const medusaErrorHandler = errorHandler()

/** What Medusa's locking providers (in-process and Redis) throw when a lock stays taken past the wait. */
const LOCK_TAKEN = /^(Timed-out acquiring lock\.|Failed to acquire lock for key ".*")$/

/**
 * The shop's error handler: Medusa's own, except for a path Express could not
 * percent-decode while matching a route with a parameter (/admin/x/%E0%A4).
 * Medusa registers a few wildcard middlewares of its own ("/admin*") before
 * the hygiene rule, and Express throws a URIError marked 400 there, which
 * Medusa's handler would answer as a 500 "unknown error".
 */
export function answerMalformedUrls(error: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (error instanceof URIError && (error as URIError & { status?: number }).status === 400 && !res.headersSent) {
    res.status(400).json({ type: "invalid_data", code: "malformed_url", message: "The address has a malformed percent-encoding; please check the link." })
    return
  }
  // Two requests changing the same cart (or draft) at once: Medusa's workflows lock it and give up after a
  // few seconds. Its Redis locking says so as a 409; its in-process locking (no REDIS_URL) throws a bare
  // Error, which Medusa's handler would answer as a 500. Both get the same 409 with a sentence and a code.
  if (typeof error?.message === "string" && LOCK_TAKEN.test(error.message) && !res.headersSent) {
    res.status(409).json({ type: "conflict", code: "busy" satisfies RefusalCode, message: "Another request is changing this at the same moment; please try again in a few seconds." })
    return
  }
  return medusaErrorHandler(error, req, withRefusalField(res), next)
}

/**
 * A shop refusal (a MedusaError whose code is one of shop-contracts' refusal codes) is answered
 * with the form field it concerns beside the code and the sentence: `{ type, code, message, field }`.
 */
function withRefusalField(res: MedusaResponse): MedusaResponse {
  const json = res.json.bind(res)
  res.json = ((body: any) => json(body && typeof body === "object" && isRefusalCode(body.code) ? { ...body, field: refusalField(body.code) } : body)) as MedusaResponse["json"]
  return res
}
