export * from "./adjust-pool-stock"
