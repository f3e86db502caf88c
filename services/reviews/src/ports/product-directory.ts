// Which product a variant belongs to. Orders name variants; reviews are of products — and the orders'
// events do not say which product a variant is of, so the service asks the catalog once per order.
export interface ProductDirectory {
  /**
   * The product id of each variant the catalog sells; variants it does not know (or no longer sells)
   * are left out. Throws when the catalog cannot answer, so the message is tried again later.
   */
  productsOf(variantIds: readonly string[]): Promise<Map<string, string>>;
}
