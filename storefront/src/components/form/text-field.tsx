import type { ComponentProps, ReactNode } from "react"

type TextFieldProps = Omit<ComponentProps<"input">, "id"> & {
  id: string
  label: string
  /** A line under the field, read out with it. */
  hint?: ReactNode
  /** The field's error, shown under it and read out with it. */
  error?: string
  /** data-testid of the error line. */
  errorTestId?: string
  /** Announce the error as it appears (for an answer that comes after the shopper pressed a button). */
  announceError?: boolean
}

/**
 * A labelled text input with its hint and inline error, wired for screen readers
 * (aria-invalid, aria-describedby). Every form of the shop uses it.
 */
export function TextField({ id, label, hint, error, errorTestId, announceError, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role={announceError ? "alert" : undefined} data-testid={errorTestId}>
          {error}
        </p>
      )}
    </div>
  )
}
