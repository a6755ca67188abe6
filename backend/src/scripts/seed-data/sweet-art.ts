import type { Sweet } from "./catalogue"

/**
 * Draws a small square SVG of a sweet on a plate: the seed's product images
 * are made here, not downloaded. The drawing is deterministic per product.
 */
export function drawSweetSvg(sweet: Pick<Sweet, "title" | "art">): string {
  const { shape, body, garnish } = sweet.art
  const pieces: string[] = []
  const positions = [
    [150, 170],
    [250, 170],
    [200, 245],
  ]

  for (const [x, y] of positions) {
    switch (shape) {
      case "diamond":
        pieces.push(
          `<polygon points="${x},${y - 42} ${x + 48},${y} ${x},${y + 42} ${x - 48},${y}" fill="${body}" stroke="#00000022" stroke-width="2"/>`,
          `<polygon points="${x},${y - 30} ${x + 34},${y} ${x},${y + 30} ${x - 34},${y}" fill="${garnish}" opacity="0.35"/>`
        )
        break
      case "square":
        pieces.push(
          `<rect x="${x - 38}" y="${y - 32}" width="76" height="64" rx="6" fill="${body}" stroke="#00000022" stroke-width="2"/>`,
          `<circle cx="${x - 10}" cy="${y - 8}" r="5" fill="${garnish}"/><circle cx="${x + 12}" cy="${y + 6}" r="4" fill="${garnish}"/>`
        )
        break
      case "roll":
        pieces.push(
          `<rect x="${x - 46}" y="${y - 22}" width="92" height="44" rx="22" fill="${body}" stroke="#00000022" stroke-width="2"/>`,
          `<ellipse cx="${x + 40}" cy="${y}" rx="8" ry="16" fill="${garnish}"/>`
        )
        break
      case "box":
        pieces.push(
          `<rect x="${x - 45}" y="${y - 38}" width="90" height="76" rx="4" fill="${body}" stroke="#00000033" stroke-width="2"/>`,
          `<rect x="${x - 6}" y="${y - 38}" width="12" height="76" fill="${garnish}"/><rect x="${x - 45}" y="${y - 6}" width="90" height="12" fill="${garnish}"/>`
        )
        break
      case "heap":
        pieces.push(
          `<path d="M ${x - 55} ${y + 30} Q ${x} ${y - 70} ${x + 55} ${y + 30} Z" fill="${body}" stroke="#00000022" stroke-width="2"/>`,
          `<circle cx="${x - 12}" cy="${y}" r="5" fill="${garnish}"/><circle cx="${x + 14}" cy="${y + 12}" r="5" fill="${garnish}"/><circle cx="${x}" cy="${y - 18}" r="4" fill="${garnish}"/>`
        )
        break
      case "round":
      default:
        pieces.push(
          `<circle cx="${x}" cy="${y}" r="40" fill="${body}" stroke="#00000022" stroke-width="2"/>`,
          `<circle cx="${x - 12}" cy="${y - 12}" r="10" fill="#ffffff" opacity="0.35"/><circle cx="${x + 6}" cy="${y + 4}" r="6" fill="${garnish}"/>`
        )
    }
  }

  const title = escapeXml(sweet.title)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${title}">`,
    `<rect width="400" height="400" fill="#fff7e8"/>`,
    `<ellipse cx="200" cy="215" rx="170" ry="120" fill="#ffffff" stroke="#e8d7b5" stroke-width="6"/>`,
    `<ellipse cx="200" cy="215" rx="140" ry="95" fill="none" stroke="#f0e2c6" stroke-width="3"/>`,
    ...pieces,
    `<text x="200" y="375" font-family="Georgia, serif" font-size="28" text-anchor="middle" fill="#5a3a1a">${title}</text>`,
    `</svg>`,
  ].join("")
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string)
}
