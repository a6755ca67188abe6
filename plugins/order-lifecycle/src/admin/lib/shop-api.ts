/** Calls the shop's admin routes with the staff member's session; errors carry the shop's sentence. */
export async function shopApi<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: "include", headers: { "content-type": "application/json" }, ...init })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.message ?? `The shop answered ${response.status}.`)
  return body as T
}

export const STATUS_COLOURS: Record<string, "grey" | "blue" | "orange" | "purple" | "green" | "red"> = {
  placed: "grey",
  confirmed: "blue",
  preparing: "orange",
  out_for_delivery: "purple",
  ready_for_pickup: "purple",
  delivered: "green",
  picked_up: "green",
  cancelled: "red",
}

export const units = (n: number, unit: "grams" | "pieces") =>
  unit === "grams"
    ? n >= 1000
      ? `${new Intl.NumberFormat("en-IN", { maximumFractionDigits: 3 }).format(n / 1000)} kg`
      : `${n} g`
    : `${new Intl.NumberFormat("en-IN").format(n)} ${n === 1 ? "piece" : "pieces"}`

/** Today in India, as YYYY-MM-DD. */
export const indiaToday = () => new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Kolkata" })
