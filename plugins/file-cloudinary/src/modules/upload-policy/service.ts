export type UploadPolicyOptions = {
  /** The largest file staff may upload, in bytes (UPLOAD_MAX_BYTES); any file provider. */
  max_upload_bytes?: number
}

/**
 * The plugin's options, given to this module in medusa-config.ts: the upload checks
 * (src/api/middlewares.ts) resolve it instead of scanning the config's plugin list.
 */
export default class UploadPolicyModuleService {
  readonly options: UploadPolicyOptions

  constructor(_container: Record<string, unknown>, options?: UploadPolicyOptions) {
    this.options = options ?? {}
  }
}
