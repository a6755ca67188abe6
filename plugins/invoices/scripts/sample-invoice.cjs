// Writes a sample tax invoice (a Delhi seller, a delivery to Noida, Uttar Pradesh: IGST) as PDF,
// and as PNG when poppler's pdftoppm is installed: the README's picture.
//   node plugins/invoices/scripts/sample-invoice.cjs docs/screenshots/invoice-sample   (after the plugin's build)
"use strict"
const fs = require("fs")
const path = require("path")
const { execFileSync } = require("child_process")
const { renderInvoicePdf } = require("../.medusa/server/src/lib/pdf")
const { sellerFrom } = require("../.medusa/server/src/modules/invoices/service")

const out = process.argv[2] ?? "invoice-sample"
const seller = sellerFrom({
  gstin: "07AABCS1234Q1Z5",
  legal_name: "Sweet Shop Foods Private Limited",
  address: "12 Chandni Chowk, Delhi 110006",
  state: "Delhi (07)",
  fssai_licence: "13326999000123",
})
const order = {
  id: "order_sample",
  display_id: 1042,
  placed_at: new Date("2026-11-30T08:30:00Z"),
  total_paise: 146000,
  buyer: { name: "Priya Sharma", address_lines: ["B-14 Sector 62", "Noida 201301"], state: "Uttar Pradesh", state_code: "09", phone: null },
  lines: [
    { description: "Kaju Katli, 500 g", hsn: "1704", quantity: 1, total_paise: 60000 },
    { description: "Motichoor Laddoo, 1 kg", hsn: "2106", quantity: 1, total_paise: 56000 },
    { description: "Rasgulla, 12 pieces", hsn: "2106", quantity: 1, total_paise: 24000 },
    { description: "Delivery (Home delivery)", hsn: "9968", quantity: 1, total_paise: 6000 },
  ],
}

renderInvoicePdf({ kind: "invoice", number: "SS/2026-27/000123", date: order.placed_at, seller, order }).then((pdf) => {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
  fs.writeFileSync(`${out}.pdf`, pdf)
  try {
    execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", `${out}.pdf`, out])
    console.log(`wrote ${out}.pdf and ${out}.png`)
  } catch {
    console.log(`wrote ${out}.pdf (install poppler-utils for the PNG)`)
  }
})
