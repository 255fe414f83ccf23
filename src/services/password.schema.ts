// What a new password must be: long enough to resist guessing (ASVS 2.1.1 asks for 12 characters), any
// characters, no composition rules, and short enough to hash quickly. Existing passwords are not
// checked against it: log-in reads any length, and a shorter one stays until its owner changes it.
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`);
