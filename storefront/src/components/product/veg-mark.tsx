/**
 * The vegetarian mark Indian food packs carry (FSSAI): a green square with a
 * green dot, or a brown-red square with a triangle for non-vegetarian food.
 * Nothing when the product does not say. The words are there for everyone.
 */
export function VegMark({ veg, compact = false }: { veg: boolean | null; compact?: boolean }) {
  if (veg === null) return null
  const colour = veg ? "#0f8a3c" : "#8a1c1c"
  const label = veg ? "Vegetarian" : "Non-vegetarian"
  return (
    <span className={`veg-mark ${veg ? "veg" : "non-veg"}`} data-testid="veg-mark" data-veg={veg}>
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="14" height="14" fill="#fff" stroke={colour} strokeWidth="2" />
        {veg ? <circle cx="8" cy="8" r="4" fill={colour} /> : <path d="M8 3.5 12.5 12h-9z" fill={colour} />}
      </svg>
      {compact ? <span className="visually-hidden">{label}</span> : label}
    </span>
  )
}
