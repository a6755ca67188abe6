export default async function globalTeardown() {
  await globalThis.__SWEETSHOP_E2E__?.stop()
}
