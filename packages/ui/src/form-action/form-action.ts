"use client";
// Submitting a form to a server action without losing what was typed. React resets a form's fields
// after any action passed as its `action` prop — fine after a success, wrong after "check the price":
// the person would have to type everything again. This submit handler runs the same action in a
// transition instead, and leaves the fields as they are.
import { startTransition, type FormEvent } from "react";

export function keepValuesOnRefusal(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => action(data));
  };
}
