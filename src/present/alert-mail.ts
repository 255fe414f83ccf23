// The words of alert emails: one message per saved search (instant) or per day (digest), each with the
// trucks, links back, and the one-click unsubscribe link (also in the List-Unsubscribe header).
export interface AlertMatch {
  id: number;
  title: string;
  priceLabel: string;
  /** "new" or "price:<amount>". */
  reason: string;
}

export interface AlertMailInput {
  searchName: string;
  frequency: "instant" | "daily";
  matches: readonly AlertMatch[];
  baseUrl: string;
  searchUrl: string;
  unsubscribeUrl: string;
}

const why = (reason: string) => (reason === "new" ? "new" : "price changed");

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

export function composeAlertMail(m: AlertMailInput) {
  const n = m.matches.length;
  const subject =
    m.frequency === "daily"
      ? `Your daily keiyard digest: ${n} truck${n === 1 ? "" : "s"} for "${m.searchName}"`
      : `${n} new match${n === 1 ? "" : "es"} for "${m.searchName}" on keiyard`;
  const lines = m.matches.map(
    (t) => `- ${t.title} — ${t.priceLabel} (${why(t.reason)})\n  ${m.baseUrl}/trucks/${t.id}`,
  );
  const text = [
    `Trucks matching your saved search "${m.searchName}":`,
    "",
    ...lines,
    "",
    `See the whole search: ${m.searchUrl}`,
    "",
    `Stop these emails (one click): ${m.unsubscribeUrl}`,
  ].join("\n");
  const html = `<p>Trucks matching your saved search <strong>${escapeHtml(m.searchName)}</strong>:</p><ul>${m.matches
    .map(
      (t) =>
        `<li><a href="${escapeHtml(`${m.baseUrl}/trucks/${t.id}`)}">${escapeHtml(t.title)}</a> — ${escapeHtml(t.priceLabel)} (${why(t.reason)})</li>`,
    )
    .join(
      "",
    )}</ul><p><a href="${escapeHtml(m.searchUrl)}">See the whole search</a></p><p style="color:#666">Stop these emails: <a href="${escapeHtml(m.unsubscribeUrl)}">unsubscribe</a></p>`;
  return {
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${m.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
