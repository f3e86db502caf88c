// The contact and delivery details of a checkout, checked the way the orders service checks them so
// that most mistakes are caught beside the field before anything is sent.

import { postalLines } from "@emporium/address";

export const DETAIL_FIELDS = [
  "email",
  "name",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
  "country",
  "phone",
] as const;

export type DetailField = (typeof DETAIL_FIELDS)[number];
export type DetailValues = Record<DetailField, string>;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

export interface CheckoutDetails {
  email: string;
  address: ShippingAddress;
}

/** Countries we deliver to, by ISO 3166 code. */
export const COUNTRIES = [
  { value: "US", label: "United States" },
  { value: "CA", label: "Canada" },
  { value: "GB", label: "United Kingdom" },
  { value: "IE", label: "Ireland" },
  { value: "DE", label: "Germany" },
  { value: "AT", label: "Austria" },
  { value: "CH", label: "Switzerland" },
  { value: "FR", label: "France" },
  { value: "BE", label: "Belgium" },
  { value: "NL", label: "Netherlands" },
  { value: "LU", label: "Luxembourg" },
  { value: "DK", label: "Denmark" },
  { value: "SE", label: "Sweden" },
  { value: "NO", label: "Norway" },
  { value: "FI", label: "Finland" },
  { value: "ES", label: "Spain" },
  { value: "PT", label: "Portugal" },
  { value: "IT", label: "Italy" },
  { value: "PL", label: "Poland" },
  { value: "CZ", label: "Czechia" },
  { value: "AU", label: "Australia" },
  { value: "NZ", label: "New Zealand" },
  { value: "JP", label: "Japan" },
] as const;

export const EMPTY_DETAILS: DetailValues = {
  email: "",
  name: "",
  line1: "",
  line2: "",
  city: "",
  region: "",
  postalCode: "",
  country: "US",
  phone: "",
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,10}[A-Za-z0-9]$/;
const PHONE = /^\+?[0-9 ()./-]{5,40}$/;
const KNOWN_COUNTRIES = new Set<string>(COUNTRIES.map((c) => c.value));

export function detailsFromForm(formData: FormData): DetailValues {
  const values = { ...EMPTY_DETAILS };
  for (const field of DETAIL_FIELDS) {
    const value = formData.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

export type DetailsCheck =
  { ok: true; details: CheckoutDetails } | { ok: false; errors: FieldErrors<DetailField> };

export function checkDetails(values: DetailValues): DetailsCheck {
  const v: DetailValues = { ...values };
  for (const field of DETAIL_FIELDS) v[field] = values[field].trim();
  const errors: FieldErrors<DetailField> = {};
  if (!v.email) errors.email = "Enter your email address";
  else if (!EMAIL.test(v.email) || v.email.length > 254)
    errors.email = "Enter an email address like ada@example.com";
  if (!v.name) errors.name = "Enter the name of the person receiving the order";
  else if (v.name.length > 120) errors.name = "Use at most 120 characters";
  if (!v.line1) errors.line1 = "Enter the street address";
  else if (v.line1.length > 200) errors.line1 = "Use at most 200 characters";
  if (v.line2.length > 200) errors.line2 = "Use at most 200 characters";
  if (!v.city) errors.city = "Enter the town or city";
  else if (v.city.length > 120) errors.city = "Use at most 120 characters";
  if (v.region.length > 120) errors.region = "Use at most 120 characters";
  if (!v.postalCode) errors.postalCode = "Enter the postal code";
  else if (!POSTAL_CODE.test(v.postalCode)) errors.postalCode = "Enter a postal code like 10115 or SW1A 1AA";
  if (!KNOWN_COUNTRIES.has(v.country)) errors.country = "Choose a country we deliver to";
  if (v.phone && !PHONE.test(v.phone)) errors.phone = "Enter a phone number using digits, spaces and +";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    details: {
      email: v.email,
      address: {
        name: v.name,
        line1: v.line1,
        ...(v.line2 ? { line2: v.line2 } : {}),
        city: v.city,
        ...(v.region ? { region: v.region } : {}),
        postalCode: v.postalCode.toUpperCase(),
        country: v.country,
        ...(v.phone ? { phone: v.phone } : {}),
      },
    },
  };
}

/** The address as lines to print on a page, in the order its country writes them. */
export function addressLines(address: ShippingAddress): string[] {
  const countryName = (code: string) => COUNTRIES.find((c) => c.value === code)?.label ?? code;
  return [...postalLines(address, { countryName }), ...(address.phone ? [address.phone] : [])];
}
