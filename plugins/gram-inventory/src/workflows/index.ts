export * from "./adjust-pool-stock"
export * from "./hold-cart-stock"
export * from "./draft-order-stock"
