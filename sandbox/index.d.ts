/// <reference types="node" />

export type FakeCloudinary = {
  url: string
  cloudName: string
  apiKey: string
  apiSecret: string
  /** What has been uploaded, by public_id. */
  images: Map<string, { bytes: Buffer; format: string; mimeType: string; version: number }>
  requests: { method: string; path: string }[]
  providerOptions: {
    cloud_name: string
    api_key: string
    api_secret: string
    upload_prefix: string
    delivery_base_url: string
  }
  /** The next `count` uploads answer 500, as Cloudinary does when it fails. */
  failNextUploads(count?: number): void
  close(): Promise<void>
}

export function startFakeCloudinary(options?: {
  port?: number
  cloudName?: string
  apiKey?: string
  apiSecret?: string
}): Promise<FakeCloudinary>
