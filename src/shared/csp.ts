/**
 * The one Content-Security-Policy of the UI, wherever it is served: the browser host's header
 * (src/host/respond.ts), main's header for the built UI (src/main/security.ts) and the meta tag
 * the build writes into index.html (the plugin in electron.vite.config.ts). No imports, so the
 * preload, main, host and the Vite config can all load it.
 *
 * The page may load only what its own origin serves: no inline script, no plugins, no `<base>`,
 * no forms posting anywhere, no framing. Inline styles stay allowed because Vue binds `style`
 * attributes; `data:` and `blob:` images and `data:` fonts are for the UI's own assets.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const

/** The policy as a response header. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/**
 * Directives a `<meta http-equiv>` policy may not carry: browsers ignore them there and log a
 * warning (CSP3 §6.1: frame-ancestors, report-uri and sandbox are header-only).
 */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox']

/** The same policy for the `<meta>` tag of index.html, minus what only a header can say. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(
  (directive) => !HEADER_ONLY.includes(directive.split(' ')[0] ?? ''),
).join('; ')

/**
 * What src/renderer/index.html has in its CSP meta tag until the Vite plugin puts
 * META_CONTENT_SECURITY_POLICY there. Not `%NAME%`: Vite reads that syntax as an env variable.
 */
export const CSP_PLACEHOLDER = '__PRESS_ARCHIVE_CSP__'
