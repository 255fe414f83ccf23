// The backup file format: JSON lines, gzip-compressed when the file name ends in .gz.
//   line 1: BackupHeader
//   then for each table, parents first: a SectionHeader, followed by `rows` lines of row objects
// Row lines are PostgreSQL's own row_to_json text, copied through untouched in both directions:
// JavaScript never parses them, so bigints beyond 2^53 and timestamp precision survive.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { PassThrough, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { DbError } from "./errors.js";

export const BACKUP_FORMAT = "keiyard-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Tag of the newest migration applied to the source database (e.g. 0001_initial). */
  migration: string;
  engine: "pglite" | "postgres";
  createdAt: string;
  tables: string[];
}

export interface SectionHeader {
  table: string;
  columns: string[];
  rows: number;
}

export interface LineWriter {
  write(line: string): Promise<void>;
  /** Finishes the file; until then it lives under a temporary name, so a failed backup leaves no file. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export function openLineWriter(file: string): LineWriter {
  const temporary = `${file}.partial-${process.pid}`;
  const source = new PassThrough();
  const sink = createWriteStream(temporary);
  const done = file.endsWith(".gz") ? pipeline(source, createGzip(), sink) : pipeline(source, sink);
  // Observed at commit(); a rejection must not surface earlier as an unhandled one.
  done.catch(() => {});
  return {
    async write(line) {
      if (!source.write(`${line}\n`)) await Promise.race([once(source, "drain"), done]);
    },
    async commit() {
      source.end();
      await done;
      await rename(temporary, file);
    },
    async abort() {
      source.destroy();
      await rm(temporary, { force: true });
    },
  };
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch((e: NodeJS.ErrnoException) => {
    throw new DbError(`cannot read ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`);
  });
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The file's non-empty lines; gzip is recognised by its magic bytes, whatever the file is called. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const gzipped = await isGzip(file);
  const raw = createReadStream(file);
  const input: Readable = gzipped ? raw.pipe(createGunzip()) : raw;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() !== "") yield line;
  }
}

export function parseBackupHeader(line: string | undefined): BackupHeader {
  const header = parseJsonLine(line) as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT) throw new DbError("not a keiyard backup file (no header line)");
  if (header.version !== BACKUP_VERSION) {
    throw new DbError(`backup format version ${header.version} is not supported (this keiyard reads 1)`);
  }
  if (typeof header.migration !== "string" || !Array.isArray(header.tables)) {
    throw new DbError("the backup header is incomplete");
  }
  return header as BackupHeader;
}

export function parseSectionHeader(line: string): SectionHeader {
  const section = parseJsonLine(line) as Partial<SectionHeader> | undefined;
  if (typeof section?.table !== "string" || !Array.isArray(section.columns)) {
    throw new DbError("the backup file is damaged: expected a table header line");
  }
  if (typeof section.rows !== "number") throw new DbError(`table ${section.table} has no row count`);
  return section as SectionHeader;
}

function parseJsonLine(line: string | undefined): unknown {
  try {
    return line === undefined ? undefined : JSON.parse(line);
  } catch {
    return undefined;
  }
}
