export * from "./settle-cart"
