// The database layer's own error: a one-line message meant for a person (a refused restore, an
// unreachable server). Faces map it to their own error type; db/ does not import services/.
export class DbError extends Error {
  override name = "DbError";
}

/** postgres://user:secret@host/db -> postgres://user@host/db, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}
