// The code part of a frame number with a serial ("DA63T-123456" -> "DA63T", "GD-DA52T 123456" ->
// "GD-DA52T"): the part that repeats across lots, so that its decoding can be remembered. A loop rather
// than a regular expression: it runs for most rows of a big file.

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Every character alphanumeric, 1 to 8 of them. */
function isWord(s: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 8) return false;
  for (let i = from; i < to; i++) if (!isAlnum(s.charCodeAt(i))) return false;
  return true;
}

/**
 * The code part when `input` is a code (1-8 letters and digits, optionally "-" and 1-8 more) then "-"
 * or " " then a serial of 1-10 digits; else null. The same as matching
 * /^([A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})?)[- ](\d{1,10})$/ and taking group 1: the serial is digits
 * only, so the separator can only be the last "-" or " ".
 */
export function frameCodePart(input: string): string | null {
  const sep = Math.max(input.lastIndexOf("-"), input.lastIndexOf(" "));
  if (sep < 1) return null;
  const serial = input.length - sep - 1;
  if (serial < 1 || serial > 10) return null;
  for (let i = sep + 1; i < input.length; i++) if (!isDigit(input.charCodeAt(i))) return null;
  const dash = input.indexOf("-");
  if (dash !== -1 && dash < sep) {
    if (!isWord(input, 0, dash) || !isWord(input, dash + 1, sep)) return null;
  } else if (!isWord(input, 0, sep)) return null;
  return input.slice(0, sep);
}
