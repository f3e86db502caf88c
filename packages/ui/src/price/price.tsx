// A price as shoppers read it: "$45.00", "From $19.00" when variants differ, or a sale price beside
// the struck-through original. Strike-through alone is invisible to screen readers, so both amounts
// carry a spoken label.
import { cn } from "../cn";
import { formatMoney } from "../money";

export interface PriceProps {
  /** The price, or the lowest price of a range, in minor units. */
  amount: number;
  currency: string;
  /** The highest price when variants differ; shows "From <amount>". */
  maxAmount?: number | null;
  /** The price before a reduction; shown struck through when higher than `amount`. */
  compareAt?: number | null;
  locale?: string;
  size?: "sm" | "md" | "lg";
  className?: string;
}

const sizes = { sm: "text-sm", md: "text-base", lg: "text-2xl" } as const;

export function Price({
  amount,
  currency,
  maxAmount,
  compareAt,
  locale,
  size = "md",
  className,
}: PriceProps) {
  const isRange = maxAmount !== undefined && maxAmount !== null && maxAmount > amount;
  const onSale = compareAt !== undefined && compareAt !== null && compareAt > amount;
  const formatted = formatMoney(amount, currency, locale);
  return (
    <p className={cn("flex flex-wrap items-baseline gap-x-2", sizes[size], className)}>
      <span className={cn("font-semibold", onSale ? "text-sale" : "text-ink")}>
        {onSale && <span className="sr-only">Sale price </span>}
        {isRange ? `From ${formatted}` : formatted}
      </span>
      {onSale && (
        <s className="text-ink-muted text-[0.875em]">
          <span className="sr-only">Original price </span>
          {formatMoney(compareAt, currency, locale)}
        </s>
      )}
    </p>
  );
}
