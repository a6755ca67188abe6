import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130165014 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "delivery_slot" drop constraint if exists "delivery_slot_weekday_code_unique";`);
    this.addSql(`alter table if exists "delivery_lead_time" drop constraint if exists "delivery_lead_time_product_id_unique";`);
    this.addSql(`alter table if exists "delivery_closed_day" drop constraint if exists "delivery_closed_day_day_unique";`);
    this.addSql(`alter table if exists "delivery_booking" drop constraint if exists "delivery_booking_day_slot_code_seat_unique";`);
    this.addSql(`alter table if exists "delivery_booking" drop constraint if exists "delivery_booking_cart_id_unique";`);
    this.addSql(`create table if not exists "delivery_area" ("id" text not null, "name" text not null, "city" text not null, "state" text not null, "pincode_from" integer null, "pincode_to" integer null, "pincodes" jsonb null, "delivery_charge_rupees" integer not null default 60, "free_above_rupees" integer null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_area_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_area_deleted_at" ON "delivery_area" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "delivery_booking" ("id" text not null, "day" text not null, "slot_code" text not null, "seat" integer not null, "cart_id" text not null, "held_until" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_booking_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_booking_cart_id_unique" ON "delivery_booking" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_booking_deleted_at" ON "delivery_booking" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_booking_day_slot_code_seat_unique" ON "delivery_booking" ("day", "slot_code", "seat") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "delivery_closed_day" ("id" text not null, "day" text not null, "reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_closed_day_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_closed_day_day_unique" ON "delivery_closed_day" ("day") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_closed_day_deleted_at" ON "delivery_closed_day" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "delivery_lead_time" ("id" text not null, "product_id" text not null, "lead_hours" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_lead_time_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_lead_time_product_id_unique" ON "delivery_lead_time" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_lead_time_deleted_at" ON "delivery_lead_time" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "delivery_slot" ("id" text not null, "weekday" integer not null, "code" text not null, "label" text not null, "starts_at" text not null, "ends_at" text not null, "cutoff_minutes" integer not null default 180, "capacity" integer not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "delivery_slot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_delivery_slot_deleted_at" ON "delivery_slot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_delivery_slot_weekday_code_unique" ON "delivery_slot" ("weekday", "code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delivery_area" cascade;`);

    this.addSql(`drop table if exists "delivery_booking" cascade;`);

    this.addSql(`drop table if exists "delivery_closed_day" cascade;`);

    this.addSql(`drop table if exists "delivery_lead_time" cascade;`);

    this.addSql(`drop table if exists "delivery_slot" cascade;`);
  }

}
