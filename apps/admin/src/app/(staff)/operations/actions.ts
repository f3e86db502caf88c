"use server";
// Replay or discard one dead letter, or send a stuck order's step again. The orders service checks the
// permission (operations.manage) and answers 404 for a dead letter or order that is not there, 409 for
// an order that is not stuck; each comes back as the form's message.
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/auth/session";
import { ordersAs } from "@/trpc/orders";
import { refusalOf } from "@/trpc/refusal";

export interface DeadLetterActionState {
  status: "idle" | "done" | "error";
  message: string | null;
}

type SagaQueue = Parameters<ReturnType<typeof ordersAs>["ops"]["replay"]["mutate"]>[0]["queue"];

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export async function settleDeadLetter(
  _prev: DeadLetterActionState,
  form: FormData,
): Promise<DeadLetterActionState> {
  const staff = await requireStaff();
  const action = field(form, "action");
  if (action !== "replay" && action !== "discard") return { status: "error", message: "Unknown action" };
  // The service validates the queue's name and says which it accepts.
  const input = { queue: field(form, "queue") as SagaQueue, messageId: field(form, "messageId") };
  try {
    if (action === "replay") await ordersAs(staff).ops.replay.mutate(input);
    else await ordersAs(staff).ops.discard.mutate(input);
  } catch (error) {
    return { status: "error", message: refusalOf(error).message };
  }
  revalidatePath("/operations");
  return {
    status: "done",
    message: action === "replay" ? "Sent back to its queue" : "Discarded for good",
  };
}

export async function retryStuckStep(
  _prev: DeadLetterActionState,
  form: FormData,
): Promise<DeadLetterActionState> {
  const staff = await requireStaff();
  let step: string;
  try {
    ({ step } = await ordersAs(staff).ops.retryStep.mutate({ orderId: field(form, "orderId") }));
  } catch (error) {
    return { status: "error", message: refusalOf(error).message };
  }
  revalidatePath("/operations");
  return { status: "done", message: `Sent ${step} again` };
}
