import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Short tracking links (models/tracking-link.ts). */
export class Migration20261130140000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "tracking_link" ("id" text not null, "code_hash" text not null, "order_id" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "tracking_link_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_tracking_link_code_hash_unique" ON "tracking_link" ("code_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tracking_link_deleted_at" ON "tracking_link" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_tracking_link_order_id" ON "tracking_link" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tracking_link" cascade;`);
  }

}
