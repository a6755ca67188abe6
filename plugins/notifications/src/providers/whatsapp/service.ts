import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { graphRecipient } from "../../lib/whatsapp-recipient"

export type WhatsAppCloudOptions = {
  access_token: string
  phone_number_id: string
  /** https://graph.facebook.com by default; the sandbox's fake Graph in tests and test mode. */
  graph_base_url?: string
  api_version?: string
  /** Language code of the approved templates (en, en_US, hi…). */
  template_language?: string
  timeout_ms?: number
  /**
   * The approved (utility) template names of this WhatsApp Business account (WHATSAPP_TEMPLATE_NAMES), by the
   * shop's message ("order-status.confirmed": one per status) or by the shop's template name
   * ("order_status_update"); anything not named here is sent under the shop's own name.
   */
  template_names?: Record<string, string>
}

/**
 * What the shop asks WhatsApp to send, kept in the notification's `data.whatsapp`:
 * an approved template (business-initiated, any time) or a free text (a reply
 * inside the 24-hour window the customer opened by writing).
 */
export type WhatsAppMessage =
  | { type: "template"; name: string; parameters: string[]; language?: string }
  | { type: "text"; body: string }

/** The `whatsapp` channel on Medusa's notification module: Meta's Cloud API with plain fetch. */
export default class WhatsAppCloudProviderService extends AbstractNotificationProviderService {
  static identifier = "whatsapp-cloud"

  protected readonly options_: WhatsAppCloudOptions
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["access_token", "phone_number_id"]) {
      if (!options?.[key]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `The WhatsApp provider needs the option ${key}.`)
    }
  }

  constructor({ logger }: { logger: Logger }, options: WhatsAppCloudOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
  }

  /** The JSON body of `POST /{version}/{phone_number_id}/messages`. */
  requestBody(to: string, message: WhatsAppMessage) {
    // A phone number goes in `to` (international form; E.164 without the plus is what Graph echoes back),
    // a business-scoped user id (a user known only by it) in `recipient`.
    const recipient = graphRecipient(to)
    if (message.type === "text") {
      return { messaging_product: "whatsapp", recipient_type: "individual", ...recipient, type: "text", text: { preview_url: false, body: message.body } }
    }
    return {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      ...recipient,
      type: "template",
      template: {
        name: message.name,
        language: { code: message.language ?? this.options_.template_language ?? "en" },
        components: message.parameters.length
          ? [{ type: "body", parameters: message.parameters.map((text) => ({ type: "text", text })) }]
          : [],
      },
    }
  }

  /** The template under the name approved for this message: per status ("order-status.confirmed"), per shop template, or the shop's own. */
  approvedName(template: string, message: WhatsAppMessage): WhatsAppMessage {
    if (message.type !== "template") return message
    const names = this.options_.template_names ?? {}
    const name = names[template] ?? names[message.name] ?? message.name
    return name === message.name ? message : { ...message, name }
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const message = (notification.data as any)?.whatsapp as WhatsAppMessage | undefined
    if (!message?.type) throw new MedusaError(MedusaError.Types.INVALID_DATA, `WhatsApp ${notification.template} has no message.`)
    const base = (this.options_.graph_base_url ?? "https://graph.facebook.com").replace(/\/+$/, "")
    const url = `${base}/${this.options_.api_version ?? "v21.0"}/${encodeURIComponent(this.options_.phone_number_id)}/messages`
    let response: Response
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${this.options_.access_token}`, "content-type": "application/json" },
        body: JSON.stringify(this.requestBody(notification.to, this.approvedName(notification.template ?? "", message))),
        signal: AbortSignal.timeout(this.options_.timeout_ms ?? 10_000),
      })
    } catch (error: any) {
      const reason = error?.name === "TimeoutError" ? `no answer within ${this.options_.timeout_ms ?? 10_000} ms` : error?.message ?? String(error)
      this.logger_.warn(`WhatsApp ${notification.template} failed: ${reason}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `WhatsApp did not take the message: ${reason}`)
    }
    const body: any = await response.json().catch(() => ({}))
    const id = body?.messages?.[0]?.id
    if (!response.ok || !id) {
      // Graph's error says what went wrong (never echo the token; the number stays out of the log).
      const reason = `${response.status} ${body?.error?.message ?? "unexpected answer"}${body?.error?.code ? ` (code ${body.error.code})` : ""}`
      this.logger_.warn(`WhatsApp ${notification.template} failed: ${reason}`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `WhatsApp did not take the message: ${reason}`)
    }
    return { id }
  }
}
