// Secure headers on every response. The CSP allows scripts from this origin only (no inline script
// anywhere: islands are files under /static), styles from this origin plus the inline <style> and
// style attributes the server renders, images from this origin and data: URLs; no frames, no plugins,
// forms post only here.
import { secureHeaders } from "hono/secure-headers";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(options: { hsts: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // HSTS only where the site is served over HTTPS (production); on http://localhost it would stick.
    strictTransportSecurity: options.hsts ? "max-age=31536000; includeSubDomains" : false,
    xFrameOptions: "DENY",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}
