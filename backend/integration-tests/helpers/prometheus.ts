/** Prometheus' text exposition format, read back for assertions. */
export type Sample = { name: string; labels: Record<string, string>; value: number }
export type Exposition = { samples: Sample[]; types: Map<string, string>; names: Set<string> }

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {}
  const pattern = /(\w+)="((?:[^"\\]|\\.)*)"/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) labels[match[1]] = match[2].replace(/\\n/g, "\n").replace(/\\"/g, '"').replace(/\\\\/g, "\\")
  return labels
}

export function parseExposition(text: string): Exposition {
  const samples: Sample[] = []
  const types = new Map<string, string>()
  const names = new Set<string>()
  for (const line of text.split("\n")) {
    if (!line.trim()) continue
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type) {
      types.set(type[1], type[2])
      names.add(type[1])
      // A histogram or summary is read through its series: name_bucket, name_sum, name_count.
      if (type[2] === "histogram") ["_bucket", "_sum", "_count"].forEach((suffix) => names.add(type[1] + suffix))
      if (type[2] === "summary") ["_sum", "_count"].forEach((suffix) => names.add(type[1] + suffix))
      continue
    }
    if (line.startsWith("#")) continue
    const sample = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line)
    if (!sample) throw new Error(`not a sample line: ${line}`)
    samples.push({ name: sample[1], labels: parseLabels(sample[3] ?? ""), value: Number(sample[4]) })
    names.add(sample[1])
  }
  return { samples, types, names }
}

/** The sum of the samples of `name` whose labels include `labels` (0 when none: a counter not yet counted). */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  return exposition.samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0)
}
