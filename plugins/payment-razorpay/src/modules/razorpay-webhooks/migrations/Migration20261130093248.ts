import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130093248 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "razorpay_payment_action" drop constraint if exists "razorpay_payment_action_razorpay_payment_id_unique";`);
    this.addSql(`create table if not exists "razorpay_payment_action" ("id" text not null, "razorpay_payment_id" text not null, "razorpay_order_id" text null, "amount_paise" integer not null, "reason" text not null, "detail" text not null, "outcome" text not null, "refund_id" text null, "cart_id" text null, "phone" text null, "found_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "razorpay_payment_action_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_razorpay_payment_action_razorpay_payment_id_unique" ON "razorpay_payment_action" ("razorpay_payment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_razorpay_payment_action_deleted_at" ON "razorpay_payment_action" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "razorpay_payment_action" cascade;`);
  }

}
