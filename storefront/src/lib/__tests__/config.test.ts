import { readConfig } from "../server/config"

describe("where the storefront finds the backend", () => {
  it("hands the browser its own backend URL when the server reaches the backend by another name (docker compose)", () => {
    const config = readConfig({
      MEDUSA_BACKEND_URL: "http://backend-server:9000",
      MEDUSA_BROWSER_BACKEND_URL: "https://api.sweetshop.in/",
      MEDUSA_PUBLISHABLE_KEY: "pk_test",
    } as unknown as NodeJS.ProcessEnv)
    expect(config.backendUrl).toBe("http://backend-server:9000")
    expect(config.browserBackendUrl).toBe("https://api.sweetshop.in")
    expect(config.publishableKey).toBe("pk_test")
  })

  it("uses one URL for both when only the backend URL is given (npm start)", () => {
    const config = readConfig({ MEDUSA_BACKEND_URL: "http://localhost:9000/" } as unknown as NodeJS.ProcessEnv)
    expect(config.backendUrl).toBe("http://localhost:9000")
    expect(config.browserBackendUrl).toBe("http://localhost:9000")
  })

  it("shows the FSSAI licence only when SHOP_FSSAI_LICENCE holds one (14 digits)", () => {
    expect(readConfig({ SHOP_FSSAI_LICENCE: "1332 4999 0001 23" } as unknown as NodeJS.ProcessEnv).fssaiLicence).toBe("13324999000123")
    expect(readConfig({ SHOP_FSSAI_LICENCE: "12345" } as unknown as NodeJS.ProcessEnv).fssaiLicence).toBeNull()
  })
})
