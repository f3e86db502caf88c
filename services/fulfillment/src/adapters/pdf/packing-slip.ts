// The packing slip that goes into the parcel: order number, date, where it goes, and what is in it —
// never prices (the parcel may be a gift). A4 pages; long orders continue on further pages with the
// table header repeated; long titles wrap. The standard PDF fonts only know Western European
// characters, so others are transliterated where that is obvious (Ł → L) and shown as "?" otherwise.
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { countryName, postalLines } from "@emporium/address";
import type { Address } from "@emporium/contracts";

export interface PackingSlipLine {
  sku: string;
  title: string;
  quantity: number;
}

export interface PackingSlip {
  orderNumber: string;
  date: Date;
  shipTo: Address;
  carrier: string;
  shippingMethod: string;
  lines: readonly PackingSlipLine[];
}

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 50;
const FOOTER = 40;
const SIZE = { title: 20, heading: 11, body: 10, small: 8 };
const LEADING = 13;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.42, 0.42, 0.46);
const RULE = rgb(0.78, 0.78, 0.8);
// Table columns: a tick box for the packer, quantity, SKU, then the title takes the rest.
const COL = { box: MARGIN, qty: MARGIN + 22, sku: MARGIN + 62, title: MARGIN + 190 };
const TITLE_WIDTH = PAGE.width - MARGIN - COL.title;
const MAX_TITLE_LINES = 3;

// Letters that Unicode does not decompose into a base letter plus accents.
const TRANSLITERATE: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
};

function printable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  const one = (ch: string): string => {
    if (known.has(ch.codePointAt(0) ?? 0)) return ch;
    const mapped = TRANSLITERATE[ch];
    if (mapped) return mapped;
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    return base.length > 0 && [...base].every((c) => known.has(c.codePointAt(0) ?? 0)) ? base : "?";
  };
  return (text) =>
    [...text.replace(/[\r\n\t]+/g, " ")]
      .map(one)
      .join("")
      .replace(/\p{Cc}/gu, "");
}

/** Splits text into lines no wider than `width`, breaking long words if it must; at most `max` lines. */
function wrap(text: string, font: PDFFont, size: number, width: number, max: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = `${kept[max - 1] ?? ""}…`;
  while (!fits(last) && last.length > 1) last = `${last.slice(0, -2)}…`;
  kept[max - 1] = last;
  return kept;
}

// Intl formatters are costly to build and safe to share: one for every slip.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export function addressLines(a: Address): string[] {
  // The country in capitals on its own last line, as carriers ask for international mail.
  const country = (code: string) => countryName(code).toUpperCase();
  return [...postalLines(a, { countryName: country }), ...(a.phone ? [`Tel. ${a.phone}`] : [])];
}

export async function renderPackingSlip(slip: PackingSlip): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = printable(regular);
  const date = LONG_DATE.format(slip.date);
  const orderNumber = clean(slip.orderNumber);

  doc.setTitle(`Packing slip for order ${orderNumber}`);
  doc.setSubject(`Order ${orderNumber}`);
  doc.setCreator("Emporium fulfillment");
  doc.setProducer("Emporium fulfillment");
  // Dated by the slip rather than the clock, so rendering the same slip twice gives the same bytes.
  doc.setCreationDate(slip.date);
  doc.setModificationDate(slip.date);

  const text = (
    page: PDFPage,
    s: string,
    x: number,
    y: number,
    font = regular,
    size = SIZE.body,
    color = INK,
  ) => page.drawText(clean(s), { x, y, font, size, color });
  const rule = (page: PDFPage, y: number) =>
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: PAGE.width - MARGIN, y },
      thickness: 0.6,
      color: RULE,
    });

  const pages: PDFPage[] = [];
  const tableHeader = (page: PDFPage, y: number): number => {
    text(page, "Qty", COL.qty + 24 - bold.widthOfTextAtSize("Qty", SIZE.small), y, bold, SIZE.small, MUTED);
    text(page, "SKU", COL.sku, y, bold, SIZE.small, MUTED);
    text(page, "Item", COL.title, y, bold, SIZE.small, MUTED);
    rule(page, y - 5);
    return y - 5 - LEADING - 2;
  };
  const newPage = (): { page: PDFPage; y: number } => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    const top = PAGE.height - MARGIN;
    if (pages.length > 1) {
      text(page, `Order ${orderNumber} (continued)`, MARGIN, top - SIZE.heading, bold, SIZE.heading);
      return { page, y: tableHeader(page, top - SIZE.heading - 24) };
    }
    return { page, y: top };
  };

  let { page, y } = newPage();

  // Heading: who sends it, what it is, which order.
  text(page, "Emporium", MARGIN, y - SIZE.title, bold, SIZE.title);
  const label = "PACKING SLIP";
  page.drawText(label, {
    x: PAGE.width - MARGIN - bold.widthOfTextAtSize(label, SIZE.heading),
    y: y - SIZE.title + 4,
    font: bold,
    size: SIZE.heading,
    color: MUTED,
  });
  y -= SIZE.title + 16;
  rule(page, y);
  y -= 22;

  // Two columns: order facts on the left, the address on the right.
  const facts: [string, string][] = [
    ["Order", orderNumber],
    ["Date", date],
    ["Shipping", `${slip.shippingMethod} (${slip.carrier})`],
    ["Items", String(slip.lines.reduce((n, l) => n + l.quantity, 0))],
  ];
  let left = y;
  for (const [k, v] of facts) {
    text(page, k, MARGIN, left, bold, SIZE.body, MUTED);
    text(page, v, MARGIN + 60, left);
    left -= LEADING + 2;
  }
  const shipToX = PAGE.width / 2 + 10;
  const shipToWidth = PAGE.width - MARGIN - shipToX;
  text(page, "Ship to", shipToX, y, bold, SIZE.body, MUTED);
  let right = y - LEADING - 2;
  for (const line of addressLines(slip.shipTo))
    for (const part of wrap(clean(line), regular, SIZE.body, shipToWidth, 2)) {
      text(page, part, shipToX, right);
      right -= LEADING;
    }
  y = Math.min(left, right) - 18;

  y = tableHeader(page, y);
  for (const line of slip.lines) {
    const titleLines = wrap(clean(line.title), regular, SIZE.body, TITLE_WIDTH, MAX_TITLE_LINES);
    const skuLines = wrap(clean(line.sku), regular, SIZE.body, COL.title - COL.sku - 8, 2);
    const rows = Math.max(titleLines.length, skuLines.length);
    const height = rows * LEADING + 8;
    if (y - height < MARGIN + FOOTER) ({ page, y } = newPage());
    page.drawRectangle({ x: COL.box, y: y - 1, width: 9, height: 9, borderColor: MUTED, borderWidth: 0.8 });
    const qty = String(line.quantity);
    text(page, qty, COL.qty + 24 - regular.widthOfTextAtSize(qty, SIZE.body), y, bold);
    skuLines.forEach((s, i) => text(page, s, COL.sku, y - i * LEADING));
    titleLines.forEach((s, i) => text(page, s, COL.title, y - i * LEADING));
    y -= height;
    rule(page, y + LEADING); // halfway between this row's descenders and the next row's capitals
  }

  const closing = "Thank you for shopping with Emporium. Questions? Reply to your order confirmation e-mail.";
  if (y - LEADING * 2 < MARGIN + FOOTER) ({ page, y } = newPage());
  text(page, closing, MARGIN, y - LEADING, regular, SIZE.small, MUTED);

  pages.forEach((p, i) => {
    const footer = `Order ${orderNumber}  ·  page ${i + 1} of ${pages.length}`;
    text(p, footer, MARGIN, MARGIN - 10, regular, SIZE.small, MUTED);
  });
  return doc.save();
}
