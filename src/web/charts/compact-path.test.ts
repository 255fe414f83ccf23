import { geoPath } from "d3-geo";
import { describe, expect, it } from "vitest";
import { CompactPath } from "./compact-path.js";

describe("CompactPath", () => {
  it("writes whole-unit relative moves with no separator before a minus sign", () => {
    const p = new CompactPath();
    p.moveTo(10.4, 20.6);
    p.lineTo(15, 21);
    p.lineTo(12, 18);
    p.lineTo(10, 21);
    p.closePath();
    expect(p.take()).toBe("M10 21l5 0-3-3-2 3z");
  });

  it("drops repeated points and rings that round away to nothing", () => {
    const p = new CompactPath();
    p.moveTo(0, 0);
    p.lineTo(0.2, 0.3); // rounds onto the start
    p.lineTo(0.4, 0.1);
    p.closePath();
    p.moveTo(5, 5);
    p.lineTo(5.2, 5.1);
    p.lineTo(8, 5);
    p.lineTo(8, 8);
    p.closePath();
    expect(p.take()).toBe("M5 5l3 0 0 3z");
    expect(p.take()).toBe("");
  });

  it("draws a GeoJSON polygon through d3-geo with the identity projection", () => {
    const p = new CompactPath();
    geoPath(
      null,
      p,
    )({
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 0],
        ],
      ],
    });
    expect(p.take()).toBe("M0 0l10 0 0 10z");
  });
});
