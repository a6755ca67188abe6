import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import storefrontKey from "../../src/scripts/storefront-key"
import { seedShop } from "../helpers/shopper"

jest.setTimeout(240_000)

/** The script docker compose's migrate service runs after the seed: the storefront's key, into the file it reads. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("refuses before the seed, then writes the seeded key that the store API accepts", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "storefront-key-")), "data", "storefront.env")
      process.env.STOREFRONT_ENV_FILE = file
      try {
        await expect(storefrontKey({ container: getContainer(), args: [] })).rejects.toThrow(/run the seed first/)
        const { headers } = await seedShop(getContainer())
        await storefrontKey({ container: getContainer(), args: [] })
        const written = fs.readFileSync(file, "utf8")
        const key = /^MEDUSA_PUBLISHABLE_KEY=(pk_\w+)$/m.exec(written)?.[1]
        expect(key).toBe(headers["x-publishable-api-key"])
        const { status } = await api.get("/store/delivery/pincodes/110024", { headers: { "x-publishable-api-key": key! } })
        expect(status).toBe(200)
      } finally {
        delete process.env.STOREFRONT_ENV_FILE
      }
    })
  },
})
