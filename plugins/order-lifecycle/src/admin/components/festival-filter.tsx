import { Input, Label, Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { shopApi } from "../lib/shop-api"

type FestivalOption = { handle: string; name: string }

/**
 * The shop's festivals to filter by (their handles, which orders carry in metadata.festival).
 * Read from the delivery settings' admin route when the shop has one; this plugin does not
 * depend on it, so without it the field takes a handle typed by hand.
 */
function useFestivalOptions(): FestivalOption[] | "asking" | "unlisted" {
  const [options, setOptions] = useState<FestivalOption[] | "asking" | "unlisted">("asking")
  useEffect(() => {
    shopApi<{ festivals: FestivalOption[] }>("/admin/delivery-settings/festivals")
      .then(({ festivals }) => setOptions(festivals.map((f) => ({ handle: f.handle, name: f.name }))))
      .catch(() => setOptions("unlisted"))
  }, [])
  return options
}

const ALL = "all"

/**
 * "Festival": one of the shop's festivals, or every order. A shop whose festivals cannot be
 * listed gets a field for a handle instead (applied when it loses focus or on Enter).
 */
export const FestivalFilter = ({ id, value, onChange }: { id: string; value: string; onChange: (handle: string) => void }) => {
  const options = useFestivalOptions()
  const [typed, setTyped] = useState(value)
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id} size="small">
        Festival
      </Label>
      {options !== "unlisted" ? (
        // Disabled while the festivals are asked for, so a choice is never made on a field about to change.
        <Select size="small" value={value || ALL} onValueChange={(handle) => onChange(handle === ALL ? "" : handle)} disabled={options === "asking"}>
          <Select.Trigger id={id} className="min-w-[180px]">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>All orders</Select.Item>
            {(options === "asking" ? [] : options).map((f) => (
              <Select.Item key={f.handle} value={f.handle}>
                {f.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      ) : (
        <Input
          id={id}
          size="small"
          placeholder="diwali-2026"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={() => onChange(typed.trim())}
          onKeyDown={(e) => e.key === "Enter" && onChange(typed.trim())}
        />
      )}
    </div>
  )
}
