import { describe, expect, it } from "vitest";
import { clock, createProgressBar, formatProgress } from "./progress.js";

describe("progress bar", () => {
  it("formats the bar, the rate and the time left", () => {
    expect(formatProgress({ bytes: 50, totalBytes: 100, rows: 200_000 }, 2000, 10)).toBe(
      "[#####-----]   50%  200,000 lots  100,000 lots/s  ETA 0:02",
    );
    expect(formatProgress({ bytes: 50, totalBytes: null, rows: 10 }, 1000)).toBe("10 lots  10 lots/s");
    expect(clock(3725)).toBe("1:02:05");
    expect(clock(65)).toBe("1:05");
  });

  it("writes nothing when the sink is not a terminal (pipes, files)", () => {
    const written: string[] = [];
    const bar = createProgressBar({ isTTY: false, write: (t) => written.push(t) });
    bar.update({ bytes: 1, totalBytes: 2, rows: 1 });
    bar.done();
    expect(written).toEqual([]);
  });

  it("on a terminal redraws one line at most every interval and clears it at the end", () => {
    const written: string[] = [];
    let now = 0;
    const bar = createProgressBar({ isTTY: true, write: (t) => written.push(t) }, () => now, 100);
    bar.update({ bytes: 1, totalBytes: 4, rows: 10 });
    now = 50;
    bar.update({ bytes: 2, totalBytes: 4, rows: 20 });
    now = 150;
    bar.update({ bytes: 3, totalBytes: 4, rows: 30 });
    bar.done();
    expect(written).toHaveLength(3);
    expect(written[0]!.startsWith("\r\x1b[K[")).toBe(true);
    expect(written[0]).toMatch(/\]\s+25%/);
    expect(written[1]).toMatch(/30 lots/);
    expect(written[2]).toBe("\r\x1b[K");
  });
});
