"use server";
// The address book: saved and removed as the signed-in shopper; the orders service checks the
// address the same way checkout does, and acts only on this shopper's book.
import { revalidatePath } from "next/cache";
import { TRPCClientError } from "@trpc/client";
import { currentShopper, ordersAs } from "@/auth/session";
import { checkDetails, detailsFromForm, type DetailField } from "@/checkout/details";
import { clearCartToken } from "@/session/server";

export interface AddressFormState {
  status: "idle" | "saved" | "error";
  message: string | null;
  errors?: Partial<Record<DetailField, string>>;
}

export async function addAddress(_prev: AddressFormState, form: FormData): Promise<AddressFormState> {
  const shopper = await currentShopper();
  if (!shopper) return { status: "error", message: "Your session ended; sign in again." };
  const checked = checkDetails({ ...detailsFromForm(form), email: shopper.email });
  if (!checked.ok)
    return { status: "error", message: "Check the fields marked below.", errors: checked.errors };
  try {
    await ordersAs(shopper).account.addresses.save.mutate({ address: checked.details.address });
  } catch (error) {
    if (error instanceof TRPCClientError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/account");
  return { status: "saved", message: "Address saved" };
}

export async function removeAddress(form: FormData): Promise<void> {
  const shopper = await currentShopper();
  if (!shopper) return;
  await ordersAs(shopper)
    .account.addresses.remove.mutate({ id: String(form.get("id") ?? "") })
    .catch((error: unknown) => {
      // Already gone (a second click): the page shows the book as it is now.
      if (!(error instanceof TRPCClientError)) throw error;
    });
  revalidatePath("/account");
}

/** Signing out leaves no cart behind on this device: it stays in the account for the next sign-in. */
export async function forgetCart(): Promise<void> {
  await clearCartToken();
}
