import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ViewCounts, type ViewDeltas } from "./view-counts.js";

describe("ViewCounts", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function recorder(fail = 0) {
    const writes: ViewDeltas[] = [];
    let failures = fail;
    const write = async (deltas: ViewDeltas) => {
      if (failures-- > 0) throw new Error("database away");
      writes.push(deltas);
    };
    return { writes, write };
  }

  it("writes the views of a few seconds in one batch, one entry a listing", async () => {
    const { writes, write } = recorder();
    const views = new ViewCounts(write, { everyMs: 5000 });
    for (const id of [1, 2, 1, 1]) views.add(id);
    await vi.advanceTimersByTimeAsync(4999);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([
      [
        [1, 3],
        [2, 1],
      ],
    ]);
    // the next view starts the clock again
    views.add(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(writes).toEqual([writes[0], [[2, 1]]]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(writes).toHaveLength(2);
  });

  it("keeps the counts of a failed write for the next one, and says so", async () => {
    const { writes, write } = recorder(1);
    const log = vi.fn();
    const views = new ViewCounts(write, { everyMs: 1000, log });
    views.add(5);
    views.add(5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toEqual([]);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/not written \(kept for the next try\): database away/),
    );
    views.add(5);
    views.add(6);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toEqual([
      [
        [5, 3],
        [6, 1],
      ],
    ]);
  });

  it("writes one batch at a time, and what is left when it closes", async () => {
    const order: string[] = [];
    let release!: () => void;
    const views = new ViewCounts(async (deltas) => {
      order.push(`start ${JSON.stringify(deltas)}`);
      if (order.length === 1) await new Promise<void>((r) => (release = r));
      order.push("end");
    });
    views.add(1);
    const first = views.flush();
    await vi.advanceTimersByTimeAsync(0);
    views.add(2);
    const closing = views.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(["start [[1,1]]"]);
    release();
    await Promise.all([first, closing]);
    expect(order).toEqual(["start [[1,1]]", "end", "start [[2,1]]", "end"]);
    // closed: no clock runs for a view counted afterwards
    views.add(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(order).toHaveLength(4);
  });
});
