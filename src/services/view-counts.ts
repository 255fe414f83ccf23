// Listing page views, counted in memory and written in one statement every few seconds. A page view is
// a read: a write per view (a row update, a WAL record, a lock on a popular listing's row, and on the
// embedded database a turn on its one connection) would make browsing the marketplace cost as much as
// changing it. A crash loses the last few seconds of counts, which a view counter can afford; a failed
// write keeps its counts for the next one. Each server instance adds its own counts, so two instances
// on one database add up.

/** Listing id and the views to add to it. */
export type ViewDeltas = [id: number, views: number][];

export interface ViewCountsOptions {
  /** How long counts wait before they are written: the first view after a write starts the clock. */
  everyMs?: number;
  log?: (line: string) => void;
}

export class ViewCounts {
  private pending = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly everyMs: number;

  constructor(
    private readonly write: (deltas: ViewDeltas) => Promise<void>,
    private readonly options: ViewCountsOptions = {},
  ) {
    this.everyMs = options.everyMs ?? 5_000;
  }

  /** Counts one view of listing `id`. */
  add(id: number): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
    if (this.timer === null && !this.closed) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.everyMs);
      this.timer.unref();
    }
  }

  /** Writes the counts so far (after any write under way); resolves when they are written or kept. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.pending.size === 0) return;
      const deltas: ViewDeltas = [...this.pending];
      this.pending = new Map();
      try {
        await this.write(deltas);
      } catch (e) {
        // Kept for the next write: the views happened, the database was away for a moment.
        for (const [id, n] of deltas) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
        this.options.log?.(`view counts not written (kept for the next try): ${(e as Error).message}`);
      }
    });
    return this.writing;
  }

  /** Stops the clock and writes what is left (call before the database closes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
