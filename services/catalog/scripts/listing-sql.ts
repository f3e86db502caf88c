// Prints the SQL the catalog runs for the storefront's default listing (published products, newest
// first, one page with brand, first image and sale price) as JSON `{ text, values }`. The catalog
// benchmark (bench/catalog) times exactly this statement through Prisma and through raw `pg`; it asks
// for it here, as a process, because outside code reaches the catalog only through its public entries.
//   usage: tsx scripts/listing-sql.ts <limit>
import { listingItemsSql } from "../src/adapters/prisma/listing-sql";

const limit = Number(process.argv[2] ?? "24");
if (!Number.isInteger(limit) || limit < 1)
  throw new Error(`limit must be a positive integer, got ${process.argv[2]}`);

const sql = listingItemsSql({
  categoryIds: null,
  search: null,
  brandIds: [],
  attributeGroups: [],
  priceMin: null,
  priceMax: null,
  inStock: false,
  minRating: null,
  sort: "newest",
  limit,
  keyset: null,
  offset: 0,
});
process.stdout.write(`${JSON.stringify({ text: sql.text, values: sql.values })}\n`);
