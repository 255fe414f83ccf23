// A form post over a plain socket, for what fetch will not let a test choose: the Host header a client
// sends, or the local address it sends from (127.0.0.0/8 is all loopback on Linux). Resolves with the
// status code.
import { request } from "node:http";

export interface RawPost {
  /** Where to connect. */
  host: string;
  port: number | string;
  path: string;
  form: Record<string, string>;
  headers?: Record<string, string>;
  localAddress?: string;
}

export function postForm(o: RawPost): Promise<number> {
  const body = new URLSearchParams(o.form).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: o.host,
        port: o.port,
        path: o.path,
        method: "POST",
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          ...o.headers,
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
