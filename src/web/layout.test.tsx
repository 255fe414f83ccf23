import { describe, expect, it } from "vitest";
import { Layout } from "./layout.js";

describe("the layout", () => {
  it("writes its stylesheet unescaped, so quoted font names keep the font rule valid", () => {
    const html = String(<Layout title="t">x</Layout>);
    expect(html).toContain('system-ui,-apple-system,"Segoe UI",Roboto');
    expect(html).not.toContain("&quot;");
  });
});
