"use client";
// Step 3: the card. Its details go from this browser straight to the payment provider, which answers
// with a token; only the token is kept (and later sent to our server). The inputs have no `name`, so
// even a form submitted without JavaScript could not carry them anywhere. The provider's refusals
// (a number that fails its checksum, an expired card) appear beside the field they concern.
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { TextField } from "@emporium/ui/text-field";
import {
  CARD_FIELDS,
  cardLabel,
  checkCardForm,
  formatCardNumber,
  formatExpiry,
  tokenizeCard,
  type CardErrors,
  type CardField,
  type CardToken,
  type CardValues,
} from "./card";

export interface PaymentStepProps {
  card: CardToken | null;
  /** A problem from placing the order (e.g. an expired token), shown on arrival. */
  problem: { field: CardField | null; message: string } | null;
  onDone: (card: CardToken) => void;
  continueLabel: string;
}

const EMPTY_CARD: CardValues = { name: "", number: "", expiry: "", cvc: "" };

export function PaymentStep({ card, problem, onDone, continueLabel }: PaymentStepProps) {
  const id = useId();
  const [values, setValues] = useState(EMPTY_CARD);
  const [errors, setErrors] = useState<CardErrors>(
    problem?.field ? { [problem.field]: problem.message } : {},
  );
  const [general, setGeneral] = useState<string | null>(problem && !problem.field ? problem.message : null);
  const [pending, setPending] = useState(false);
  const inputId = (field: CardField) => `${id}-${field}`;

  const focus = (field: CardField) => document.getElementById(inputId(field))?.focus();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    setGeneral(null);
    const local = checkCardForm(values);
    const firstLocal = CARD_FIELDS.find((f) => local[f]);
    if (firstLocal) {
      setErrors(local);
      focus(firstLocal);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await tokenizeCard(values);
    setPending(false);
    if (result.ok) {
      onDone(result.card);
      return;
    }
    if (result.field) {
      setErrors({ [result.field]: result.message });
      focus(result.field);
    } else {
      setGeneral(result.message);
    }
  };

  // The number is grouped and the expiry's slash added as they are typed.
  const format: Partial<Record<CardField, (text: string, previous: string) => string>> = {
    number: formatCardNumber,
    expiry: formatExpiry,
  };
  const set = (field: CardField) => (event: { target: { value: string } }) => {
    const text = event.target.value;
    setValues((v) => ({ ...v, [field]: format[field]?.(text, v[field]) ?? text }));
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-busy={pending}>
      {card && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl border border-line bg-canvas px-4 py-3 text-sm">
          <span>
            Paying with <span className="font-medium">{cardLabel(card)}</span>.
          </span>
          <Button variant="secondary" size="sm" onClick={() => onDone(card)}>
            Keep this card
          </Button>
          <span className="text-ink-muted">or enter another one below.</span>
        </div>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Card details</legend>
        <TextField
          id={inputId("name")}
          label="Name on card"
          autoComplete="cc-name"
          value={values.name}
          onChange={set("name")}
          error={errors.name ?? null}
          className="sm:col-span-2"
        />
        <TextField
          id={inputId("number")}
          label="Card number"
          autoComplete="cc-number"
          inputMode="numeric"
          value={values.number}
          onChange={set("number")}
          error={errors.number ?? null}
          className="sm:col-span-2"
        />
        <TextField
          id={inputId("expiry")}
          label="Expiry date"
          hint="MM/YY"
          autoComplete="cc-exp"
          inputMode="numeric"
          value={values.expiry}
          onChange={set("expiry")}
          error={errors.expiry ?? null}
        />
        <TextField
          id={inputId("cvc")}
          label="Security code"
          hint="3 digits on the back, 4 on the front of American Express"
          autoComplete="cc-csc"
          inputMode="numeric"
          value={values.cvc}
          onChange={set("cvc")}
          error={errors.cvc ?? null}
        />
      </fieldset>
      {general && (
        <Alert tone="error" live="assertive">
          {general}
        </Alert>
      )}
      <p className="text-xs text-ink-muted">
        Your card details are sent securely to our payment provider and never stored by Emporium. You are not
        charged until you place the order.
      </p>
      <div>
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? "Checking your card…" : continueLabel}
        </Button>
      </div>
    </form>
  );
}
