// Reading and writing the checkout's progress cookie (see ./progress). Only server code imports this.
import { cookies } from "next/headers";
import { env } from "@/env";
import {
  PROGRESS_COOKIE,
  PROGRESS_PATH,
  progressCookie,
  progressFrom,
  type CheckoutProgress,
} from "./progress";

export async function readCheckoutProgress(): Promise<CheckoutProgress | null> {
  return progressFrom((await cookies()).get(PROGRESS_COOKIE)?.value);
}

export async function writeCheckoutProgress(progress: CheckoutProgress): Promise<void> {
  (await cookies()).set(progressCookie(progress, { secure: env.SECURE_COOKIES }));
}

export async function clearCheckoutProgress(): Promise<void> {
  (await cookies()).delete({ name: PROGRESS_COOKIE, path: PROGRESS_PATH });
}
