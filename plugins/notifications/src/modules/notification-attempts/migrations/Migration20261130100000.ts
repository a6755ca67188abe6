import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Tries are claimed before a message is sent: (idempotency_key, attempt) is unique.
 * Numbers repeated by handlers that raced before this (the reason for it) are renumbered first, in order.
 */
export class Migration20261130100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update "notification_attempt" as a set "attempt" = r.n from (select "id", row_number() over (partition by "idempotency_key" order by "attempt", "created_at", "id") as n from "notification_attempt" where "idempotency_key" is not null and "deleted_at" is null) as r where a."id" = r."id" and a."attempt" <> r.n;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_attempt_idempotency_key_attempt_unique" ON "notification_attempt" ("idempotency_key", "attempt") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_notification_attempt_idempotency_key_attempt_unique";`);
  }

}
