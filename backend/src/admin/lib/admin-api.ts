/** The admin API with the staff session; a refusal's sentence (the shop's `message`) as the error. */
export async function call<T>(path: string, method: "GET" | "POST" | "DELETE" = "GET", body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "include",
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  })
  const answer = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(answer.message ?? `The shop answered ${response.status}.`)
  return answer as T
}

/** A change the page runs: on success it reloads and says so; on refusal it shows the shop's sentence and answers it (null on success). */
export type Change = (what: string, run: () => Promise<unknown>) => Promise<string | null>
