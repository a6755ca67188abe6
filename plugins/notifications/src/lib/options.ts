import type { MedusaContainer } from "@medusajs/framework/types"
import { NOTIFICATION_ATTEMPTS_MODULE } from "../modules/notification-attempts"
import type { Language } from "./templates"

/** The plugin's options (medusa-config.ts, from the environment). */
export type NotificationsPluginOptions = {
  /** The channels that have a provider (sms, whatsapp): messages go only to these. */
  channels?: string[]
  /** Staff number (E.164) for low-stock alerts. */
  staff_phone?: string
  /** Language of customer messages: en (default) or hi. */
  language?: Language
  /** WhatsApp webhook: the app secret that signs deliveries, and the token of the verification handshake. */
  whatsapp_app_secret?: string
  whatsapp_verify_token?: string
  /** Twilio status callbacks: the auth token that signs them, and the public URL Twilio calls. */
  twilio_auth_token?: string
  twilio_status_callback_url?: string
  /** Twilio's account and API host (the fake's in the sandbox): a message left pending by a stopped process is looked up in Twilio's log. */
  twilio_account_sid?: string
  twilio_api_base_url?: string
  /** A try still marked in flight after this many seconds was left by a process that stopped mid-send (default 300). */
  in_flight_seconds?: number
  /** The "ready for pickup" message: where the counter is and when it is open (SHOP_PICKUP_ADDRESS, SHOP_PICKUP_HOURS; the hours only for an order without its day's hours, which the checkout writes on it). */
  pickup_address?: string
  pickup_hours?: string
}

export const PLUGIN_NAME = "@sweetshop/notifications"


/** The plugin's options, as medusa-config.ts gives them to its notification-attempts module. */
export function pluginOptions(container: { resolve: MedusaContainer["resolve"] }): NotificationsPluginOptions {
  return (container.resolve(NOTIFICATION_ATTEMPTS_MODULE) as { options?: NotificationsPluginOptions }).options ?? {}
}

/** Channels that can send; without the option, SMS only (the first part's behaviour). */
export function activeChannels(options: NotificationsPluginOptions): string[] {
  return options.channels ?? ["sms"]
}

/** How long a try may be in flight before it is taken to have been left by a stopped process. */
export function inFlightMs(options: NotificationsPluginOptions): number {
  return (options.in_flight_seconds ?? 300) * 1000
}
