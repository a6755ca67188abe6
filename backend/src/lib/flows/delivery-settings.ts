import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { FESTIVAL_KEY, type RefusalCode } from "@sweetshop/shop-contracts"
import type { Knex } from "knex"
import { readShopEnv } from "../../config/env"
import { DELIVERY_SETTINGS_MODULE } from "../../modules/delivery-settings"
import type DeliverySettingsModuleService from "../../modules/delivery-settings/service"
import type { ServedRange } from "../rules/delivery-area"
import { addDays, type DaySettings, dayLabel, dayRefusal, findSlot, LISTED_DAYS, pickupDay, pickupHoursOf, pickupRefusal, shopToday, type SlotSetting, slotRefusal, slotsOf } from "../rules/delivery-days"
import { type FestivalSetting, festivalFullMessage, festivalRefusal, storeFestival } from "../rules/festivals"

/**
 * The delivery settings as the rules read them, from the delivery settings module, read
 * afresh on every check (a few small tables): what staff change in the admin holds at once,
 * in every process, without a restart or a cache to clear.
 */

export function deliverySettings(container: MedusaContainer): DeliverySettingsModuleService {
  return container.resolve<DeliverySettingsModuleService>(DELIVERY_SETTINGS_MODULE)
}

/** The active areas as served ranges; each single pincode of an area's list is a range of one. */
export async function servedRanges(container: MedusaContainer): Promise<ServedRange[]> {
  const areas = await deliverySettings(container).listDeliveryAreas({ active: true }, { order: { created_at: "ASC" } })
  return areas.flatMap((a: any) => {
    const ranges: ServedRange[] = []
    const base = {
      area: a.name as string,
      area_id: a.id as string,
      city: a.city as string,
      state: a.state as string,
      charge_rupees: Number(a.delivery_charge_rupees),
      free_above_rupees: a.free_above_rupees == null ? null : Number(a.free_above_rupees),
    }
    if (a.pincode_from != null && a.pincode_to != null) ranges.push({ from: Number(a.pincode_from), to: Number(a.pincode_to), ...base })
    for (const p of (Array.isArray(a.pincodes) ? a.pincodes : []) as unknown[]) {
      const n = Number(p)
      if (Number.isInteger(n)) ranges.push({ from: n, to: n, ...base })
    }
    return ranges
  })
}

/** Slots (active ones), the counter's pickup hours (active ones) and closed days. */
export async function daySettings(container: MedusaContainer): Promise<DaySettings> {
  const service = deliverySettings(container)
  const [slots, pickup, closed] = await Promise.all([service.listDeliverySlots({ active: true }), service.listPickupHours({ active: true }), service.listClosedDays({})])
  return {
    pickup_hours: pickup.map((h: any) => ({ weekday: Number(h.weekday), opens_at: h.opens_at, closes_at: h.closes_at, active: h.active })),
    slots: slots.map((s: any) => ({
      weekday: Number(s.weekday),
      code: s.code,
      label: s.label,
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      cutoff_minutes: Number(s.cutoff_minutes),
      capacity: Number(s.capacity),
      active: s.active,
    })),
    closed_days: closed.map((c: any) => ({ day: c.day, reason: c.reason })),
  }
}

/**
 * The products of a cart or of a staff order's draft (an id starting "order_": a draft order
 * is judged as a cart is), each with its units: grams for a sweet sold by weight (a line's
 * quantity × its variant's grams, the link to its pool kept by gram-inventory), pieces otherwise.
 */
async function linesOf(container: MedusaContainer, ownerId: string): Promise<{ product_id: string; title: string; units: number }[]> {
  const { rows } = ownerId.startsWith("order_")
    ? await knexOf(container).raw(
        `select li.product_id, max(li.product_title) as title, sum(oi.quantity * coalesce(pvii.required_quantity, 1))::float as units
           from "order" o
           join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
           join order_line_item li on li.id = oi.item_id
           left join product_variant_inventory_item pvii on pvii.variant_id = li.variant_id and pvii.deleted_at is null
          where o.id = ? and li.product_id is not null
          group by li.product_id`,
        [ownerId]
      )
    : await knexOf(container).raw(
        `select ci.product_id, max(ci.product_title) as title, sum(ci.quantity * coalesce(pvii.required_quantity, 1))::float as units
           from cart_line_item ci
           left join product_variant_inventory_item pvii on pvii.variant_id = ci.variant_id and pvii.deleted_at is null
          where ci.cart_id = ? and ci.deleted_at is null and ci.product_id is not null
          group by ci.product_id`,
        [ownerId]
      )
  return (rows as any[]).map((r) => ({ product_id: r.product_id as string, title: r.title as string, units: Number(r.units) }))
}

type DemandLine = { product_id: string; title: string; units: number }

/**
 * What a cart or draft order asks of the kitchen, read once per check: its lines (units per
 * product), its longest lead time in hours (0 when no product has one), and the kitchen
 * capacities of its products that have one.
 */
type CartDemand = { lines: DemandLine[]; lead_hours: number; limits: { product_id: string; units: number }[] }

async function cartDemand(container: MedusaContainer, cartId: string | null | undefined): Promise<CartDemand> {
  const lines = cartId ? await linesOf(container, cartId) : []
  if (!lines.length) return { lines, lead_hours: 0, limits: [] }
  const rows = await deliverySettings(container).listProductLeadTimes({ product_id: lines.map((l) => l.product_id) })
  return {
    lines,
    lead_hours: rows.reduce((max: number, l: any) => Math.max(max, Number(l.lead_hours) || 0), 0),
    limits: rows.filter((l: any) => l.kitchen_capacity_units != null).map((l: any) => ({ product_id: l.product_id as string, units: Number(l.kitchen_capacity_units) })),
  }
}

function knexOf(container: MedusaContainer): Knex {
  return container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
}

/** How long a place is held for a cart not yet ordered (a shopper paying online): the payment hold, at least 15 minutes. */
export function holdMinutes(): number {
  return Math.max(15, readShopEnv(process.env).PAYMENT_HOLD_MINUTES)
}

/**
 * Places are seats in a ledger: delivery_booking (a slot's places, grouped by slot_code) and
 * festival_booking (a festival day's pre-orders, grouped by festival_id), the same columns
 * otherwise, written by the same code.
 */
type Ledger = { table: "delivery_booking" | "festival_booking"; group: "slot_code" | "festival_id"; prefix: string }
const SLOT_SEATS: Ledger = { table: "delivery_booking", group: "slot_code", prefix: "dbook" }
const FESTIVAL_SEATS: Ledger = { table: "festival_booking", group: "festival_id", prefix: "fbook" }

/**
 * A place is ordered when its cart is completed, or, for a staff order's place (keyed by
 * the draft order's id), when the draft has become an order. The cart and order tables are
 * Medusa's modules', in the same database.
 */
const ORDERED = `(exists (select 1 from cart c where c.id = b.cart_id and c.completed_at is not null)
  or exists (select 1 from "order" o where o.id = b.cart_id and o.is_draft_order = false and o.deleted_at is null))`

/** A place counts while it is ordered, or while its hold lasts. */
const COUNTED = `(b.held_until is null or b.held_until > now() or ${ORDERED})`

/** Places taken per "day/group" (slot code or festival id) for these days. */
async function seatsTaken(container: MedusaContainer, ledger: Ledger, days: string[]): Promise<Map<string, number>> {
  const taken = new Map<string, number>()
  if (!days.length) return taken
  const { rows } = await knexOf(container).raw(
    `select b.day, b.${ledger.group} as grp, count(*)::int as n from ${ledger.table} b
      where b.deleted_at is null and b.day = any(?) and ${COUNTED} group by b.day, b.${ledger.group}`,
    [days]
  )
  for (const r of rows as any[]) taken.set(`${r.day}/${r.grp}`, r.n)
  return taken
}

/** Places taken per "day/slot_code" for these days. */
export function placesTaken(container: MedusaContainer, days: string[]): Promise<Map<string, number>> {
  return seatsTaken(container, SLOT_SEATS, days)
}

/** Pre-orders taken per "day/festival_id" for these days. */
export function festivalPlacesTaken(container: MedusaContainer, days: string[]): Promise<Map<string, number>> {
  return seatsTaken(container, FESTIVAL_SEATS, days)
}

export type Place = { id: string; day: string; seat: number; kept: boolean; slot_code?: string; festival_id?: string }

/**
 * Takes a seat for a cart in a group (a slot, a festival) on a day, atomically: under a
 * transaction-scoped advisory lock per (ledger, day, group), counts the places that count and
 * takes the lowest free seat, or throws `full()`. The unique (day, group, seat) index stands
 * behind the lock. A cart holding a place in this group on this day already keeps it (a
 * checkout pressed again, the cart completed after paying online); a place it held elsewhere
 * in the ledger is freed. Expired holds of carts never ordered are cleared first.
 */
async function takeSeat(
  container: MedusaContainer,
  ledger: Ledger,
  input: { cart_id: string; day: string; group: string; capacity: number; full: () => Error; hold_minutes?: number }
): Promise<Place> {
  const { cart_id, day, group, capacity } = input
  const { table, group: column } = ledger
  const heldUntil = new Date(Date.now() + (input.hold_minutes ?? holdMinutes()) * 60_000)
  const place = (id: string, seat: number, kept: boolean): Place => ({ id, day, seat, kept, [column]: group })
  return knexOf(container).transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext(?))`, [`${table}:${day}:${group}`])
    const { rows: own } = await trx.raw(`select id, day, ${column} as grp, seat from ${table} where cart_id = ? and deleted_at is null`, [cart_id])
    const mine = (own as any[])[0]
    if (mine && mine.day === day && mine.grp === group) {
      await trx.raw(`update ${table} set held_until = ?, updated_at = now() where id = ?`, [heldUntil, mine.id])
      return place(mine.id, mine.seat, true)
    }
    if (mine) await trx.raw(`delete from ${table} where id = ?`, [mine.id])
    await trx.raw(
      `delete from ${table} b where b.day = ? and b.${column} = ? and b.held_until is not null and b.held_until <= now()
          and not ${ORDERED}`,
      [day, group]
    )
    const { rows: counted } = await trx.raw(
      `select count(*)::int as n from ${table} b where b.deleted_at is null and b.day = ? and b.${column} = ? and ${COUNTED}`,
      [day, group]
    )
    if ((counted[0]?.n ?? 0) >= capacity) throw input.full()
    const { rows: free } = await trx.raw(
      `select s::int as seat from generate_series(1, ?::int) s
        where not exists (select 1 from ${table} b where b.day = ? and b.${column} = ? and b.seat = s and b.deleted_at is null)
        order by s limit 1`,
      [capacity + (counted[0]?.n ?? 0) + 1, day, group]
    )
    const id = generateEntityId(undefined, ledger.prefix)
    await trx.raw(
      `insert into ${table} (id, day, ${column}, seat, cart_id, held_until, created_at, updated_at) values (?, ?, ?, ?, ?, ?, now(), now())`,
      [id, day, group, free[0].seat, cart_id, heldUntil]
    )
    return place(id, free[0].seat as number, false)
  })
}

/** A place for a cart in a slot on a day (slot_full when none is left): see takeSeat. */
export function takePlace(container: MedusaContainer, input: { cart_id: string; day: string; slot: SlotSetting; hold_minutes?: number }): Promise<Place> {
  const { slot } = input
  return takeSeat(container, SLOT_SEATS, {
    cart_id: input.cart_id,
    day: input.day,
    hold_minutes: input.hold_minutes,
    group: slot.code,
    capacity: slot.capacity,
    full: () =>
      new MedusaError(MedusaError.Types.NOT_ALLOWED, `The ${slot.label} slot on ${dayLabel(input.day)} is full. Please choose another slot or day.`, "slot_full" satisfies RefusalCode),
  })
}

/** A pre-order's place on a festival delivery day (festival_full when none is left): see takeSeat. */
export function takeFestivalPlace(container: MedusaContainer, input: { cart_id: string; day: string; festival: FestivalSetting }): Promise<Place> {
  const { festival } = input
  return takeSeat(container, FESTIVAL_SEATS, {
    cart_id: input.cart_id,
    day: input.day,
    group: festival.id,
    capacity: festival.capacity_per_day,
    full: () => new MedusaError(MedusaError.Types.NOT_ALLOWED, festivalFullMessage(festival, input.day), "festival_full" satisfies RefusalCode),
  })
}

/** Frees places by their ids (a checkout that failed after taking them), slot or festival. */
export async function freePlaces(container: MedusaContainer, placeIds: string[]): Promise<void> {
  if (!placeIds.length) return
  const knex = knexOf(container)
  for (const ledger of [SLOT_SEATS, FESTIVAL_SEATS]) await knex.raw(`delete from ${ledger.table} where id = any(?)`, [placeIds])
}

/** Frees the slot place of a cart, if it holds one (home delivery given up). */
export async function freeCartPlace(container: MedusaContainer, cartId: string): Promise<void> {
  await knexOf(container).raw(`delete from delivery_booking where cart_id = ?`, [cartId])
}

/** Frees the festival place of a cart, if it holds one (the pre-order given up). */
async function freeCartFestivalPlace(container: MedusaContainer, cartId: string): Promise<void> {
  await knexOf(container).raw(`delete from festival_booking where cart_id = ?`, [cartId])
}

/** Frees the places of an order's cart, or of a staff order (keyed by its id), slot and festival, the order being cancelled; the number of places freed. */
export async function freeOrderPlace(container: MedusaContainer, orderId: string): Promise<number> {
  let freed = 0
  for (const ledger of [SLOT_SEATS, FESTIVAL_SEATS]) {
    const { rows } = await knexOf(container).raw(
      `delete from ${ledger.table} where cart_id = ? or cart_id in (select cart_id from order_cart where order_id = ? and deleted_at is null) returning id`,
      [orderId, orderId]
    )
    freed += rows.length
  }
  return freed
}

/** The slot place a cart (or a staff order's draft) holds, if any. */
export async function cartPlace(container: MedusaContainer, cartId: string): Promise<{ day: string; slot_code: string } | null> {
  const { rows } = await knexOf(container).raw(`select day, slot_code from delivery_booking where cart_id = ? and deleted_at is null`, [cartId])
  return (rows as any[])[0] ?? null
}

/**
 * Does the cart hold every place its day, slot and festival (its metadata) need? Then Medusa's
 * completion keeps them without judging again (checked out in one call, then paid online, maybe
 * past a cut-off or a festival's closing day).
 */
export async function cartHoldsItsPlaces(container: MedusaContainer, cartId: string, metadata: Record<string, unknown>): Promise<boolean> {
  const { rows } = await knexOf(container).raw(
    `select 'slot' as kind, day, slot_code as grp from delivery_booking where cart_id = ? and deleted_at is null
     union all
     select 'festival', b.day, f.handle from festival_booking b join festival f on f.id = b.festival_id where b.cart_id = ? and b.deleted_at is null`,
    [cartId, cartId]
  )
  const held = (kind: string) => (rows as any[]).find((r) => r.kind === kind)
  const slot = held("slot")
  if (!slot || slot.day !== metadata.delivery_date || slot.grp !== metadata.delivery_slot) return false
  const handle = metadata[FESTIVAL_KEY]
  if (handle === undefined || handle === null || handle === "") return true
  const festival = held("festival")
  return !!festival && festival.day === metadata.delivery_date && festival.grp === handle
}

/** The active festival by its handle, or null (unknown or inactive: festival_not_found). */
export async function findFestival(container: MedusaContainer, handle: unknown): Promise<FestivalSetting | null> {
  if (typeof handle !== "string" || !handle) return null
  const [festival] = await deliverySettings(container).listFestivals({ handle, active: true })
  return festival ? asFestival(festival) : null
}

/** A stored festival as the rules read it. */
export function asFestival(row: any): FestivalSetting {
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    description: row.description ?? null,
    delivery_days: Array.isArray(row.delivery_days) ? row.delivery_days : [],
    product_ids: Array.isArray(row.product_ids) ? row.product_ids : [],
    opens_on: row.opens_on,
    closes_on: row.closes_on,
    capacity_per_day: Number(row.capacity_per_day),
    active: row.active,
  }
}

export function festivalNotFound(handle: unknown): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `There is no festival ${typeof handle === "string" ? `"${handle.slice(0, 60)}" ` : ""}taking pre-orders.`,
    "festival_not_found" satisfies RefusalCode
  )
}

export type DeliveryChoice = {
  /** The cart's id, or a staff order's draft order id (its place is keyed by it). */
  cart_id: string
  metadata?: Record<string, unknown> | null
  home_delivery: boolean
  /** How long a new place is held before its order is made (default: the payment hold). */
  hold_minutes?: number
  /** Judge only: no place taken or freed (slot_full is then left to the booking). */
  judge_only?: boolean
}

const blank = (v: unknown) => v === undefined || v === null || v === ""

/**
 * Judges a checkout's day and slot (metadata.delivery_date, metadata.delivery_slot) and, for
 * home delivery, takes its place; throws the refusal (code and sentence) otherwise. A checkout
 * naming neither a day nor a slot is not judged (an order the shop schedules itself, as
 * staff-made and older API orders are). Pickup is judged by the counter's pickup hours, not the
 * slots (a slot it names is kept on the order as the shopper's wish, not judged): the day must
 * have hours, not be closed, not be today after closing (pickup_closed), and the sweets' lead
 * time must be met by closing time; it takes no place: the slots' capacity is the riders'.
 * A pre-order (metadata.festival, a festival's handle) is judged by its festival too
 * (../rules/festivals.ts; festival_not_found for an unknown or inactive one), its day may lie
 * beyond the booking horizon, and it takes a place on the festival's day (festival_full),
 * delivery or pickup. Returns the places taken or kept (none, the slot's, the festival day's);
 * if a later one is refused, the ones this call took are freed.
 */
export async function bookDeliveryChoice(container: MedusaContainer, choice: DeliveryChoice, now = new Date()): Promise<Place[]> {
  const metadata = choice.metadata ?? {}
  const day = metadata.delivery_date
  const slotName = metadata.delivery_slot
  const handle = metadata[FESTIVAL_KEY]
  const refuse = (r: { code: RefusalCode; message: string }) => {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, r.message, r.code)
  }
  let festival: FestivalSetting | null = null
  if (blank(handle)) {
    if (!choice.judge_only) await freeCartFestivalPlace(container, choice.cart_id)
  } else {
    festival = await findFestival(container, handle)
    if (!festival) throw festivalNotFound(handle)
  }
  const judged = !(blank(day) && blank(slotName))
  const [demand, settings] = await Promise.all([
    festival || judged ? cartDemand(container, choice.cart_id) : null,
    judged ? daySettings(container) : null,
  ])
  if (festival) {
    const refused = festivalRefusal(now, festival, day, demand!.lines.map((l) => ({ id: l.product_id, title: l.title ?? null })))
    if (refused) refuse(refused)
  }
  if (!judged) return []
  const options = { beyond_horizon: !!festival }
  const kitchen = async () => kitchenRefusal(demand!, await orderedFor(container, demand!, [day as string]), day as string)
  if (!choice.home_delivery) {
    const refused = pickupRefusal(now, day, settings!, demand!.lead_hours, options) ?? (await kitchen())
    if (refused) refuse(refused)
  } else {
    const refused = slotRefusal(now, day, slotName, settings!, demand!.lead_hours, options)
    if (refused) refuse(refused)
    const full = await kitchen()
    if (full) refuse(full)
  }
  if (choice.judge_only) return []
  if (!choice.home_delivery) await freeCartPlace(container, choice.cart_id)
  const places: Place[] = []
  try {
    if (festival) places.push(await takeFestivalPlace(container, { cart_id: choice.cart_id, day: day as string, festival }))
    if (choice.home_delivery) {
      const slot = findSlot(settings!, day as string, slotName as string)!
      places.push(await takePlace(container, { cart_id: choice.cart_id, day: day as string, slot, hold_minutes: choice.hold_minutes }))
    }
  } catch (error) {
    await freePlaces(container, places.filter((p) => !p.kept).map((p) => p.id))
    throw error
  }
  return places
}

/**
 * The counter's hours ("10:00–21:00") on a pickup order's day, as staff set them now: what the
 * checkout writes on the order (PICKUP_HOURS_KEY) for its "ready for pickup" message. Null for
 * home delivery, an order without a day, or a weekday without hours.
 */
export async function pickupHoursFor(container: MedusaContainer, metadata: Record<string, unknown> | null | undefined, homeDelivery: boolean): Promise<string | null> {
  const day = metadata?.delivery_date
  if (homeDelivery || typeof day !== "string" || !day) return null
  const hours = pickupHoursOf(await daySettings(container), day)
  return hours ? `${hours.opens_at}–${hours.closes_at}` : null
}

/**
 * kitchen_full: a product with a kitchen capacity (grams or pieces a day, its pool's unit)
 * whose orders for the day (delivery and pickup, not cancelled) and this cart would make
 * more than that. Counted from the orders when the checkout asks; unlike a slot's places it
 * is not reserved, so two checkouts at the same moment may both pass (README, Delivery settings).
 * `ordered` is kitchenOrdered for the day (or days) and the demand's limited products.
 */
function kitchenRefusal(demand: CartDemand, ordered: KitchenOrdered[], day: string): { code: RefusalCode; message: string } | null {
  for (const limit of demand.limits) {
    const line = demand.lines.find((l) => l.product_id === limit.product_id)
    const already = ordered.find((o) => o.day === day && o.product_id === limit.product_id)?.units ?? 0
    if (line && already + Number(line.units) > limit.units) {
      return {
        code: "kitchen_full",
        message: `The kitchen is fully booked for ${line.title} on ${dayLabel(day)}. Please choose another day, or order less of it.`,
      }
    }
  }
  return null
}

/** What the orders of these days ask of the kitchen for the demand's products with a capacity (none read when it has none). */
function orderedFor(container: MedusaContainer, demand: CartDemand, days: string[]): Promise<KitchenOrdered[]> {
  if (!demand.limits.length) return Promise.resolve([])
  return kitchenOrdered(container, days, demand.limits.map((l) => l.product_id))
}

export type KitchenOrdered = { day: string; product_id: string; units: number }

/**
 * What the orders ask of the kitchen: per delivery day (metadata.delivery_date) and product,
 * the units ordered (grams for a sweet sold by weight: a line's quantity × its variant's grams,
 * the link to its pool kept by the gram-inventory plugin; pieces otherwise), delivery and pickup,
 * cancelled orders and drafts (staff orders not yet made) left out. The kitchen_full rule and the admin's load view both count with this.
 * Without product ids, every product ordered on those days.
 */
export async function kitchenOrdered(container: MedusaContainer, days: string[], productIds?: string[]): Promise<KitchenOrdered[]> {
  if (!days.length || (productIds && !productIds.length)) return []
  const { rows } = await knexOf(container).raw(
    `select o.metadata->>'delivery_date' as day, li.product_id, sum(oi.quantity * coalesce(pvii.required_quantity, 1))::float as units
       from "order" o
       join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
       join order_line_item li on li.id = oi.item_id
       left join product_variant_inventory_item pvii on pvii.variant_id = li.variant_id and pvii.deleted_at is null
      where o.deleted_at is null and o.canceled_at is null and o.is_draft_order = false
        and o.metadata->>'delivery_date' = any(?) and li.product_id is not null
        ${productIds ? "and li.product_id = any(?)" : ""}
      group by 1, li.product_id`,
    productIds ? [days, productIds] : [days]
  )
  return (rows as any[]).map((r) => ({ day: r.day as string, product_id: r.product_id as string, units: Number(r.units) }))
}

/**
 * The next LISTED_DAYS days (today first), or a festival's delivery days, and each day's slots
 * as the checkout would judge them now, for the storefront's picker (GET /store/delivery/slots)
 * and the staff's (GET /admin/draft-orders/:id/delivery): `open` false with `reason` (a refusal
 * code: day_closed, kitchen_full, slot_closed, lead_time, slot_full; for a festival also
 * festival_closed, not_in_festival, festival_full) and its sentence. With a cart or draft order
 * id, lead times and the kitchen's capacity are judged for its products. `pickup` lists the same
 * days for pickup: the counter's hours (opens_at, closes_at; null when it has none that weekday)
 * and whether it takes this order (day_closed, pickup_closed, lead_time, kitchen_full, the festival's codes).
 */
export async function listDeliveryDays(container: MedusaContainer, cartId?: string, options: { festival?: FestivalSetting | null; now?: Date } = {}) {
  const { festival = null, now = new Date() } = options
  const today = shopToday(now)
  const dates = festival ? festival.delivery_days : Array.from({ length: LISTED_DAYS }, (_, i) => addDays(today, i))
  const dayOptions = { beyond_horizon: !!festival }
  const [settings, demand, taken, festivalTaken] = await Promise.all([
    daySettings(container),
    cartDemand(container, cartId),
    placesTaken(container, dates),
    festival ? festivalPlacesTaken(container, dates) : new Map<string, number>(),
  ])
  const leadHours = demand.lead_hours
  const products = demand.lines.map((l) => ({ id: l.product_id, title: l.title ?? null }))
  const festivalLeft = (date: string) => (festival ? festival.capacity_per_day - (festivalTaken.get(`${date}/${festival.id}`) ?? 0) : 1)
  // With a cart: a day its sweets would take past the kitchen's capacity is closed to it (kitchen_full); one read for all the days.
  const ordered = await orderedFor(container, demand, dates)
  const kitchen = dates.map((date) => kitchenRefusal(demand, ordered, date))
  const listed = dates.map((date, i) => {
    const prefix = date === today ? "Today, " : date === addDays(today, 1) ? "Tomorrow, " : ""
    const preOrder = festival
      ? (festivalRefusal(now, festival, date, products) ??
        (festivalLeft(date) > 0 ? null : { code: "festival_full" as RefusalCode, message: festivalFullMessage(festival, date) }))
      : null
    const closed = preOrder ?? dayRefusal(now, date, settings, dayOptions) ?? kitchen[i]
    const slots = closed
      ? []
      : slotsOf(settings, date).map((slot) => {
          const placesLeft = Math.max(0, slot.capacity - (taken.get(`${date}/${slot.code}`) ?? 0))
          const refused =
            slotRefusal(now, date, slot.code, settings, leadHours, dayOptions) ??
            (placesLeft > 0 ? null : { code: "slot_full", message: `The ${slot.label} slot on ${dayLabel(date)} is full.` })
          return {
            code: slot.code,
            label: slot.label,
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            capacity: slot.capacity,
            places_left: placesLeft,
            open: !refused,
            reason: refused?.code ?? null,
            message: refused?.message ?? null,
          }
        })
    const pickupRefused = preOrder ?? pickupRefusal(now, date, settings, leadHours, dayOptions) ?? kitchen[i]
    return {
      day: {
        date,
        label: `${prefix}${dayLabel(date)}`,
        open: slots.some((s) => s.open),
        reason: closed?.code ?? null,
        message: closed?.message ?? null,
        slots,
      },
      pickup: { date, label: `${prefix}${dayLabel(date)}`, ...pickupDay(settings, date, pickupRefused) },
    }
  })
  const festivalView = festival ? { festival: storeFestival(now, festival, (day) => festivalTaken.get(`${day}/${festival.id}`) ?? 0) } : {}
  return { lead_hours: leadHours, days: listed.map((l) => l.day), pickup: listed.map((l) => l.pickup), ...festivalView }
}
