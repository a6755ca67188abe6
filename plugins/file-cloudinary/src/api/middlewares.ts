import { defineMiddlewares, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { checkImageUpload, DEFAULT_MAX_UPLOAD_BYTES, UploadRejected } from "../lib/image-check"

type UploadedFile = { originalname: string; buffer: Buffer }

function maxUploadBytes(req: MedusaRequest): number {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const plugin = config.plugins?.find((p: any) => typeof p !== "string" && p.resolve === "@sweetshop/file-cloudinary") as
    | { options?: { max_upload_bytes?: number } }
    | undefined
  return plugin?.options?.max_upload_bytes ?? DEFAULT_MAX_UPLOAD_BYTES
}

/**
 * Every file staff upload must be a real image within the size limit, whatever
 * the file provider (Cloudinary or local). All files of a request are checked
 * before any is stored, so a bad one among good ones stores nothing.
 * Runs after Medusa's own multer middleware for the route.
 */
export function checkUploadedImages(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const files = ((req as any).files ?? []) as UploadedFile[]
  const limit = maxUploadBytes(req)
  try {
    for (const file of files) checkImageUpload(file.originalname, file.buffer, limit)
  } catch (error) {
    if (error instanceof UploadRejected) return next(new MedusaError(MedusaError.Types.INVALID_DATA, error.message))
    return next(error)
  }
  next()
}

export default defineMiddlewares({
  routes: [{ method: ["POST"], matcher: "/admin/uploads", middlewares: [checkUploadedImages] }],
})
