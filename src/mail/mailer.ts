// Sending mail: a real SMTP server (SMTP_URL) through nodemailer, or, for the embedded set-up, an
// outbox folder where each message is an .eml file (with a .json summary that /dev/outbox lists).
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Where mail goes, for the start-up log ("smtp://host:587" without credentials, or the folder). */
  readonly description: string;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * Bounds on one message's wait for the server (nodemailer's own default is two minutes to connect):
 * the mail queue's lease on a job must outlast them (src/jobs/mail-sender.ts). SMTP_URL's query
 * parameters (?connectionTimeout=…) take precedence.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
  const safe = new URL(url);
  safe.username = "";
  safe.password = "";
  return {
    description: safe.toString(),
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail, html: mail.html ?? undefined });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

export interface OutboxEntry {
  file: string;
  to: string;
  subject: string;
  text: string;
  date: string;
}

export function createOutboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    description: `outbox folder ${dir}`,
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail, html: mail.html ?? undefined });
      await mkdir(dir, { recursive: true });
      const base = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
      await writeFile(join(dir, `${base}.eml`), info.message as Buffer);
      const entry: OutboxEntry = {
        file: `${base}.eml`,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        date: new Date().toISOString(),
      };
      await writeFile(join(dir, `${base}.json`), JSON.stringify(entry));
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** The outbox's messages, newest first. */
export async function readOutbox(dir: string, limit = 50): Promise<OutboxEntry[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const json = names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(json.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as OutboxEntry));
}
