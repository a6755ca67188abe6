import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125041721 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "notification_attempt" ("id" text not null, "notification_id" text not null, "idempotency_key" text null, "channel" text not null, "attempt" integer not null, "outcome" text check ("outcome" in ('sent', 'failed', 'pending')) not null, "error" text null, "external_id" text null, "duration_ms" integer null, "delivery_status" text null, "delivery_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_attempt_notification_id" ON "notification_attempt" ("notification_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_attempt_deleted_at" ON "notification_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_attempt_external_id" ON "notification_attempt" ("external_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_attempt" cascade;`);
  }

}
