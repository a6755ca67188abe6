import { Input, Label } from "@medusajs/ui"
import type { ComponentProps } from "react"

/** One labelled input of an admin form: the label above a small input, as the Delivery settings forms lay them out. */
export const FieldRow = ({ id, label, className, ...input }: { id: string; label: string; className?: string } & Omit<ComponentProps<typeof Input>, "id" | "size">) => (
  <div className={className}>
    <Label size="small" htmlFor={id}>
      {label}
    </Label>
    <Input id={id} size="small" {...input} />
  </div>
)

/** The props that bind a FieldRow to one key of a form's state. */
export function bindField<F extends Record<string, string>>(form: F, setForm: (next: F) => void) {
  return (key: keyof F) => ({ value: form[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value }) })
}
