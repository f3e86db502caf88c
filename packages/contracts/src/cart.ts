// Cart rules the storefront and the orders service both apply: the orders service because it is the
// authority, the storefront so a shopper hears about a mistake before a round trip. Stated once here so
// the two can never disagree. No zod in this file: browser code imports it through `./cart` alone.

/** The most units of one variant a single cart line may hold. */
export const MAX_LINE_QUANTITY = 99;
