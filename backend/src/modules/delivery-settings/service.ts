import { MedusaService } from "@medusajs/framework/utils"
import { DeliveryBooking } from "./models/booking"
import { ClosedDay } from "./models/closed-day"
import { DeliveryArea } from "./models/delivery-area"
import { DeliverySlot } from "./models/delivery-slot"
import { Festival, FestivalBooking } from "./models/festival"
import { ProductLeadTime } from "./models/lead-time"
import { PickupHours } from "./models/pickup-hours"

/**
 * The shop's delivery settings, edited by staff in the admin (Delivery settings page):
 * areas, slots per weekday with cut-off and capacity, closed days, the counter's pickup hours
 * per weekday, lead times per product,
 * festivals taking pre-orders; and the places taken in each slot and festival day (bookings).
 * The rules that read them are in backend/src/lib/rules/delivery-days.ts and festivals.ts;
 * taking a place atomically is in backend/src/lib/flows/delivery-settings.ts (SQL under an
 * advisory lock).
 */
export default class DeliverySettingsModuleService extends MedusaService({
  DeliveryArea,
  DeliverySlot,
  ClosedDay,
  PickupHours,
  ProductLeadTime,
  DeliveryBooking,
  Festival,
  FestivalBooking,
}) {}
