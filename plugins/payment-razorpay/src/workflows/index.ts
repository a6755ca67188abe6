export * from "./settle-cart"
export * from "./attach-payment-to-order"
