import crypto from "node:crypto"

/**
 * A staff password nobody can guess: 18 random bytes (144 bits) in base64url,
 * 24 characters a person can still copy. Never a fixed default (issue 23).
 */
export function generateAdminPassword(): string {
  return crypto.randomBytes(18).toString("base64url")
}
