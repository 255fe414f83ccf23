// Illustrations for demo listings. They must never pass for a photo of a real truck for sale, so each is
// a flat drawing stamped "DEMO" with its listing's label. An SVG composed here and rasterised by sharp:
// no image assets to ship or license, a few milliseconds each, and the same seed draws the same picture.
import sharp from "sharp";
import { mulberry32 } from "../domain/units/random.js";
import { AppError } from "../services/app-error.js";

export interface DemoPhotoLabel {
  title: string;
  subtitle: string;
  /** Body colour as #rrggbb; derived from the seed when absent. */
  color?: string;
}

export const DEMO_PHOTO_WIDTH = 1024;
export const DEMO_PHOTO_HEIGHT = 768;

export async function generateDemoPhoto(seed: number, label: DemoPhotoLabel): Promise<Buffer> {
  const svg = demoPhotoSvg(seed, label);
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

function hslToHex(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`);

/** Labels come from seed data; clip them so one long title cannot run off the picture. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export function demoPhotoSvg(seed: number, label: DemoPhotoLabel): string {
  if (label.color !== undefined && !HEX_COLOR.test(label.color))
    throw new AppError("invalid_input", "Demo photo colour must be #rrggbb.", "color");
  const rand = mulberry32(seed);
  const body = label.color ?? hslToHex(Math.floor(rand() * 360), 0.55, 0.45);
  const skyTop = hslToHex(200 + rand() * 20, 0.6, 0.55);
  const sunX = Math.round(120 + rand() * 780);
  const clouds = [0, 1, 2]
    .map(() => {
      const x = Math.round(rand() * 900);
      const y = Math.round(60 + rand() * 200);
      return `<ellipse cx="${x}" cy="${y}" rx="90" ry="26" fill="#fff" opacity="0.85"/>`;
    })
    .join("");
  const title = escapeXml(clip(label.title, 48));
  const subtitle = escapeXml(clip(label.subtitle, 64));
  const font = "DejaVu Sans, Arial, Helvetica, sans-serif";

  // A cab-over kei truck seen from the side, facing right: flatbed with low gates behind, the cab over
  // the front axle, wheels on a ground line at y = 560.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_PHOTO_WIDTH}" height="${DEMO_PHOTO_HEIGHT}" viewBox="0 0 1024 768">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="#e8f3fb"/></linearGradient></defs>
<rect width="1024" height="480" fill="url(#sky)"/>
<circle cx="${sunX}" cy="110" r="48" fill="#ffe08a"/>
${clouds}
<rect y="480" width="1024" height="288" fill="#7a9a4a"/>
<rect y="540" width="1024" height="70" fill="#8d8576"/>
<g>
  <rect x="170" y="468" width="640" height="34" rx="6" fill="#2b2b2b"/>
  <rect x="180" y="380" width="380" height="92" fill="${body}" stroke="#1d1d1d" stroke-width="4"/>
  <line x1="180" y1="426" x2="560" y2="426" stroke="#1d1d1d" stroke-width="3"/>
  <rect x="540" y="300" width="22" height="172" fill="#3a3a3a"/>
  <path d="M566 230 H760 Q790 230 796 262 L812 470 H566 Z" fill="${body}" stroke="#1d1d1d" stroke-width="4"/>
  <path d="M690 246 H758 Q776 246 780 268 L790 360 H690 Z" fill="#cfe6f5" stroke="#1d1d1d" stroke-width="3"/>
  <rect x="590" y="246" width="86" height="114" rx="6" fill="#cfe6f5" stroke="#1d1d1d" stroke-width="3"/>
  <line x1="684" y1="236" x2="684" y2="470" stroke="#1d1d1d" stroke-width="3"/>
  <rect x="794" y="410" width="20" height="30" rx="4" fill="#fff6c8" stroke="#1d1d1d" stroke-width="2"/>
  <rect x="560" y="468" width="262" height="26" rx="6" fill="#b8b8b8" stroke="#1d1d1d" stroke-width="3"/>
  <circle cx="300" cy="510" r="50" fill="#1b1b1b"/><circle cx="300" cy="510" r="22" fill="#9a9a9a"/>
  <circle cx="700" cy="510" r="50" fill="#1b1b1b"/><circle cx="700" cy="510" r="22" fill="#9a9a9a"/>
</g>
<text x="40" y="110" font-family="${font}" font-size="96" font-weight="bold" fill="#ffffff" fill-opacity="0.9" stroke="#1d1d1d" stroke-width="3">DEMO</text>
<rect y="628" width="1024" height="140" fill="#000" fill-opacity="0.6"/>
<text x="40" y="682" font-family="${font}" font-size="40" font-weight="bold" fill="#ffffff">${title}</text>
<text x="40" y="728" font-family="${font}" font-size="28" fill="#e6e6e6">${subtitle}</text>
<text x="984" y="758" font-family="${font}" font-size="16" fill="#cccccc" text-anchor="end">Illustration, not a photo of a real vehicle</text>
</svg>`;
}
