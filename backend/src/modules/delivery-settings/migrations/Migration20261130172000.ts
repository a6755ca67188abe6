import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130172000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "delivery_lead_time" add column if not exists "kitchen_capacity_units" integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "delivery_lead_time" drop column if exists "kitchen_capacity_units";`);
  }

}
