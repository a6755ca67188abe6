import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { GSTIN_PATTERN, gstState } from "@sweetshop/shop-contracts"
import { documentNumber, financialYear, type DocumentKind } from "../../lib/gst"
import { InvoiceCounter } from "./models/invoice-counter"
import { InvoiceDocument } from "./models/invoice-document"

/** The seller as the invoice names it (SHOP_GSTIN, SHOP_LEGAL_NAME, SHOP_ADDRESS, SHOP_STATE, SHOP_FSSAI_LICENCE). */
export type InvoicesOptions = {
  gstin: string
  legal_name: string
  address: string
  /** The shop's state by name ("Delhi") or name and code ("Delhi (07)"). */
  state: string
  fssai_licence: string
  /** The series' prefix: "SS" gives SS/2026-27/000123. */
  number_prefix?: string
}

export type Seller = { gstin: string; legal_name: string; address: string; state: string; state_code: string; fssai_licence: string; number_prefix: string }

export type NumberedDocument = { id: string; kind: DocumentKind; number: string; fiscal_year: string; sequence: number; order_id: string; refund_key: string | null; amount_paise: number; created_at: Date }

type Row = Omit<NumberedDocument, "created_at"> & { created_at: Date | string }

/** Thrown inside the numbering transaction when the order (or refund) got its number elsewhere meanwhile. */
class AlreadyNumbered extends Error {}

/** Reads the seller's settings; throws one sentence per wrong one. */
export function sellerFrom(options: Partial<InvoicesOptions> | undefined): Seller {
  const o = options ?? {}
  const state = gstState(String(o.state ?? "").replace(/\s*\(\s*(\d{2})\s*\)\s*$/, ""))
  if (!state) throw new Error(`invoices: the shop's state "${o.state ?? ""}" (SHOP_STATE) is not an Indian state or union territory.`)
  const code = /\((\d{2})\)\s*$/.exec(String(o.state))?.[1]
  if (code && code !== state.code) throw new Error(`invoices: SHOP_STATE says ${state.name} is GST state ${code}; its code is ${state.code}.`)
  const gstin = String(o.gstin ?? "").trim().toUpperCase()
  if (!GSTIN_PATTERN.test(gstin)) throw new Error(`invoices: the shop's GSTIN "${gstin}" (SHOP_GSTIN) is not 15 characters in the GSTIN pattern.`)
  if (gstin.slice(0, 2) !== state.code) throw new Error(`invoices: the GSTIN ${gstin} belongs to state ${gstin.slice(0, 2)}, not to ${state.name} (${state.code}).`)
  for (const [name, env] of [["legal_name", "SHOP_LEGAL_NAME"], ["address", "SHOP_ADDRESS"], ["fssai_licence", "SHOP_FSSAI_LICENCE"]] as const) {
    if (!String(o[name] ?? "").trim()) throw new Error(`invoices: ${env} is empty; the invoice must name it.`)
  }
  return {
    gstin,
    legal_name: String(o.legal_name).trim(),
    address: String(o.address).trim(),
    state: state.name,
    state_code: state.code,
    fssai_licence: String(o.fssai_licence).trim(),
    number_prefix: o.number_prefix?.trim() || "SS",
  }
}

/**
 * The numbers of the shop's tax invoices and credit notes. Each series (kind and financial
 * year) has one counter row; a number is taken by `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 * in the same transaction that writes the document, so concurrent orders wait on the row's lock
 * and a transaction that fails gives its number back: the series has no gaps and no repeats.
 */
export default class InvoicesModuleService extends MedusaService({ InvoiceDocument, InvoiceCounter }) {
  readonly seller: Seller

  constructor(container: Record<string, unknown>, options: InvoicesOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.seller = sellerFrom(options)
  }

  /** The order's tax invoice number, given once (a second call answers the first's). */
  async invoiceFor(orderId: string, amountPaise: number, placedAt: Date): Promise<NumberedDocument> {
    return await this.numbered_("invoice", orderId, null, amountPaise, placedAt)
  }

  /** The credit note of one refund (its key: the refund's id or event), given once. */
  async creditNoteFor(orderId: string, refundKey: string, amountPaise: number, at: Date): Promise<NumberedDocument> {
    return await this.numbered_("credit_note", orderId, refundKey, amountPaise, at)
  }

  async documentsOf(orderId: string): Promise<NumberedDocument[]> {
    const rows = await this.listInvoiceDocuments({ order_id: orderId }, { order: { sequence: "ASC" } })
    return rows.map((row) => ({ ...(row as unknown as Row), created_at: new Date(row.created_at as unknown as string) }))
  }

  private async existing_(kind: DocumentKind, orderId: string, refundKey: string | null): Promise<NumberedDocument | null> {
    const filters = kind === "invoice" ? { kind, order_id: orderId } : { kind, refund_key: refundKey }
    const [row] = await this.listInvoiceDocuments(filters as never)
    return row ? { ...(row as unknown as Row), created_at: new Date(row.created_at as unknown as string) } : null
  }

  private async numbered_(kind: DocumentKind, orderId: string, refundKey: string | null, amountPaise: number, at: Date): Promise<NumberedDocument> {
    if (!Number.isSafeInteger(amountPaise) || amountPaise < 0) throw new Error(`invoices: an amount must be whole paise: ${amountPaise}`)
    const found = await this.existing_(kind, orderId, refundKey)
    if (found) return found
    try {
      return await this.take_(kind, orderId, refundKey, amountPaise, financialYear(at))
    } catch (error) {
      // Another process numbered the same order (or refund) at the same moment: its number stands, ours was given back.
      if (error instanceof AlreadyNumbered) {
        const again = await this.existing_(kind, orderId, refundKey)
        if (again) return again
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async take_(
    kind: DocumentKind,
    orderId: string,
    refundKey: string | null,
    amountPaise: number,
    fiscalYear: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<NumberedDocument> {
    const manager = sharedContext.transactionManager as { execute: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }
    const [counter] = await manager.execute(
      `INSERT INTO invoice_counter (id, last_number) VALUES (?, 1)
       ON CONFLICT (id) DO UPDATE SET last_number = invoice_counter.last_number + 1, updated_at = now()
       RETURNING last_number`,
      [`${kind}:${fiscalYear}`]
    )
    const sequence = Number(counter.last_number)
    const number = documentNumber(kind, fiscalYear, sequence, this.seller.number_prefix)
    const id = `invdoc_${randomUUID().replace(/-/g, "").slice(0, 26).toUpperCase()}`
    const [row] = await manager.execute(
      `INSERT INTO invoice_document (id, kind, number, fiscal_year, sequence, order_id, refund_key, amount_paise)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id, kind, number, fiscal_year, sequence, order_id, refund_key, amount_paise, created_at`,
      [id, kind, number, fiscalYear, sequence, orderId, refundKey, amountPaise]
    )
    // Numbered by another transaction meanwhile (the insert waited for it): roll back, so the counter gives our number back.
    if (!row) throw new AlreadyNumbered()
    return { ...(row as unknown as Row), sequence: Number(row.sequence), amount_paise: Number(row.amount_paise), created_at: new Date(row.created_at as string) }
  }
}
