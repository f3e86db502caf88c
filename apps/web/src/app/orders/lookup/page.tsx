import type { Metadata } from "next";
import { LookupForm } from "@/order/lookup-form";

export const metadata: Metadata = {
  title: "Find your order",
  robots: { index: false },
};

export default function OrderLookupPage() {
  return (
    <div className="mx-auto max-w-lg px-4 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">Find your order</h1>
      <p className="mt-3 text-ink-muted">
        Enter your order number and the email address you ordered with to see where your order is.
      </p>
      <div className="mt-8">
        <LookupForm />
      </div>
    </div>
  );
}
