import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Invoice and credit-note numbers (models/invoice-document.ts) and their counters per series (models/invoice-counter.ts). */
export class Migration20261130150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "invoice_document" ("id" text not null, "kind" text check ("kind" in ('invoice', 'credit_note')) not null, "number" text not null, "fiscal_year" text not null, "sequence" integer not null, "order_id" text not null, "refund_key" text null, "amount_paise" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_document_pkey" primary key ("id"));`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_document_number_unique" ON "invoice_document" ("number") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_document_order_id" ON "invoice_document" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_document_deleted_at" ON "invoice_document" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_document_order_id_unique" ON "invoice_document" ("order_id") WHERE kind = 'invoice' AND deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_document_refund_key_unique" ON "invoice_document" ("refund_key") WHERE kind = 'credit_note' AND deleted_at IS NULL;`)
    this.addSql(`create table if not exists "invoice_counter" ("id" text not null, "last_number" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "invoice_counter_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_counter_deleted_at" ON "invoice_counter" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoice_document" cascade;`)
    this.addSql(`drop table if exists "invoice_counter" cascade;`)
  }
}
