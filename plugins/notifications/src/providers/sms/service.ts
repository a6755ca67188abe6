import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import twilio from "twilio"
import { dltIdsFor, dltRefusal, dltStartWarning, isLiveTwilio, type DltOptions } from "./dlt"

export type TwilioSmsOptions = DltOptions & {
  /** Live mode (DLT ids required); by default, whenever the API host is not this machine (the fake Twilio). */
  live?: boolean
  account_sid: string
  auth_token: string
  /** A Twilio number (+1…) or a Messaging Service SID (MG…). */
  from: string
  /** Another API host: the sandbox's fake Twilio. */
  api_base_url?: string
  timeout_ms?: number
  /** Public URL of /hooks/twilio/status: Twilio reports each SMS's delivery there. */
  status_callback_url?: string
}

/** The `sms` channel on Medusa's notification module, through Twilio's official SDK. */
export default class TwilioSmsProviderService extends AbstractNotificationProviderService {
  static identifier = "twilio-sms"

  protected readonly client: ReturnType<typeof twilio>
  protected readonly options_: TwilioSmsOptions
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["account_sid", "auth_token", "from"]) {
      if (!options?.[key]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `The Twilio SMS provider needs the option ${key}.`)
    }
  }

  constructor({ logger }: { logger: Logger }, options: TwilioSmsOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    this.client = twilio(options.account_sid, options.auth_token, { timeout: options.timeout_ms ?? 10_000 })
    if (options.api_base_url) (this.client.api as any).baseUrl = options.api_base_url
    this.live_ = options.live ?? isLiveTwilio(options.api_base_url)
    // Flagged at start: a template without its DLT id is not sent in live mode.
    const warning = this.live_ ? dltStartWarning(options) : null
    if (warning) this.logger_.warn(`Twilio SMS (live): ${warning}`)
  }

  protected readonly live_: boolean

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const body = notification.content?.text ?? (notification.data?.text as string | undefined)
    if (!body) throw new MedusaError(MedusaError.Types.INVALID_DATA, `SMS ${notification.template} has no text.`)
    const template = notification.template ?? ""
    // India's DLT: in live mode, a template without its DLT template id (or a sender without its entity id) is not sent.
    const refusal = this.live_ ? dltRefusal(this.options_, template) : null
    if (refusal) {
      this.logger_.warn(`Twilio SMS: ${refusal}`)
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
    }
    const dlt = dltIdsFor(this.options_, template)
    if (dlt) this.logger_.debug?.(`Twilio SMS ${template}: DLT entity ${dlt.entity_id}, template ${dlt.template_id}`)
    const from = this.options_.from.startsWith("MG") ? { messagingServiceSid: this.options_.from } : { from: this.options_.from }
    try {
      const callback = this.options_.status_callback_url ? { statusCallback: this.options_.status_callback_url } : {}
      const message = await this.client.messages.create({ to: notification.to, body, ...from, ...callback })
      return { id: message.sid }
    } catch (error: any) {
      // The number is the shopper's: log the failure, not the message.
      this.logger_.warn(`Twilio SMS ${notification.template} failed (${error?.status ?? "no answer"}): ${error?.message ?? error}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Twilio did not take the SMS: ${error?.message ?? "no answer"}`)
    }
  }
}
