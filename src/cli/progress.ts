// A one-line progress bar for long runs, with rate and time left, on a terminal only: in a pipe or a
// file it writes nothing, so logs and scripts see just the results and the summary.

export interface ProgressState {
  bytes: number;
  totalBytes: number | null;
  rows: number;
}

/** "m:ss" (or "h:mm:ss"). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

const count = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "[#######-------------]  35%  350,112 lots  98,210 lots/s  ETA 0:06"; without a size, no bar or ETA. */
export function formatProgress(p: ProgressState, elapsedMs: number, barWidth = 20): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? p.rows / seconds : 0;
  const parts: string[] = [];
  const fraction = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : null;
  if (fraction !== null) {
    const done = Math.round(fraction * barWidth);
    parts.push(
      `[${"#".repeat(done)}${"-".repeat(barWidth - done)}]`,
      `${String(Math.floor(fraction * 100)).padStart(3)}%`,
    );
  }
  parts.push(`${count(p.rows)} lots`, `${count(rate)} lots/s`);
  if (fraction !== null && fraction > 0 && seconds > 0) {
    const byteRate = p.bytes / seconds;
    parts.push(`ETA ${clock((p.totalBytes! - p.bytes) / byteRate)}`);
  }
  return parts.join("  ");
}

export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressBar {
  update(p: ProgressState): void;
  /** Clears the line (the summary follows). */
  done(): void;
}

/** Redraws at most every `intervalMs`; a no-op unless `sink` is a terminal. */
export function createProgressBar(
  sink: ProgressSink,
  now: () => number = () => performance.now(),
  intervalMs = 100,
): ProgressBar {
  if (!sink.isTTY) return { update() {}, done() {} };
  const start = now();
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      drawn = true;
      sink.write(`\r\x1b[K${formatProgress(p, t - start)}`);
    },
    done() {
      if (drawn) sink.write("\r\x1b[K");
    },
  };
}
