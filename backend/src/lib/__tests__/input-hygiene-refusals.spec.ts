import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

// Medusa's own error handler stands in as a spy: the shop's handler must hand it every error it
// does not answer itself. (Loading Medusa's HTTP layer would also make every mutation-test run slow.)
const mockMedusaErrorHandler = jest.fn()
jest.mock("@medusajs/framework/http", () => ({ errorHandler: () => (...args: unknown[]) => mockMedusaErrorHandler(...args) }))

import { answerMalformedUrls, refuseUnhygienicInput } from "../middlewares/input-hygiene"
import {
  inspectInput,
  MAX_ADMIN_QUANTITY,
  MAX_BODY_DEPTH,
  MAX_PAGING,
  MAX_STORE_QUANTITY,
  pagingRefusal,
  pathRefusal,
  requestRefusal,
  textRefusal,
} from "../rules/input-hygiene"

// The refusals' codes are a contract with clients and the storefront; the sentences are what a
// person reads. Both are written out here as literals.
const store = { surface: "store" as const, quantities: true }

describe("text the shop refuses", () => {
  it("refuses control characters but tab, line feed and carriage return, anywhere, naming the code point", () => {
    for (const c of ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u000E", "\u001F", "\u007F"]) {
      expect(textRefusal(`Kaju${c}Katli`, "body.note", false)?.code).toBe("control_characters")
    }
    for (const c of ["\t", "\n", "\r", " ", "\u0080", "\u00A0"]) expect(textRefusal(`Kaju${c}Katli`, "body.note", false)).toBeNull()
    expect(textRefusal("a\u0000", "body.note", false)).toStrictEqual({
      code: "control_characters",
      message: "body.note contains a control character (U+0000); please send plain text without control characters.",
    })
    expect(textRefusal("\u007F", "query.q", true)?.message).toBe(
      "query.q contains a control character (U+007F); please send plain text without control characters."
    )
    expect(textRefusal("x\u001Fy", "query.q", false)?.message).toContain("(U+001F)")
  })

  it("refuses bidirectional overrides and isolates in names and addresses only", () => {
    for (const c of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(textRefusal(`Priya${c}Sharma`, "body.first_name", true)?.code).toBe("bidi_override")
      expect(textRefusal(`Priya${c}Sharma`, "body.note", false)).toBeNull()
    }
    for (const c of ["\u2029", "\u202F", "\u2065", "\u206A", "\u200F"]) expect(textRefusal(`Priya${c}Sharma`, "body.first_name", true)).toBeNull()
    expect(textRefusal("\u202Egnp.exe", "body.shipping_address.city", true)).toStrictEqual({
      code: "bidi_override",
      message:
        "body.shipping_address.city contains a bidirectional override character (U+202E), which makes a name or address read differently than it is written; please type it without one.",
    })
  })

  it("refuses a name or address made only of invisible characters", () => {
    for (const value of ["\u200B", "\u200B\u200C", "\u00AD", " \u200B ", "\u2060"]) {
      expect(textRefusal(value, "body.last_name", true)).toStrictEqual({
        code: "invisible_text",
        message: "body.last_name is made only of invisible characters; please type a real name or address.",
      })
    }
    for (const value of ["", "   ", "\u200BPriya", "P\u200D", "\u00A0"]) expect(textRefusal(value, "body.last_name", true)).toBeNull()
    expect(textRefusal("\u200B", "body.note", false)).toBeNull()
  })
})

describe("quantities", () => {
  const body = (quantity: unknown) => ({ items: [{ variant_id: "variant_1", quantity }] })

  it("on the store, whole numbers from 1 to 1,000", () => {
    expect(MAX_STORE_QUANTITY).toBe(1000)
    for (const ok of [1, 2, 1000]) expect(inspectInput(body(ok), "body", store)).toBeNull()
    for (const bad of [0, -1, 1001, 1.5, "2", null, true, Number.NaN]) {
      expect(inspectInput(body(bad), "body", store)).toStrictEqual({
        code: "invalid_quantity",
        message: "body.items[0].quantity must be a whole number from 1 to 1,000.",
      })
    }
  })

  it("on a line item's update 0 too, which removes the line", () => {
    const update = { ...store, zeroQuantity: true }
    expect(inspectInput({ quantity: 0 }, "body", update)).toBeNull()
    expect(inspectInput({ quantity: -1 }, "body", update)).toStrictEqual({
      code: "invalid_quantity",
      message: "body.quantity must be a whole number from 0 to 1,000 (0 removes the line).",
    })
  })

  it("on the admin, whole numbers from 0 to 10,000,000 in any *_quantity field; text is left to the route", () => {
    const admin = { surface: "admin" as const, quantities: true }
    expect(MAX_ADMIN_QUANTITY).toBe(10_000_000)
    expect(inspectInput({ stocked_quantity: 0, quantity: 10_000_000 }, "body", admin)).toBeNull()
    expect(inspectInput({ stocked_quantity: 10_000_001 }, "body", admin)).toStrictEqual({
      code: "invalid_quantity",
      message: "body.stocked_quantity must be a whole number from 0 to 1,00,00,000.",
    })
    expect(inspectInput({ quantity: -5 }, "body", admin)?.code).toBe("invalid_quantity")
    expect(inspectInput({ quantity: 2.5 }, "body", admin)?.code).toBe("invalid_quantity")
    expect(inspectInput({ quantity: "5" }, "body", admin)).toBeNull()
    // Only a field named quantity, or ending in _quantity.
    expect(inspectInput({ myquantity: -5, quantity_note: -5 }, "body", admin)).toBeNull()
  })

  it("only where quantities are checked: the store's quantity field, not the hooks, not a query", () => {
    expect(inspectInput({ stocked_quantity: -5 }, "body", store)).toBeNull()
    expect(inspectInput({ quantity: -5 }, "body", { surface: "hooks", quantities: true })).toBeNull()
    expect(inspectInput({ quantity: -5 }, "body", { surface: "auth", quantities: true })).toBeNull()
    expect(inspectInput({ quantity: -5 }, "query", { surface: "store" })).toBeNull()
  })
})

describe("walking a body", () => {
  it("names the field in the sentence, with array positions", () => {
    expect(inspectInput({ items: [{ metadata: { note: "ok" } }, { metadata: { note: "x\u0007" } }] }, "body", store)?.message).toBe(
      "body.items[1].metadata.note contains a control character (U+0007); please send plain text without control characters."
    )
    expect(inspectInput(["ok", "x\u0000"], "query", { surface: "store" })?.message).toMatch(/^query\[1\] contains/)
  })

  it("goes on past a quantity that is fine", () => {
    expect(inspectInput({ items: [{ quantity: 2, metadata: { note: "\u0000" } }] }, "body", store)?.message).toMatch(/^body\.items\[0\]\.metadata\.note contains/)
    expect(inspectInput({ quantity: 2, email: "\u0000" }, "body", store)?.code).toBe("control_characters")
  })

  it("answers the first refusal in the order of the fields", () => {
    expect(inspectInput({ a: "\u0001", b: "\u0002" }, "body", store)?.message).toMatch(/^body\.a contains a control character \(U\+0001\)/)
    expect(inspectInput({ a: ["\u0003", "\u0004"] }, "body", store)?.message).toMatch(/^body\.a\[0\] contains a control character \(U\+0003\)/)
  })

  it("checks names and addresses by their field, and everything under an address", () => {
    const names = ["first_name", "last_name", "full_name", "name", "company", "company_name", "address_1", "address_2", "city", "province", "postal_code", "phone", "email"]
    for (const field of names) expect(inspectInput({ [field]: "a\u202Eb" }, "body", store)?.code).toBe("bidi_override")
    for (const object of ["address", "shipping_address", "billing_address", "addresses", "customer_addresses"]) {
      expect(inspectInput({ [object]: { landmark: "a\u202Eb" } }, "body", store)?.code).toBe("bidi_override")
      expect(inspectInput({ [object]: [{ landmark: "a\u202Eb" }] }, "body", store)?.code).toBe("bidi_override")
    }
    for (const other of ["note", "addressx", "addressing", "title", "nickname"]) expect(inspectInput({ [other]: "a\u202Eb" }, "body", store)).toBeNull()
    expect(inspectInput({ shipping_address: { first_name: "\u200B" } }, "body", { surface: "admin" })?.code).toBe("invisible_text")
  })

  it("checks names on the store and the admin only", () => {
    expect(inspectInput({ first_name: "a\u202Eb" }, "body", { surface: "hooks" })).toBeNull()
    expect(inspectInput({ first_name: "a\u202Eb" }, "body", { surface: "auth" })).toBeNull()
    // Control characters are refused everywhere.
    expect(inspectInput({ first_name: "a\u0000b" }, "body", { surface: "hooks" })?.code).toBe("control_characters")
  })

  it("refuses keys that reach an object's prototype, and keys with control characters", () => {
    expect(inspectInput(JSON.parse('{"a":{"__proto__":{"x":1}}}'), "body", store)).toStrictEqual({
      code: "forbidden_key",
      message: 'body.a.__proto__: "__proto__" is not accepted as a field name.',
    })
    expect(inspectInput({ constructor: 1 }, "body", store)?.message).toBe('body.constructor: "constructor" is not accepted as a field name.')
    expect(inspectInput([{ prototype: {} }], "query", { surface: "admin" })?.message).toBe('query[0].prototype: "prototype" is not accepted as a field name.')
    expect(inspectInput({ a: { "b\u0000": 1 } }, "body", store)).toStrictEqual({
      code: "control_characters",
      message: "A field name in body.a contains a control character (U+0000); please send plain text without control characters.",
    })
    // A bidirectional character in a key is not a name's: left to the route.
    expect(inspectInput({ "b\u202E": 1 }, "body", store)).toBeNull()
  })

  it("refuses bodies nested deeper than 16 levels, objects and arrays alike", () => {
    expect(MAX_BODY_DEPTH).toBe(16)
    const nested = (levels: number, wrap: (v: unknown) => unknown) => {
      let value: unknown = {}
      for (let i = 0; i < levels; i++) value = wrap(value)
      return value
    }
    expect(inspectInput(nested(15, (v) => ({ a: v })), "body", store)).toBeNull()
    expect(inspectInput(nested(16, (v) => ({ a: v })), "body", store)).toStrictEqual({
      code: "too_deep",
      message: "body is nested more than 16 levels deep; no request of the shop needs that.",
    })
    expect(inspectInput(nested(15, (v) => [v]), "query", store)).toBeNull()
    expect(inspectInput(nested(16, (v) => [v]), "query", store)?.message).toBe("query is nested more than 16 levels deep; no request of the shop needs that.")
    // Text and numbers that deep are not containers: nothing to refuse.
    let deepText: unknown = "fine"
    for (let i = 0; i < 16; i++) deepText = { a: deepText }
    expect(inspectInput(deepText, "body", store)).toBeNull()
  })

  it("passes numbers, booleans and nulls", () => {
    expect(inspectInput({ a: 1, b: true, c: null, d: [1, false, null] }, "body", store)).toBeNull()
    expect(inspectInput(null, "body", store)).toBeNull()
  })
})

describe("the path", () => {
  it("refuses a segment that cannot be decoded, quoting at most 40 characters of it", () => {
    expect(pathRefusal("/store/products/%E0%A4")).toStrictEqual({ code: "malformed_url", message: "The address has a malformed percent-encoding (%E0%A4)." })
    const long = `${"a".repeat(50)}%`
    expect(pathRefusal(`/store/${long}`)?.message).toBe(`The address has a malformed percent-encoding (${"a".repeat(40)}).`)
  })

  it("refuses a control character once decoded", () => {
    expect(pathRefusal("/store/products/kaju%00katli")).toStrictEqual({
      code: "control_characters",
      message: "The address contains a control character (U+0000); please send plain text without control characters.",
    })
    expect(pathRefusal("/store/products/kaju%E2%80%AEkatli")).toBeNull()
    expect(pathRefusal("/store/products/%E0%A4%95")).toBeNull()
  })
})

describe("paging", () => {
  it("takes limit and offset as whole numbers PostgreSQL can page by", () => {
    expect(MAX_PAGING).toBe(2_147_483_647)
    expect(pagingRefusal({ limit: "20", offset: "0" })).toBeNull()
    expect(pagingRefusal({ limit: "2147483647" })).toBeNull()
    expect(pagingRefusal({ q: "kaju" })).toBeNull()
    expect(pagingRefusal(undefined)).toBeNull()
    expect(pagingRefusal(null)).toBeNull()
    expect(pagingRefusal("limit=5")).toBeNull()
    for (const bad of ["-1", "1.5", "2147483648", "99999999999", "", " 5", "5 ", "1e3", ["5"], 5]) {
      expect(pagingRefusal({ limit: bad })).toStrictEqual({
        code: "invalid_paging",
        message: "query.limit must be a whole number from 0 to 2,14,74,83,647.",
      })
    }
    expect(pagingRefusal({ limit: "5", offset: "-5" })?.message).toBe("query.offset must be a whole number from 0 to 2,14,74,83,647.")
  })
})

describe("a whole request", () => {
  it("is checked on the store, the admin, the hooks and auth only", () => {
    const bad = { first_name: "\u0000" }
    for (const path of ["/store/carts", "/admin/products", "/hooks/whatsapp", "/auth/customer/emailpass"]) {
      expect(requestRefusal({ method: "POST", originalUrl: path, body: bad })?.code).toBe("control_characters")
    }
    for (const path of ["/health", "/storefront/x", "/app/login", "/"]) expect(requestRefusal({ method: "POST", originalUrl: path, body: bad })).toBeNull()
  })

  it("checks the path without its query string, then the query, then the paging, then the body", () => {
    expect(requestRefusal({ method: "GET", originalUrl: "/store/products?q=%00" })).toBeNull()
    expect(requestRefusal({ method: "GET", originalUrl: "/store/pro%00ducts?q=a", query: { q: "\u0001" } })?.message).toMatch(/^The address contains/)
    expect(requestRefusal({ method: "GET", originalUrl: "/store/products", query: { q: "\u0001", limit: "-1" } })?.message).toMatch(/^query\.q contains/)
    expect(requestRefusal({ method: "POST", originalUrl: "/store/carts", query: { limit: "-1" }, body: { a: "\u0000" } })?.code).toBe("invalid_paging")
    expect(requestRefusal({ method: "POST", originalUrl: "/store/carts", query: {}, body: { a: "\u0000" } })?.code).toBe("control_characters")
  })

  it("pages only the store's and the admin's lists", () => {
    expect(requestRefusal({ method: "GET", originalUrl: "/admin/orders", query: { limit: "-1" } })?.code).toBe("invalid_paging")
    expect(requestRefusal({ method: "GET", originalUrl: "/hooks/whatsapp", query: { limit: "-1" } })).toBeNull()
    expect(requestRefusal({ method: "GET", originalUrl: "/auth/session", query: { offset: "x" } })).toBeNull()
  })

  it("checks a query's values as text only, and quantities in bodies", () => {
    expect(requestRefusal({ method: "GET", originalUrl: "/store/products", query: { quantity: "-3" } })).toBeNull()
    expect(requestRefusal({ method: "POST", originalUrl: "/store/carts/cart_1/line-items", body: { quantity: 0 } })?.code).toBe("invalid_quantity")
  })

  it("lets 0 through only on a line item's update", () => {
    for (const path of ["/store/carts/cart_1/line-items/item_1", "/store/carts/cart_1/line-items/item_1/"]) {
      expect(requestRefusal({ method: "POST", originalUrl: path, body: { quantity: 0 } })).toBeNull()
    }
    expect(requestRefusal({ method: "DELETE", originalUrl: "/store/carts/cart_1/line-items/item_1", body: { quantity: 0 } })?.code).toBe("invalid_quantity")
    expect(requestRefusal({ method: "POST", originalUrl: "/store/carts/cart_1/line-items/item_1/x", body: { quantity: 0 } })?.code).toBe("invalid_quantity")
    expect(requestRefusal({ method: "POST", originalUrl: "/x/store/carts/cart_1/line-items/item_1", body: { quantity: 0 } })).toBeNull()
    expect(requestRefusal({ method: "POST", originalUrl: "/store/x/store/carts/cart_1/line-items/item_1", body: { quantity: 0 } })?.code).toBe("invalid_quantity")
  })

  it("has no body to check without one", () => {
    expect(requestRefusal({ method: "POST", originalUrl: "/store/carts", body: null })).toBeNull()
    expect(requestRefusal({ method: "POST", originalUrl: "/store/carts" })).toBeNull()
  })
})

describe("the middleware and the error handler", () => {
  const response = () => {
    const res = { statusCode: 0, body: undefined as unknown, headersSent: false } as any
    res.status = jest.fn((code: number) => ((res.statusCode = code), res))
    res.json = jest.fn((body: unknown) => ((res.body = body), res))
    return res
  }

  it("answers a refused request 400 with its type, code and sentence, and passes the rest on untouched", () => {
    const res = response()
    const next = jest.fn()
    refuseUnhygienicInput({ method: "POST", originalUrl: "/store/carts", query: {}, body: { email: "\u0000" } } as unknown as MedusaRequest, res, next)
    expect(next).not.toHaveBeenCalled()
    expect(res.statusCode).toBe(400)
    expect(res.body).toStrictEqual({
      type: "invalid_data",
      code: "control_characters",
      message: "body.email contains a control character (U+0000); please send plain text without control characters.",
    })
    const fine = response()
    refuseUnhygienicInput({ method: "POST", originalUrl: "/store/carts", query: {}, body: { email: "priya@example.in" } } as unknown as MedusaRequest, fine, next)
    expect(next).toHaveBeenCalledWith()
    expect(fine.status).not.toHaveBeenCalled()
  })

  it("answers a path Express could not decode 400 malformed_url, and leaves every other error to Medusa", () => {
    const decodeError = Object.assign(new URIError("URI malformed"), { status: 400 })
    const res = response()
    const next = jest.fn() as unknown as MedusaNextFunction
    answerMalformedUrls(decodeError, {} as MedusaRequest, res as MedusaResponse, next)
    expect(res.statusCode).toBe(400)
    expect(res.body).toStrictEqual({ type: "invalid_data", code: "malformed_url", message: "The address has a malformed percent-encoding; please check the link." })
    expect(mockMedusaErrorHandler).not.toHaveBeenCalled()

    for (const [error, headersSent] of [
      [new URIError("URI malformed"), false],
      [Object.assign(new URIError("URI malformed"), { status: 500 }), false],
      [decodeError, true],
      [Object.assign(new Error("boom"), { status: 400 }), false],
    ] as const) {
      mockMedusaErrorHandler.mockClear()
      const other = response()
      other.headersSent = headersSent
      const req = { method: "GET", url: "/store/x" } as unknown as MedusaRequest
      answerMalformedUrls(error, req, other, next)
      expect(other.status).not.toHaveBeenCalled()
      expect(mockMedusaErrorHandler).toHaveBeenCalledTimes(1)
      expect(mockMedusaErrorHandler).toHaveBeenCalledWith(error, req, other, next)
    }
  })
})
