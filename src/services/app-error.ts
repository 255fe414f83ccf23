// One error type with a closed set of codes. Services and edges throw it; the CLI turns it into a
// one-line message and exit 1, and HTTP maps each code to a status in one table (http/errors.ts).
export const ERROR_CODES = [
  "invalid_input",
  "unknown_chassis_code",
  "unknown_state",
  "unknown_hts",
  "not_found",
  "invalid_credentials",
  "unauthenticated",
  "forbidden",
  "photo_rejected",
  "payload_too_large",
  "rate_limited",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toJSON(): { error: { code: ErrorCode; message: string; field?: string } & Record<string, unknown> } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ?? {}),
      },
    };
  }
}
