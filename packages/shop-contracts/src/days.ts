/**
 * A delivery day ("2026-12-03", a calendar date in the shop's time, India) as the shop
 * writes it to people: "Thursday 3 December". The backend's delivery rules, the kitchen
 * sheet and the festivals use this one wording.
 */
const dayName = new Intl.DateTimeFormat("en-IN", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })

export function dayLabel(day: string): string {
  return dayName.format(new Date(`${day}T00:00:00Z`))
}
