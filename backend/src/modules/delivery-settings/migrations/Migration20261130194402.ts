import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130194402 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "festival_booking" drop constraint if exists "festival_booking_festival_id_day_seat_unique";`);
    this.addSql(`alter table if exists "festival_booking" drop constraint if exists "festival_booking_cart_id_unique";`);
    this.addSql(`alter table if exists "festival" drop constraint if exists "festival_handle_unique";`);
    this.addSql(`create table if not exists "festival" ("id" text not null, "handle" text not null, "name" text not null, "description" text null, "delivery_days" jsonb not null, "product_ids" jsonb not null, "opens_on" text not null, "closes_on" text not null, "capacity_per_day" integer not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "festival_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_festival_handle_unique" ON "festival" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_festival_deleted_at" ON "festival" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "festival_booking" ("id" text not null, "festival_id" text not null, "day" text not null, "seat" integer not null, "cart_id" text not null, "held_until" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "festival_booking_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_festival_booking_cart_id_unique" ON "festival_booking" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_festival_booking_deleted_at" ON "festival_booking" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_festival_booking_festival_id_day_seat_unique" ON "festival_booking" ("festival_id", "day", "seat") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "festival" cascade;`);

    this.addSql(`drop table if exists "festival_booking" cascade;`);
  }

}
