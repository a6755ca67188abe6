import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125021259 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pool_setting" drop constraint if exists "pool_setting_product_id_unique";`);
    this.addSql(`create table if not exists "pool_adjustment" ("id" text not null, "product_id" text not null, "inventory_item_id" text not null, "delta_units" integer not null, "stocked_after_units" integer not null, "reason" text not null, "actor_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pool_adjustment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pool_adjustment_deleted_at" ON "pool_adjustment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pool_adjustment_product_id_created_at" ON "pool_adjustment" ("product_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pool_setting" ("id" text not null, "product_id" text not null, "low_stock_threshold_units" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pool_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pool_setting_product_id_unique" ON "pool_setting" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pool_setting_deleted_at" ON "pool_setting" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pool_adjustment" cascade;`);

    this.addSql(`drop table if exists "pool_setting" cascade;`);
  }

}
