import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130194617 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "shop_order" add column if not exists "festival" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_shop_order_festival_delivery_date" ON "shop_order" ("festival", "delivery_date") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_shop_order_festival_delivery_date";`);
    this.addSql(`alter table if exists "shop_order" drop column if exists "festival";`);
  }

}
