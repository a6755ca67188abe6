import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { STAFF_LOGIN_LOCKED } from "../../src/lib/middlewares/login-throttle"
import { SHOP } from "../../src/scripts/seed-data/shop"
import { seedShop } from "../helpers/shopper"

// Read by the throttle when the first login arrives (backend/src/lib/middlewares/login-throttle.ts): a short window,
// so the test waits seconds, not the default quarter of an hour; one proxy of the shop's own in front.
process.env.LOGIN_WINDOW_SECONDS = "8"
process.env.LOGIN_MAX_FAILURES = "10"
process.env.TRUST_PROXY_HOPS = "1"

jest.setTimeout(240_000)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Issue 23: the staff login takes a bounded number of wrong guesses, per account and per client. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const login = (email: string, password: string, client: string) =>
      api.post("/auth/user/emailpass", { email, password }, { headers: { "x-forwarded-for": client }, validateStatus: () => true })

    beforeAll(async () => {
      await seedShop(getContainer())
    })

    it("answers the 11th wrong login for an account within the window with 429, and the right password waits for the window", async () => {
      const email = SHOP.defaultAdmin.email
      const right = process.env.ADMIN_PASSWORD!
      const warn = jest.spyOn(getContainer().resolve(ContainerRegistrationKeys.LOGGER), "warn")
      const emit = jest.spyOn(getContainer().resolve(Modules.EVENT_BUS), "emit")
      for (let i = 1; i <= 10; i++) {
        // From a new client each time: the account's own count locks it, not the client's.
        expect((await login(email, `wrong-${i}`, `198.51.100.${i}`)).status).toBe(401)
      }
      const eleventh = await login(email, "wrong-11", "198.51.100.11")
      expect(eleventh.status).toBe(429)
      expect(eleventh.data.message).toMatch(/^Too many wrong logins: try again in \d+ seconds? \(the right password works again then\)\.$/)
      const retryAfter = Number(eleventh.headers["retry-after"])
      expect(retryAfter).toBeGreaterThan(0)
      // Staff read it in the log.
      expect(warn.mock.calls.map((call) => String(call[0]))).toContainEqual(
        expect.stringMatching(new RegExp(`^Staff login: the account ${email.replace(/\./g, "\\.")} reached 10 wrong passwords; locked for \\d+ s\\.$`))
      )
      warn.mockRestore()
      expect(emit.mock.calls.map((call) => call[0])).toContainEqual({ name: STAFF_LOGIN_LOCKED, data: { account: email, locked_seconds: expect.any(Number) } })
      emit.mockRestore()

      // The right password, from a client that never guessed, waits too.
      const early = await login(email, right, "198.51.100.200")
      expect(early.status).toBe(429)
      expect(Number(early.headers["retry-after"])).toBeGreaterThan(0)

      await sleep((Number(early.headers["retry-after"]) + 1) * 1000)
      const after = await login(email, right, "198.51.100.200")
      expect(after.status).toBe(200)
      expect(after.data.token).toEqual(expect.any(String))
    })

    it("counts a client's wrong logins across accounts, and only that client's", async () => {
      for (let i = 1; i <= 30; i++) {
        expect((await login(`nobody-${i}@example.in`, "guess", "203.0.113.7")).status).toBe(401)
      }
      const refused = await login("someone-else@example.in", "guess", "203.0.113.7")
      expect(refused.status).toBe(429)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
      // Another client is not locked out by this one.
      expect((await login("someone-else@example.in", "guess", "203.0.113.8")).status).toBe(401)
    })

    it("throttles the token refresh by client", async () => {
      const refresh = () =>
        api.post("/auth/token/refresh", {}, { headers: { authorization: "Bearer not-a-token", "x-forwarded-for": "192.0.2.44" }, validateStatus: () => true })
      for (let i = 1; i <= 30; i++) expect((await refresh()).status).toBe(401)
      const refused = await refresh()
      expect(refused.status).toBe(429)
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0)
    })
  },
})
