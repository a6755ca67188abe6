export default async function globalTeardown() {
  await globalThis.__SWEETSHOP_TEST_DB__?.stop()
}
