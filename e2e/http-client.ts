// A small cookie-keeping HTTP client over fetch for tests that talk to a real server process without a
// browser (crash, two instances, load): form posts with the site's Origin, redirects not followed.
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(public base: string) {}

  /** The session cookie and the rest, as a Cookie header (for moving a user to another instance). */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** Takes over cookies from a Cookie header (another client's session). */
  adopt(cookieHeader: string): this {
    for (const pair of cookieHeader.split(/;\s*/)) {
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return this;
  }

  /** Sends requests to another server from now on, keeping the cookies (a load balancer's switch). */
  moveTo(base: string): void {
    this.base = base;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", new URL(this.base).origin);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader);
    const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = (pair ?? "").indexOf("=");
      if (eq <= 0) continue;
      const [k, v] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (/max-age=0/i.test(c) || v === "") this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async signUp(email: string, role: "buyer" | "seller", password = "correct horse battery") {
    const res = await this.post("/signup", {
      email,
      password,
      displayName: email.split("@")[0] ?? email,
      role,
      ...(role === "seller" ? { sellerKind: "private" } : {}),
    });
    await res.arrayBuffer();
    if (res.status !== 303) throw new Error(`sign-up of ${email} failed: ${res.status}`);
  }
}
