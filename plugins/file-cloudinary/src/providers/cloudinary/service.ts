import http from "http"
import path from "path"
import { PassThrough, Readable } from "stream"
import type { FileTypes, Logger } from "@medusajs/framework/types"
import { AbstractFileProviderService, MedusaError } from "@medusajs/framework/utils"
import { v2 as cloudinary, UploadApiResponse } from "cloudinary"
import { checkFileSize, decodeContent, DEFAULT_MAX_UPLOAD_BYTES, UploadRejected } from "../../lib/image-check"

export type CloudinaryOptions = {
  cloud_name: string
  api_key: string
  api_secret: string
  /** Folder the shop's images go into, e.g. "sweetshop/products". */
  folder?: string
  /** Another upload host (tests and the sandbox use the fake at sandbox/cloudinary). */
  upload_prefix?: string
  /** Where images are delivered from; default https://res.cloudinary.com (the fake serves its own). */
  delivery_base_url?: string
  max_upload_bytes?: number
}

type SdkError = { message?: string; http_code?: number; error?: { message?: string } }

/**
 * Medusa's file module on Cloudinary, through the official SDK. Files are
 * public product images: the key is Cloudinary's public_id, the URL its
 * secure delivery URL.
 */
export default class CloudinaryFileProviderService extends AbstractFileProviderService {
  static identifier = "cloudinary"

  protected readonly options_: Required<Pick<CloudinaryOptions, "folder" | "max_upload_bytes">> & CloudinaryOptions
  protected readonly logger_: Logger
  /** The SDK chooses http or https once; a plain-http host (the fake) needs an http agent on every call. */
  protected readonly agent_?: http.Agent

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["cloud_name", "api_key", "api_secret"]) {
      if (!options?.[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The Cloudinary file provider needs the option ${key}.`)
      }
    }
  }

  constructor({ logger }: { logger: Logger }, options: CloudinaryOptions) {
    super()
    this.logger_ = logger
    this.options_ = { folder: "sweetshop/products", max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES, ...options }
    cloudinary.config({
      cloud_name: options.cloud_name,
      api_key: options.api_key,
      api_secret: options.api_secret,
      secure: true,
      ...(options.upload_prefix ? { upload_prefix: options.upload_prefix } : {}),
    })
    if (options.upload_prefix?.startsWith("http:")) {
      this.agent_ = new http.Agent({ keepAlive: true })
    }
  }

  private callOptions() {
    return this.agent_ ? { agent: this.agent_ } : {}
  }

  /** A Cloudinary failure in one sentence for staff; the details go to the log, never a secret. */
  private failure(action: string, error: unknown): MedusaError {
    const sdk = error as SdkError
    const detail = sdk?.error?.message ?? sdk?.message ?? String(error)
    this.logger_.error(`Cloudinary ${action} failed (${sdk?.http_code ?? "no answer"}): ${detail}`)
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Cloudinary could not ${action} the image just now, so nothing was saved; please try again in a minute.`
    )
  }

  private publicIdFor(filename: string): string {
    const base = path
      .parse(filename || "image")
      .name.toLowerCase()
      .replace(/[^a-z0-9-_]+/g, "-")
      .replace(/^-+|-+$/g, "")
    return `${base || "image"}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  }

  private uploadBuffer(bytes: Buffer, filename: string): Promise<UploadApiResponse> {
    return new Promise((resolve, reject) => {
      const stream = cloudinary.uploader.upload_stream(
        {
          ...this.callOptions(),
          folder: this.options_.folder,
          public_id: this.publicIdFor(filename),
          resource_type: "image",
          overwrite: false,
        },
        (error, result) => (error || !result ? reject(error ?? new Error("no answer")) : resolve(result))
      )
      stream.on("error", reject)
      stream.end(bytes)
    })
  }

  async upload(file: FileTypes.ProviderUploadFileDTO): Promise<FileTypes.ProviderFileResultDTO> {
    const bytes = decodeContent(file.content)
    // Staff uploads are checked for real image content at the upload route
    // (src/api/middlewares.ts); the shop's own files (the seed's drawn SVGs) come here directly.
    try {
      checkFileSize(file.filename, bytes, this.options_.max_upload_bytes)
    } catch (error) {
      if (error instanceof UploadRejected) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      throw error
    }
    try {
      const result = await this.uploadBuffer(bytes, file.filename)
      return { url: result.secure_url, key: result.public_id }
    } catch (error) {
      throw this.failure("store", error)
    }
  }

  async delete(files: FileTypes.ProviderDeleteFileDTO | FileTypes.ProviderDeleteFileDTO[]): Promise<void> {
    for (const file of Array.isArray(files) ? files : [files]) {
      try {
        // "not found" is fine: the image is gone either way.
        await cloudinary.uploader.destroy(file.fileKey, { ...this.callOptions(), resource_type: "image", invalidate: true })
      } catch (error) {
        throw this.failure("delete", error)
      }
    }
  }

  /** Product images are public: their delivery URL is the download URL. */
  async getPresignedDownloadUrl(fileData: FileTypes.ProviderGetFileDTO): Promise<string> {
    const base = (this.options_.delivery_base_url ?? "https://res.cloudinary.com").replace(/\/$/, "")
    return `${base}/${this.options_.cloud_name}/image/upload/${fileData.fileKey}`
  }

  async getAsBuffer(fileData: FileTypes.ProviderGetFileDTO): Promise<Buffer> {
    const response = await fetch(await this.getPresignedDownloadUrl(fileData))
    if (!response.ok) throw this.failure("fetch", { http_code: response.status, message: response.statusText })
    return Buffer.from(await response.arrayBuffer())
  }

  async getDownloadStream(fileData: FileTypes.ProviderGetFileDTO): Promise<Readable> {
    return Readable.from(await this.getAsBuffer(fileData))
  }

  async getUploadStream(fileData: FileTypes.ProviderUploadStreamDTO) {
    // Cloudinary needs the whole image to check and store it; collect, check, then upload.
    const writeStream = new PassThrough()
    const chunks: Buffer[] = []
    writeStream.on("data", (chunk: Buffer) => chunks.push(chunk))
    const fileKey = this.publicIdFor(fileData.filename)
    const promise = new Promise<FileTypes.ProviderFileResultDTO>((resolve, reject) => {
      writeStream.on("error", reject)
      writeStream.on("end", () => {
        this.upload({ filename: fileData.filename, mimeType: fileData.mimeType, content: Buffer.concat(chunks).toString("base64") })
          .then(resolve, reject)
      })
    })
    return { writeStream, promise, url: "", fileKey }
  }
}
