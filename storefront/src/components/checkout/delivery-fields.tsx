"use client"

import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react"
import { pincodeDigits } from "@sweetshop/shop-contracts"
import { checkDeliveryPincode } from "@/lib/actions/delivery"
import type { CheckoutFields, FieldErrors } from "@/lib/checkout-form"
import { dayOptionLabel, deliveryChoiceDays, pickupChoiceDays, pickupHoursNote, type DeliveryDay, type PincodeCheck } from "@/lib/delivery"
import type { Field } from "./use-checkout-form"

type Input = (name: Field, label: string, props?: InputHTMLAttributes<HTMLInputElement>, hint?: ReactNode) => ReactNode

/**
 * The backend's word on the pincode, asked as soon as the field holds a pincode
 * ("110 024" with a space is one): its area, and the city and state, which fill
 * the address fields.
 */
export function usePincodeCheck(fields: CheckoutFields, fill: (patch: Partial<CheckoutFields>) => void): PincodeCheck | null {
  const pincode = pincodeDigits(fields.pincode)
  const wantsPinCheck = fields.fulfilment === "delivery" && pincode !== null
  const [pinCheck, setPinCheck] = useState<PincodeCheck | null>(null)
  const asked = useRef("")
  useEffect(() => {
    if (!wantsPinCheck || !pincode || asked.current === pincode) return
    asked.current = pincode
    checkDeliveryPincode(pincode).then(
      (answer) => {
        if (asked.current !== answer.pincode) return
        setPinCheck(answer)
        if (answer.status === "serviceable" && answer.city && answer.state) fill({ city: answer.city, state: answer.state })
      },
      () => asked.current === pincode && setPinCheck({ pincode, status: "unknown", message: "We could not check this pincode just now; we check it again when you place the order." })
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantsPinCheck, pincode])
  return wantsPinCheck && pinCheck?.pincode === pincode ? pinCheck : null
}

/** Delivery or pickup, the address with its pincode check, and the day and slot. */
export function DeliveryFields({
  fields,
  errors,
  pin,
  days,
  input,
  set,
  setFields,
  festivalName = null,
}: {
  fields: CheckoutFields
  errors: FieldErrors
  pin: PincodeCheck | null
  days: DeliveryDay[]
  input: Input
  set: (name: Field) => (event: { target: { value: string } }) => void
  setFields: (patch: Partial<CheckoutFields>) => void
  /** A festival's pre-order: its days only, under its name. */
  festivalName?: string | null
}) {
  // Pickup's days are the counter's (no slot asked: the backend judges them by the pickup hours); delivery's have a slot.
  const choiceDays = (fulfilment: string) => (fulfilment === "pickup" ? pickupChoiceDays(days) : deliveryChoiceDays(days))
  const shown = choiceDays(fields.fulfilment)
  const day = shown.find((d) => d.date === fields.deliveryDate) ?? shown[0]
  const pickup = fields.fulfilment === "pickup"
  const slotFor = (next: DeliveryDay | undefined) => (next?.slots.find((s) => s.id === fields.slot && s.open) ? fields.slot : (next?.slots.find((s) => s.open)?.id ?? ""))
  /** Delivery or pickup chosen: the day is kept when the new way offers it, else its first day. */
  const chooseFulfilment = (event: { target: { value: string } }) => {
    const list = choiceDays(event.target.value)
    const next = list.find((d) => d.date === fields.deliveryDate) ?? list[0]
    setFields({ fulfilment: event.target.value === "pickup" ? "pickup" : "delivery", deliveryDate: next?.date ?? "", slot: slotFor(next) })
  }
  return (
    <>
      <fieldset>
        <legend>Delivery or pickup</legend>
        <label className="choice">
          <input type="radio" id="fulfilment-delivery" name="fulfilment" value="delivery" checked={fields.fulfilment === "delivery"} onChange={chooseFulfilment} />
          <span>Home delivery: charged by your delivery area, shown with the total</span>
        </label>
        <label className="choice">
          <input type="radio" id="fulfilment-pickup" name="fulfilment" value="pickup" checked={fields.fulfilment === "pickup"} onChange={chooseFulfilment} />
          <span>Pick up from the shop: 12 Halwai Gali, Chandni Chowk (free)</span>
        </label>
        {errors.fulfilment && <p className="field-error">{errors.fulfilment}</p>}
        {fields.fulfilment === "delivery" && (
          <>
            {input("address", "House number and street", { autoComplete: "address-line1", required: true })}
            {input("landmark", "Landmark (optional)", { autoComplete: "address-line2" }, "Near a temple, school or shop the rider can ask for.")}
            {input("pincode", "Pincode", { autoComplete: "postal-code", inputMode: "numeric", required: true }, "We check as you type whether our riders reach it, and fill in the city and state.")}
            <div role="status" aria-live="polite">
              {pin?.status === "serviceable" && !errors.pincode && (
                <p className="field-ok" data-testid="pincode-ok">
                  Good news: we deliver to {pin.pincode} ({pin.area}).
                </p>
              )}
              {pin?.status === "unknown" && (
                <p className="hint" data-testid="pincode-unknown">
                  {pin.message}
                </p>
              )}
            </div>
            {input("city", "City", { autoComplete: "address-level2", required: true })}
            {input("state", "State", { autoComplete: "address-level1", required: true })}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{pickup ? "Pickup day" : "Delivery day and time"}</legend>
        {festivalName && (
          <p className="festival-note" data-testid="checkout-festival">
            Pre-order for {festivalName}: choose one of the festival&apos;s days.
          </p>
        )}
        <div className="field">
          <label htmlFor="deliveryDate">Day</label>
          <select
            id="deliveryDate"
            name="deliveryDate"
            value={day?.date ?? ""}
            onChange={(e) => setFields({ deliveryDate: e.target.value, slot: slotFor(shown.find((d) => d.date === e.target.value)) })}
          >
            {shown.map((d) => (
              <option key={d.date} value={d.date}>
                {dayOptionLabel(d, fields.fulfilment)}
              </option>
            ))}
          </select>
        </div>
        {pickup && pickupHoursNote(day) && (
          <p className={day?.pickup?.open ? "hint" : "field-error"} data-testid="pickup-hours" aria-live="polite">
            {pickupHoursNote(day)}
          </p>
        )}
        {!pickup && (
          <div role="radiogroup" id="slot-group" tabIndex={-1} aria-labelledby="slot-label" aria-describedby={errors.slot ? "slot-error" : undefined}>
            <p id="slot-label" className="visually-hidden">
              Time slot
            </p>
            {day?.slots.map((s) => (
              <label key={s.id} className="choice">
                <input type="radio" name="slot" value={s.id} checked={fields.slot === s.id} disabled={!s.open} onChange={set("slot")} />
                <span>
                  {s.label}
                  {s.note && <span className="hint"> ({s.note})</span>}
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.slot && (
          <p className="field-error" id="slot-error">
            {errors.slot}
          </p>
        )}
        {!pickup && <p className="hint">Only slots that still take orders are shown; each closes three hours before it starts, or when it is full.</p>}
      </fieldset>
    </>
  )
}
