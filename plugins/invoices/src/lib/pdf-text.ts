/**
 * The text of an uncompressed PDF made by pdfkit with its standard fonts: each `BT … ET` block's
 * `Tj`/`TJ` strings (hex or literal), decoded as WinAnsi, one entry per block. Enough to read back
 * the invoices this plugin writes (tests, and a check before a PDF is served); not a general PDF reader.
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const body = pdf.toString("latin1")
  const lines: string[] = []
  for (const block of body.matchAll(/BT([\s\S]*?)ET/g)) {
    let text = ""
    for (const op of block[1].matchAll(/\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g)) {
      const source = op[1] ?? op[2]
      for (const piece of source.matchAll(/<([0-9a-fA-F]*)>|\(((?:[^)\\]|\\.)*)\)/g)) {
        if (piece[1] !== undefined) text += Buffer.from(piece[1], "hex").toString("latin1")
        else text += piece[2].replace(/\\([()\\])/g, "$1")
      }
    }
    if (text) lines.push(text)
  }
  return lines
}
