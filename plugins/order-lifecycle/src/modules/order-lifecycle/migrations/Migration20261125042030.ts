import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125042030 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shop_order" drop constraint if exists "shop_order_order_id_unique";`);
    this.addSql(`create table if not exists "shop_order" ("id" text not null, "order_id" text not null, "display_id" integer not null, "status" text check ("status" in ('placed', 'confirmed', 'preparing', 'out_for_delivery', 'delivered', 'ready_for_pickup', 'picked_up', 'cancelled')) not null default 'placed', "fulfillment_kind" text check ("fulfillment_kind" in ('delivery', 'pickup')) not null, "payment_mode" text check ("payment_mode" in ('cod', 'online')) not null, "phone" text null, "delivery_date" text not null, "delivery_slot" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shop_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_shop_order_order_id_unique" ON "shop_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_deleted_at" ON "shop_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_display_id" ON "shop_order" ("display_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_phone" ON "shop_order" ("phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_delivery_date_status" ON "shop_order" ("delivery_date", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_status" ON "shop_order" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "shop_order_status_change" ("id" text not null, "order_id" text not null, "from_status" text null, "to_status" text not null, "actor_type" text not null, "actor_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "shop_order_status_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_status_change_deleted_at" ON "shop_order_status_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_status_change_order_id_created_at" ON "shop_order_status_change" ("order_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "tracking_code" ("id" text not null, "phone" text not null, "code_hash" text not null, "expires_at" timestamptz not null, "failed_attempts" integer not null default 0, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tracking_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tracking_code_deleted_at" ON "tracking_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tracking_code_phone_created_at" ON "tracking_code" ("phone", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shop_order" cascade;`);

    this.addSql(`drop table if exists "shop_order_status_change" cascade;`);

    this.addSql(`drop table if exists "tracking_code" cascade;`);
  }

}
