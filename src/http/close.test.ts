// A request in flight at shutdown is answered, and its keep-alive connection is then closed at once
// rather than kept until its keep-alive timeout (set to a minute here: without closeServer's sweeps the
// close would wait that long and the test would time out).
import { once } from "node:events";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { closeServer } from "./close.js";

it("answers the request in flight, then closes its idle keep-alive connection and the server", async () => {
  let answer!: () => void;
  const server = createServer((_req, res) => {
    answer = () => res.end("done");
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  const agent = new Agent({ keepAlive: true });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
  while (!answer) await new Promise((r) => setTimeout(r, 5));

  const closed = closeServer(server, 20);
  answer();
  expect(await response).toEqual({ status: 200, body: "done" });
  await closed;
  expect(server.listening).toBe(false);
  agent.destroy();
}, 15_000);
