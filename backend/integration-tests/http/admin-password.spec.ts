import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import seedSweetShop from "../../src/scripts/seed"
import resetAdminPassword from "../../src/scripts/reset-admin-password"
import { SHOP } from "../../src/scripts/seed-data/shop"

jest.setTimeout(240_000)

/**
 * Issue 23: no well-known staff password. Without ADMIN_PASSWORD the first seed
 * makes one up and says it once; the database holds only its hash; the reset
 * script sets a new one through the auth module.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const login = (password: string) =>
      api.post("/auth/user/emailpass", { email: SHOP.defaultAdmin.email, password }, { validateStatus: () => true })

    it("a first seed without ADMIN_PASSWORD creates a staff user with a password made up now, stored only as its hash; the reset replaces it", async () => {
      const container = getContainer()
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const said: string[] = []
      const info = jest.spyOn(logger, "info").mockImplementation((message: string) => {
        said.push(String(message))
        return undefined as any
      })
      const given = process.env.ADMIN_PASSWORD
      delete process.env.ADMIN_PASSWORD
      try {
        await seedSweetShop({ container, args: [] })
      } finally {
        process.env.ADMIN_PASSWORD = given
        info.mockRestore()
      }

      const line = said.find((m) => m.startsWith(`Seed: admin user ${SHOP.defaultAdmin.email} created with the password `))
      expect(line).toBeDefined()
      const password = /with the password (\S+) /.exec(line!)![1]
      expect(password.length).toBeGreaterThanOrEqual(20)

      // Not a fixed string: neither the old default, nor what the tests set, nor anything in the seed's data.
      for (const fixed of ["sweetshop-admin", "", given ?? "", "admin", "password"]) {
        expect((await login(fixed)).status).toBe(401)
      }
      const ok = await login(password)
      expect(ok.status).toBe(200)
      expect(ok.data.token).toEqual(expect.any(String))

      // The database holds its hash, never the password itself.
      const [identity] = await dbConnection.raw(`select provider_metadata from provider_identity where entity_id = ? and provider = 'emailpass'`, [
        SHOP.defaultAdmin.email,
      ]).then((r: any) => r.rows)
      const stored = JSON.stringify(identity.provider_metadata)
      expect(stored).not.toContain(password)
      expect(identity.provider_metadata.password).toEqual(expect.any(String))
      const everything = await dbConnection.raw(`select count(*)::int as n from provider_identity where provider_metadata::text like ?`, [`%${password}%`])
      expect(everything.rows[0].n).toBe(0)

      // npm run admin:reset-password: a new random password, printed once; the old one stops working.
      const printed: string[] = []
      const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: any) => {
        printed.push(String(chunk))
        return true
      })
      try {
        await resetAdminPassword({ container, args: [] } as any)
      } finally {
        write.mockRestore()
      }
      const fresh = /^New password: (\S+)$/m.exec(printed.join(""))![1]
      expect(fresh).not.toBe(password)
      expect((await login(password)).status).toBe(401)
      expect((await login(fresh)).status).toBe(200)
    })
  },
})
