import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { generateEntityId } from "@medusajs/framework/utils"
import { SEED_PICKUP_HOURS } from "../../../scripts/seed-data/delivery"

/**
 * The counter's pickup hours per weekday. A shop that ran before them handed over pickups on
 * every day with a slot, so the seed's hours (every day 10:00–21:00) are written here once, when
 * the table is empty; staff change them in the admin afterwards.
 */
export class Migration20261130202652 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pickup_hours" drop constraint if exists "pickup_hours_weekday_unique";`)
    this.addSql(`create table if not exists "pickup_hours" ("id" text not null, "weekday" integer not null, "opens_at" text not null, "closes_at" text not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pickup_hours_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pickup_hours_deleted_at" ON "pickup_hours" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pickup_hours_weekday_unique" ON "pickup_hours" ("weekday") WHERE deleted_at IS NULL;`)
    const rows = SEED_PICKUP_HOURS.map((h) => `('${generateEntityId(undefined, "dpick")}', ${h.weekday}, '${h.opens_at}', '${h.closes_at}', true, now(), now())`)
    this.addSql(
      `insert into "pickup_hours" (id, weekday, opens_at, closes_at, active, created_at, updated_at)
       select * from (values ${rows.join(", ")}) as v where not exists (select 1 from "pickup_hours");`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pickup_hours" cascade;`)
  }
}
