// Closing the HTTP server at shutdown: stop accepting, let requests in flight finish, and close each
// keep-alive connection as soon as it is idle. server.close() closes the connections idle at the moment
// it is called; one that was answering a request then stays open, idle, until its keep-alive timeout
// (5 s by default) or the client closes it, and close() waits for that: a shutdown with a request in
// flight took about 5 s more (and on the embedded database a busy server has many in flight, waiting
// their turn). Idle connections are closed again every `everyMs` until the server has closed.
import type { Server } from "node:http";

export function closeServer(
  server: Pick<Server, "close" | "closeIdleConnections">,
  everyMs = 50,
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => server.closeIdleConnections(), everyMs);
    server.close(() => {
      clearInterval(timer);
      resolve();
    });
  });
}
