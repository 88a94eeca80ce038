/**
 * The page's security policy, in one place: the production server sends it as headers, and
 * the build also writes the CSP into index.html for hosts that serve the files alone
 * (`frame-ancestors` works only as a header, so the meta tag leaves it out).
 */

/** Scripts and workers from self only: a payload can never bring its own code. */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  // React writes style attributes (column widths, bar sizes).
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  // The sign-in form is sent by script (fetch), never as a form navigation.
  'form-action': ["'none'"],
};

export const FRAME_ANCESTORS = "frame-ancestors 'none'";

export function contentSecurityPolicy(options: { header: boolean }): string {
  const parts = Object.entries(CSP_DIRECTIVES).map(
    ([name, values]) => `${name} ${values.join(' ')}`,
  );
  if (options.header) parts.push(FRAME_ANCESTORS);
  return parts.join('; ');
}

/** Powerful browser features the app never uses, off for the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** The page's headers besides the CSP (the production server sets them with helmet). */
export const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy({ header: true }),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
