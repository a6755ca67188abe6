import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { generateEntityId } from "@medusajs/framework/utils"
import { SEED_DELIVERY_AREAS, SEED_LEAD_HOURS, SEED_SLOTS } from "../../../scripts/seed-data/delivery"

/**
 * A shop that ran before the delivery settings existed had its area in code and its slots in the
 * storefront; `npm start` does not seed a database that has a shop already. So the settings it ran
 * with are written here, once, when the tables are empty (a fresh database too: the seed then adds
 * the lead times once its products exist). Staff change them in the admin afterwards.
 */
export class Migration20261130173000 extends Migration {
  override async up(): Promise<void> {
    const q = (v: unknown) => (v === null || v === undefined ? "null" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`)
    const areas = SEED_DELIVERY_AREAS.map(
      (a) =>
        `(${q(generateEntityId(undefined, "darea"))}, ${q(a.name)}, ${q(a.city)}, ${q(a.state)}, ${a.pincode_from}, ${a.pincode_to}, ${a.delivery_charge_rupees}, ${q(a.free_above_rupees)}, true, now(), now())`
    )
    this.addSql(
      `insert into "delivery_area" (id, name, city, state, pincode_from, pincode_to, delivery_charge_rupees, free_above_rupees, active, created_at, updated_at)
       select * from (values ${areas.join(", ")}) as v where not exists (select 1 from "delivery_area");`
    )
    const slots = SEED_SLOTS.map(
      (s) =>
        `(${q(generateEntityId(undefined, "dslot"))}, ${s.weekday}, ${q(s.code)}, ${q(s.label)}, ${q(s.starts_at)}, ${q(s.ends_at)}, ${s.cutoff_minutes}, ${s.capacity}, true, now(), now())`
    )
    this.addSql(
      `insert into "delivery_slot" (id, weekday, code, label, starts_at, ends_at, cutoff_minutes, capacity, active, created_at, updated_at)
       select * from (values ${slots.join(", ")}) as v where not exists (select 1 from "delivery_slot");`
    )
    // Lead times of products the shop already has (the product table is Medusa's product module's, in the same database).
    for (const [handle, hours] of Object.entries(SEED_LEAD_HOURS)) {
      const insert = `insert into "delivery_lead_time" (id, product_id, lead_hours, created_at, updated_at)
         select ${q(generateEntityId(undefined, "dlead"))}, p.id, ${hours}, now(), now() from "product" p
          where p.handle = ${q(handle)} and p.deleted_at is null
            and not exists (select 1 from "delivery_lead_time" l where l.product_id = p.id)
          limit 1`
      // Only where the product table exists already (the product module's migrations may run after this one).
      this.addSql(`do $$ begin if to_regclass('public.product') is not null then execute ${q(insert)}; end if; end $$;`)
    }
  }

  override async down(): Promise<void> {}
}
