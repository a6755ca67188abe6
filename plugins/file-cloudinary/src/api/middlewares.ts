import { once } from "events"
import type { Readable } from "stream"
import { defineMiddlewares, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { checkFileSize, DEFAULT_MAX_UPLOAD_BYTES, UploadRejected } from "../lib/image-check"
import { readMultipartUpload } from "../lib/read-uploads"
import { reencodeImage } from "../lib/reencode-image"
import { SERVED_PATH, servedContentType, servedFileHeaders } from "../lib/served-files"
import { hasPictureWithoutUrl, missingPictureSentence, recentRefusal, rememberRefusal } from "../lib/upload-refusals"
import { UPLOAD_POLICY_MODULE } from "../modules/upload-policy"
import type UploadPolicyModuleService from "../modules/upload-policy/service"

/** Most images in one upload request (each is held in memory, up to the size limit, until it is re-encoded). */
export const MAX_FILES_PER_UPLOAD = 10

type ConfigModule = {
  plugins?: unknown[]
  modules?: Record<string, { resolve?: string; options?: { providers?: { resolve?: string }[] } } | boolean | undefined>
}

function config(req: MedusaRequest): ConfigModule {
  return req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as ConfigModule
}

function maxUploadBytes(req: MedusaRequest): number {
  const policy = req.scope.resolve(UPLOAD_POLICY_MODULE, { allowUnregistered: true }) as UploadPolicyModuleService | undefined
  return policy?.options.max_upload_bytes ?? DEFAULT_MAX_UPLOAD_BYTES
}

/** True when files are kept on this machine (Medusa's local provider, also Medusa's default). */
function keepsFilesLocally(req: MedusaRequest): boolean {
  const fileModule = config(req).modules?.[Modules.FILE]
  const providers = typeof fileModule === "object" ? fileModule.options?.providers ?? [] : []
  return !providers.length || providers.some((p) => /file-local$/.test(p.resolve ?? ""))
}

const actorOf = (req: MedusaRequest) => (req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id ?? null

function refuse(req: MedusaRequest, res: MedusaResponse, error: UploadRejected) {
  rememberRefusal(actorOf(req), error.message)
  res.status(error.status).json({ type: "invalid_data", code: error.status === 413 ? "upload_too_large" : "upload_not_an_image", message: error.message })
}

/**
 * POST /admin/products and /admin/products/:id with a picture that has no URL: the admin's
 * media form after a refused upload (lib/upload-refusals.ts). Answers the upload's own
 * sentence, and nothing is saved, instead of Medusa's "Field 'images, 1, url' is required".
 */
export function explainRefusedPictures(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // Registered without a method (so it runs before Medusa's own validation of the body, which
  // is already parsed by then): only a product's create or update is looked at.
  const path = (req.originalUrl ?? req.url ?? "").split("?")[0]
  if (req.method !== "POST" || !/^\/admin\/products(\/prod_[A-Za-z0-9]+)?\/?$/.test(path)) return next()
  if (!hasPictureWithoutUrl(req.body)) return next()
  res.status(400).json({ type: "invalid_data", code: "image_not_uploaded", field: "images", message: missingPictureSentence(recentRefusal(actorOf(req))) })
}

/**
 * Every file staff upload, whatever the provider (Cloudinary or local), is
 * read here as it streams in and refused the moment it passes the size limit;
 * then each must be a JPEG, PNG or WebP by its bytes, within the pixel limit,
 * and is decoded and encoded again under a name the shop makes. Only then
 * does Medusa's upload route store the files; one bad file stores none.
 *
 * Registered without a method so Medusa runs it before its own route
 * middleware (multer, which would hold the whole body in memory first).
 */
export async function guardImageUploads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "POST" || (req.path !== "/" && req.path !== "")) return next()
  if (!/^multipart\/form-data/i.test(req.headers["content-type"] ?? "")) return next()

  const maxBytes = maxUploadBytes(req)
  try {
    const received = await readMultipartUpload(req, { maxFileBytes: maxBytes, maxFiles: MAX_FILES_PER_UPLOAD, fileField: "files" })
    const files = []
    // One at a time: a decoded image can take far more memory than its file.
    for (const file of received.files) {
      checkFileSize(file.originalname, file.buffer, maxBytes)
      const image = await reencodeImage(file.originalname, file.buffer)
      files.push({
        fieldname: file.fieldname,
        originalname: image.filename,
        encoding: "7bit",
        mimetype: image.mimeType,
        buffer: image.bytes,
        size: image.bytes.length,
      })
    }
    ;(req as any).files = files
    req.body = received.fields
    // The body has been read. Without these headers Medusa's multer, next on this
    // route, sees a request without a body and leaves req.files as set here.
    delete req.headers["content-length"]
    delete req.headers["transfer-encoding"]
    next()
  } catch (error) {
    if (error instanceof UploadRejected) return refuse(req, res, error)
    next(error)
  }
}

/**
 * GET /static/images/:key: a file the local provider stored, with the content
 * type its extension names (images only), nosniff and a sandboxing policy.
 * Medusa's own static server at /static runs before any middleware and cannot
 * be given headers, so the local provider's URLs point here (medusa-config.ts);
 * no folder is called "images", so Medusa's static server passes them on.
 */
export async function serveStoredImage(req: MedusaRequest, res: MedusaResponse) {
  const key = req.params.key ?? ""
  const contentType = servedContentType(key)
  const notFound = () => res.status(404).json({ type: "not_found", message: "There is no such image." })
  if (!contentType || !keepsFilesLocally(req)) return notFound()
  let stream: Readable
  try {
    stream = await req.scope.resolve(Modules.FILE).getDownloadStream(key)
    await once(stream, "open")
  } catch {
    return notFound()
  }
  res.set(servedFileHeaders(contentType))
  stream.on("error", () => res.destroy())
  stream.pipe(res)
}

export default defineMiddlewares({
  routes: [
    { matcher: "/admin/uploads", middlewares: [guardImageUploads] },
    { matcher: "/admin/products", middlewares: [explainRefusedPictures] },
    { method: ["GET"], matcher: `${SERVED_PATH}/:key`, middlewares: [serveStoredImage] },
  ],
})
