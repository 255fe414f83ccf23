// Request body limits, checked before anything reads a body: a form is a few kilobytes, so 1 MiB is
// plenty; a photo upload may carry several photos of up to 15 MB each (src/photos/process.ts), so 64 MiB;
// an auction-lot CSV up to 10 MB.
// Without a limit, one client could make the server buffer gigabytes (every body is read whole).
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../services/app-error.js";
import { errorResponse } from "../errors.js";

export const FORM_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 64 * 1024 * 1024;
const UPLOAD_PATH = /^\/trucks\/\d+\/photos$/;
// Auction-lot CSVs: the importer takes up to 10 MB (services/lot-batches.ts) plus the form around it.
export const LOTS_BODY_LIMIT = 11 * 1024 * 1024;
const LOTS_PATH = /^\/importer$/;

export const LOTS_TOO_LARGE = "the file is larger than 10 MB: use keiyard lots for big files";

/** How much of a refused body is read (and dropped) so that a browser still sending it gets the answer. */
const DRAIN_LIMIT = UPLOAD_BODY_LIMIT;

/**
 * Reads and drops the rest of a request body, up to DRAIN_LIMIT. A browser that is still uploading when
 * the server answers and closes sees "connection reset" instead of the answer; a body already being
 * read (sent without a length) cannot be, and is left alone.
 */
async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body || body.locked) return;
  const reader = body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > DRAIN_LIMIT) return;
    }
  } catch {
    // The client went away: nothing to answer.
  } finally {
    reader.releaseLock();
  }
}

const limited = (maxSize: number, message: string, page?: string) =>
  bodyLimit({
    maxSize,
    onError: async (c) => {
      // A browser's form post (no script) goes back to its page, which says why, rather than to the
      // bare error page; scripts and API clients get the error document.
      const accept = c.req.header("accept") ?? "";
      if (page && accept.includes("text/html")) {
        await drain(c.req.raw.body);
        return c.redirect(page, 303);
      }
      return errorResponse(c, new AppError("payload_too_large", message, undefined, { maxBytes: maxSize }));
    },
  });

export function bodyLimits(): MiddlewareHandler {
  const forms = limited(FORM_BODY_LIMIT, "the request is larger than 1 MiB");
  const uploads = limited(UPLOAD_BODY_LIMIT, "the upload is larger than 64 MiB: send fewer photos at a time");
  const lots = limited(LOTS_BODY_LIMIT, LOTS_TOO_LARGE, "/importer?too-large");
  return (c, next) =>
    UPLOAD_PATH.test(c.req.path)
      ? uploads(c, next)
      : LOTS_PATH.test(c.req.path)
        ? lots(c, next)
        : forms(c, next);
}
