import { join } from 'node:path'
import { app, shell, type Session, type WebPreferences } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { isAppUrl, isExternalWebLink, type RendererLocation } from './renderer-location'

/**
 * The one set of web preferences every window gets, so no window can be created with Node in
 * its renderer by accident. The preload is CommonJS because sandboxed preloads must be.
 */
export function secureWebPreferences(): WebPreferences {
  return {
    preload: join(__dirname, '../preload/index.js'),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  }
}

/**
 * Tests set PRESS_ARCHIVE_NO_EXTERNAL_LINKS=1 so that checking `window.open` does not start a
 * browser on the machine running them.
 */
function externalLinksDisabled(): boolean {
  return process.env['PRESS_ARCHIVE_NO_EXTERNAL_LINKS'] === '1'
}

/**
 * App-wide guard for every web contents, including ones we did not create: no new windows (web
 * links go to the system browser instead), no navigation or redirect away from our own UI, no
 * <webview>. If the UI ever runs hostile text as code, it still cannot leave the app's page.
 */
export function guardAllWebContents(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebLink(url)) {
        if (externalLinksDisabled()) console.info(`[security] external link not opened: ${url}`)
        else void shell.openExternal(url).catch((error: unknown) => logError('open link', error))
      } else {
        console.warn(`[security] blocked window.open(${url})`)
      }
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url, location)) return
      event.preventDefault()
      console.warn(`[security] blocked navigation to ${event.url}`)
    })
    contents.on('will-redirect', (event) => {
      if (isAppUrl(event.url, location)) return
      event.preventDefault()
      console.warn(`[security] blocked redirect to ${event.url}`)
    })
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
      console.warn('[security] blocked a <webview>')
    })
  })
}

/**
 * The app needs no camera, notifications, geolocation, clipboard-read, HID, serial or USB, so
 * every permission request, check and device request is denied.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[security] denied permission request: ${permission}`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/**
 * Sends the CSP of src/shared/csp.ts as a response header on documents: a header applies before
 * any byte of the page runs, and it can carry frame-ancestors, which a meta tag cannot. Only for
 * the built UI; in development the dev server's page has the policy from its meta tag alone.
 * (Chromium did not always run webRequest hooks for file://, electron/electron#23485, so the meta
 * tag the build writes from the same constant stays the baseline.)
 */
export function sendContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({})
      return
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

function logError(what: string, error: unknown): void {
  console.error(`[security] ${what} failed:`, error)
}
