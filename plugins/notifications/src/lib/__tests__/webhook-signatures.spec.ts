import { twilioSignatureValid, verificationChallenge, whatsappSignatureValid } from "../webhook-signatures"

/**
 * Known answers: every expected signature below is a literal, never computed
 * by the module under test (nor by the same HMAC call in the test).
 */

describe("Twilio's X-Twilio-Signature", () => {
  // The worked example of Twilio's "Webhooks security" page
  // (https://www.twilio.com/docs/usage/webhooks/webhooks-security, "Validate
  // signatures"): auth token 12345, this URL and these POST parameters are
  // signed "0/KCTR6DLpKmkAf8muzZqo1nDgQ=" (HMAC-SHA1 of the URL followed by the
  // sorted parameters, base64). The same value comes out of
  //   printf '%s' 'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+12349013030Digits1234From+12349013030To+18005551212' \
  //     | openssl dgst -sha1 -hmac 12345 -binary | base64
  const token = "12345"
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2"
  const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" }
  const signature = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="

  it("accepts Twilio's documented example", () => {
    expect(twilioSignatureValid(token, url, signature, params)).toBe(true)
    // The parameters are sorted before signing: the order they arrive in does not matter.
    const reversed = Object.fromEntries(Object.entries(params).reverse())
    expect(twilioSignatureValid(token, url, signature, reversed)).toBe(true)
  })

  it("accepts the older example of Twilio's PHP library docs (same token and URL, caller +14158675309)", () => {
    // twilio-php docs/usage/validation.rst: signature "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    // openssl dgst -sha1 -hmac 12345 over the same concatenation gives the same.
    const older = { ...params, Caller: "+14158675309", From: "+14158675309" }
    expect(twilioSignatureValid(token, url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", older)).toBe(true)
    expect(twilioSignatureValid(token, url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", params)).toBe(false)
  })

  it("accepts a status callback signed for the shop's configured URL", () => {
    // openssl dgst -sha1 -hmac twilio-auth-token -binary | base64 over
    // 'https://shop.example.in/hooks/twilio/statusMessageSidSM0123456789abcdef0123456789abcdefMessageStatusdelivered'
    const callback = "https://shop.example.in/hooks/twilio/status"
    const fields = { MessageStatus: "delivered", MessageSid: "SM0123456789abcdef0123456789abcdef" }
    expect(twilioSignatureValid("twilio-auth-token", callback, "R0sUObdZrWB8Hs8rfGxgWfKq95Y=", fields)).toBe(true)
    expect(twilioSignatureValid("twilio-auth-token", callback, "R0sUObdZrWB8Hs8rfGxgWfKq95Y=", { ...fields, MessageStatus: "failed" })).toBe(false)
    expect(twilioSignatureValid("twilio-auth-token", "https://other.example.in/hooks/twilio/status", "R0sUObdZrWB8Hs8rfGxgWfKq95Y=", fields)).toBe(false)
  })

  it("refuses an altered parameter, another URL, another token, and an altered signature", () => {
    expect(twilioSignatureValid(token, url, signature, { ...params, Digits: "9999" })).toBe(false)
    expect(twilioSignatureValid(token, url, signature, { ...params, Extra: "1" })).toBe(false)
    expect(twilioSignatureValid(token, "https://mycompany.com/myapp.php?foo=1&bar=3", signature, params)).toBe(false)
    expect(twilioSignatureValid("12346", url, signature, params)).toBe(false)
    expect(twilioSignatureValid(token, url, "1/KCTR6DLpKmkAf8muzZqo1nDgQ=", params)).toBe(false)
    expect(twilioSignatureValid(token, url, "0/KCTR6DLpKmkAf8muzZqo1nDgQ", params)).toBe(false)
  })

  it("accepts nothing without a token, a URL or a signature", () => {
    // The example signed with an empty token (openssl dgst -sha1 -hmac '' …):
    // an unset token must not make an empty-key signature acceptable.
    expect(twilioSignatureValid("", url, "3cdcKJhDP37mDuun3bl3LgM2ApY=", params)).toBe(false)
    expect(twilioSignatureValid(undefined, url, signature, params)).toBe(false)
    expect(twilioSignatureValid(token, undefined, signature, params)).toBe(false)
    expect(twilioSignatureValid(token, "", signature, params)).toBe(false)
    expect(twilioSignatureValid(token, url, undefined, params)).toBe(false)
    expect(twilioSignatureValid(token, url, "", params)).toBe(false)
    expect(twilioSignatureValid(token, url, 42, params)).toBe(false)
    expect(twilioSignatureValid(token, url, [signature], params)).toBe(false)
  })
})

describe("WhatsApp's X-Hub-Signature-256", () => {
  // Meta documents the scheme ("Graph API → Webhooks → Getting started →
  // Validating payloads", https://developers.facebook.com/docs/graph-api/webhooks/getting-started,
  // and WhatsApp's "Create a webhook endpoint" page): "sha256=" followed by the
  // hex HMAC-SHA256 of the raw payload, keyed with the app secret. Meta gives
  // no worked example with a secret, so the expected values were computed with
  // an independent implementation:
  //   printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'sweet-shop-app-secret'
  // over the exact bytes of the body below (a delivery status in the shape of
  // Meta's "status" notification example).
  const secret = "sweet-shop-app-secret"
  const body =
    '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",' +
    '"metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA",' +
    '"status":"delivered","timestamp":"1750263773","recipient_id":"16505551234"}]},"field":"messages"}]}]}'
  const hex = "9a0bc9c4048daa5d7c65c6bcdfc0e92d20fbc52cb13728af4adb989c2f16efe8"

  it("accepts the signature of the raw body, as text or as bytes, in either hex case", () => {
    expect(whatsappSignatureValid(secret, body, `sha256=${hex}`)).toBe(true)
    expect(whatsappSignatureValid(secret, Buffer.from(body), `sha256=${hex}`)).toBe(true)
    expect(whatsappSignatureValid(secret, body, `sha256=${hex.toUpperCase()}`)).toBe(true)
  })

  it("signs the bytes Meta sent: escaped Unicode is not the same body once decoded", () => {
    // Meta escapes non-ASCII characters in the payload (\u0938…); the signature
    // is over those escapes. Computed with openssl as above.
    const escaped = String.raw`{"entry":[{"changes":[{"value":{"messages":[{"text":{"body":"\u0938\u094d\u091f\u0947\u091f\u0938"}}]}}]}]}`
    const signature = "sha256=c558231ba2c5412ab323ce931eb56ea8684ff1424f606da92dd87a03eb899043"
    expect(whatsappSignatureValid(secret, escaped, signature)).toBe(true)
    const decoded = JSON.stringify(JSON.parse(escaped))
    expect(decoded).toContain("स्टेटस")
    expect(whatsappSignatureValid(secret, decoded, signature)).toBe(false)
  })

  it("refuses another body, another secret, an altered or shortened signature", () => {
    expect(whatsappSignatureValid(secret, body.replace("delivered", "read"), `sha256=${hex}`)).toBe(false)
    expect(whatsappSignatureValid("another-app-secret", body, `sha256=${hex}`)).toBe(false)
    const altered = (hex[0] === "9" ? "8" : "9") + hex.slice(1)
    expect(whatsappSignatureValid(secret, body, `sha256=${altered}`)).toBe(false)
    expect(whatsappSignatureValid(secret, body, `sha256=${hex.slice(0, 62)}`)).toBe(false)
    expect(whatsappSignatureValid(secret, body, `sha256=${hex}00`)).toBe(false)
    expect(whatsappSignatureValid(secret, body, "sha256=")).toBe(false)
  })

  it("needs the sha256= prefix exactly", () => {
    expect(whatsappSignatureValid(secret, body, hex)).toBe(false)
    expect(whatsappSignatureValid(secret, body, `SHA256=${hex}`)).toBe(false)
    expect(whatsappSignatureValid(secret, body, `sha1=${hex}`)).toBe(false)
    expect(whatsappSignatureValid(secret, body, `sha256:${hex}`)).toBe(false)
  })

  it("refuses a header that is not one string", () => {
    expect(whatsappSignatureValid(secret, body, undefined)).toBe(false)
    expect(whatsappSignatureValid(secret, body, [`sha256=${hex}`])).toBe(false)
    expect(whatsappSignatureValid(secret, body, Buffer.from(`sha256=${hex}`))).toBe(false)
  })
})

describe("Meta's verification handshake", () => {
  // "Verification requests" (Graph API → Webhooks → Getting started): Meta sends
  // hub.mode=subscribe, hub.challenge and hub.verify_token; the endpoint answers the
  // challenge when the token is the one configured (no signature is involved: the
  // values below are arbitrary).
  const query = { "hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": "meatyhamhock" }

  it("answers the challenge for subscribe with the configured token", () => {
    expect(verificationChallenge(query, "meatyhamhock")).toBe("1158201444")
  })

  it("answers nothing for another mode, another token, or none configured", () => {
    expect(verificationChallenge({ ...query, "hub.mode": "unsubscribe" }, "meatyhamhock")).toBeNull()
    expect(verificationChallenge({ ...query, "hub.mode": undefined }, "meatyhamhock")).toBeNull()
    expect(verificationChallenge(query, "meatyhamhocK")).toBeNull()
    expect(verificationChallenge(query, "meatyhamhock2")).toBeNull()
    expect(verificationChallenge(query, "meatyham")).toBeNull()
    expect(verificationChallenge(query, undefined)).toBeNull()
    expect(verificationChallenge({ ...query, "hub.verify_token": "" }, "")).toBeNull()
  })

  it("answers nothing when the token or the challenge is not one string (a repeated query parameter)", () => {
    expect(verificationChallenge({ ...query, "hub.verify_token": undefined }, "meatyhamhock")).toBeNull()
    // An array whose bytes are the token's is still not the token.
    expect(verificationChallenge({ ...query, "hub.verify_token": [...Buffer.from("meatyhamhock")] }, "meatyhamhock")).toBeNull()
    expect(verificationChallenge({ ...query, "hub.challenge": ["1158201444", "2"] }, "meatyhamhock")).toBeNull()
    expect(verificationChallenge({ ...query, "hub.challenge": undefined }, "meatyhamhock")).toBeNull()
  })
})
