// A signed-in shopper's saved addresses. Saving happens under the account's address-book lock, so the
// cap on how many are kept holds under double submits.
export interface AddressRecord {
  id: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

/** The account's book inside the transaction that holds its lock. */
export interface LockedAddressBook {
  entries(): Promise<AddressRecord[]>;
  add(address: AddressRecord): Promise<AddressRecord>;
}

export interface AddressBook {
  /** The customer's saved addresses, newest first. */
  list(customerId: string): Promise<AddressRecord[]>;
  /** Runs `fn` in one transaction that holds the customer's address-book lock. */
  edit<T>(customerId: string, fn: (book: LockedAddressBook) => Promise<T>): Promise<T>;
  /** Removes one saved address; false when the customer has no such address. */
  remove(customerId: string, id: string): Promise<boolean>;
}
