import type { IncomingMessage } from "http"
import Busboy from "busboy"
import { tooLargeMessage, UploadRejected } from "./image-check"

export type ReceivedFile = { fieldname: string; originalname: string; mimetype: string; buffer: Buffer }

export type UploadLimits = {
  /** Largest file accepted; one byte more and the upload is refused while it is still arriving. */
  maxFileBytes: number
  /** Most files in one request. */
  maxFiles: number
  /** The form field files must come in (Medusa's admin sends "files"). */
  fileField: string
}

/** Text fields are not used by the upload route; a few small ones are tolerated. */
const FIELD_LIMITS = { fields: 20, fieldSize: 16 * 1024, fieldNameSize: 100 }

/**
 * Reads a multipart upload as it streams in, holding at most `maxFileBytes`
 * of any one file: the moment a file passes the limit the promise rejects
 * (413), the rest of the request is read and thrown away, and nothing of it
 * stays in memory. The caller can answer at once, while the client is still
 * sending.
 */
export function readMultipartUpload(
  req: IncomingMessage,
  limits: UploadLimits
): Promise<{ files: ReceivedFile[]; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    let busboy: Busboy.Busboy
    try {
      busboy = Busboy({
        headers: req.headers,
        defParamCharset: "utf8",
        limits: { ...FIELD_LIMITS, files: limits.maxFiles, fileSize: limits.maxFileBytes + 1, parts: limits.maxFiles + FIELD_LIMITS.fields },
      })
    } catch {
      return reject(new UploadRejected("The upload could not be read as a form with files; choose the images and try again."))
    }

    const files: ReceivedFile[] = []
    const fields: Record<string, string> = {}
    let filesReading = 0
    let parsed = false
    let settled = false

    const stop = (error: Error) => {
      if (settled) return
      settled = true
      req.unpipe(busboy)
      busboy.removeAllListeners()
      busboy.on("error", () => undefined)
      files.length = 0
      // Read the rest of the body and drop it, so the connection can carry the answer and stay usable.
      req.resume()
      reject(error)
    }
    const finishIfDone = () => {
      if (!settled && parsed && filesReading === 0) {
        settled = true
        resolve({ files, fields })
      }
    }

    busboy.on("file", (fieldname, stream, info) => {
      if (fieldname !== limits.fileField) {
        stream.resume()
        return stop(new UploadRejected(`Send the images in the form field named ${limits.fileField}.`))
      }
      filesReading += 1
      const chunks: Buffer[] = []
      stream.on("data", (chunk: Buffer) => {
        if (!settled) chunks.push(chunk)
      })
      stream.on("limit", () => {
        chunks.length = 0
        stop(new UploadRejected(tooLargeMessage(info.filename, limits.maxFileBytes), 413))
      })
      stream.on("error", (error) => stop(error))
      stream.on("end", () => {
        filesReading -= 1
        if (settled) return
        files.push({ fieldname, originalname: info.filename ?? "", mimetype: info.mimeType, buffer: Buffer.concat(chunks) })
        finishIfDone()
      })
    })
    busboy.on("field", (name, value) => {
      fields[name] = value
    })
    busboy.on("filesLimit", () => stop(new UploadRejected(`Upload at most ${limits.maxFiles} images at a time.`)))
    busboy.on("fieldsLimit", () => stop(new UploadRejected("The upload has more form fields than an image upload needs.")))
    busboy.on("partsLimit", () => stop(new UploadRejected("The upload has more parts than an image upload needs.")))
    busboy.on("error", () => stop(new UploadRejected("The upload could not be read as a form with files; choose the images and try again.")))
    busboy.on("close", () => {
      parsed = true
      finishIfDone()
    })
    req.on("aborted", () => stop(new Error("The upload was cancelled before it finished.")))
    req.pipe(busboy)
  })
}
