// Field formats shared by the identity service's input schemas.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, STAFF_ROLES } from "@emporium/auth";
import { z } from "zod";
import { normalizeEmail } from "../../domain/staff";

export const email = z
  .string()
  .max(254, "must be at most 254 characters")
  .transform(normalizeEmail)
  .pipe(z.email("must be an email address"));

/** A password being chosen: the length rules apply. */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** A password being checked: any length up to the maximum (rules may have changed since it was chosen). */
export const password = z
  .string()
  .min(1, "is required")
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const staffRole = z.enum(STAFF_ROLES, { error: `must be one of ${STAFF_ROLES.join(", ")}` });
