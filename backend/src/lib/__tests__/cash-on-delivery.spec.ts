import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CASH_ON_DELIVERY_PROVIDER_ID } from "@sweetshop/shop-contracts"
import { limitCashOnDelivery } from "../middlewares/cash-on-delivery"
import { cashOnDeliveryRefusal, formatRupees } from "../rules/cash-on-delivery"

describe("cash on delivery cap", () => {
  it("allows orders up to the cap and refuses above it in words", () => {
    expect(cashOnDeliveryRefusal(5000, 5000)).toBeNull()
    expect(cashOnDeliveryRefusal(5000.01, 5000)).toBe(
      "Cash on delivery is available for orders up to ₹5,000; this order is ₹5,000.01. Please pay online."
    )
  })

  it("writes rupees with Indian grouping", () => {
    expect(formatRupees(100000)).toBe("₹1,00,000")
    expect(formatRupees(1250.5)).toBe("₹1,250.5")
  })
})

describe("the cash-on-delivery cap on opening a payment session", () => {
  // The middleware reads the cap from the shop's settings and the amount from the payment collection.
  const saved = { ...process.env }
  beforeEach(() => {
    process.env.DATABASE_URL = "postgres://postgres@localhost:5432/sweetshop"
    process.env.COD_MAX_ORDER_RUPEES = "1000"
  })
  afterEach(() => {
    process.env = { ...saved }
  })

  function call(body: unknown, amount: unknown, graph?: jest.Mock) {
    const query = { graph: graph ?? jest.fn(async () => ({ data: amount === undefined ? [] : [{ id: "paycol_1", amount }] })) }
    const req = { body, params: { id: "paycol_1" }, scope: { resolve: jest.fn(() => query) } } as unknown as MedusaRequest
    const next = jest.fn()
    return { run: () => limitCashOnDelivery(req, {} as MedusaResponse, next), next, query, req }
  }

  it("is Medusa's manual provider", () => {
    expect(CASH_ON_DELIVERY_PROVIDER_ID).toBe("pp_system_default")
  })

  it("lets any other provider through without reading the collection", async () => {
    for (const body of [{ provider_id: "pp_razorpay_razorpay" }, {}, undefined]) {
      const { run, next, query } = call(body, 5000)
      await run()
      expect(next).toHaveBeenCalledTimes(1)
      expect(next).toHaveBeenCalledWith()
      expect(query.graph).not.toHaveBeenCalled()
    }
  })

  it("lets cash on delivery through up to the cap, reading the amount of this collection", async () => {
    const { run, next, query, req } = call({ provider_id: "pp_system_default" }, 1000)
    await run()
    expect(next).toHaveBeenCalledWith()
    expect(query.graph).toHaveBeenCalledWith({ entity: "payment_collection", fields: ["id", "amount"], filters: { id: "paycol_1" } })
    expect((req.scope.resolve as jest.Mock).mock.calls[0][0]).toBe("query")
  })

  it("refuses cash on delivery above the cap with the shopper's sentence, before anything is created", async () => {
    const { run, next } = call({ provider_id: "pp_system_default" }, "1000.5")
    await run()
    expect(next).toHaveBeenCalledTimes(1)
    const [error] = next.mock.calls[0]
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe("Cash on delivery is available for orders up to ₹1,000; this order is ₹1,000.5. Please pay online.")
  })

  it("treats a collection it cannot find as nothing to pay", async () => {
    const { run, next } = call({ provider_id: "pp_system_default" }, undefined)
    await run()
    expect(next).toHaveBeenCalledWith()
    const { run: runNull, next: nextNull } = call({ provider_id: "pp_system_default" }, null)
    await runNull()
    expect(nextNull).toHaveBeenCalledWith()
  })

  it("hands a failure to read the collection to Medusa's error handler", async () => {
    const failure = new Error("database unavailable")
    const { run, next } = call({ provider_id: "pp_system_default" }, 0, jest.fn(async () => Promise.reject(failure)))
    await run()
    expect(next).toHaveBeenCalledWith(failure)
  })
})

describe("rupees as the shop writes them", () => {
  it("rounds to paise and groups the Indian way", () => {
    expect(formatRupees(1234.5678)).toBe("₹1,234.57")
    expect(formatRupees(0)).toBe("₹0")
    expect(formatRupees(12345678.9)).toBe("₹1,23,45,678.9")
  })
})
