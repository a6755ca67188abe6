import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { isRefusalCode, refusalField } from "@sweetshop/shop-contracts"
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
