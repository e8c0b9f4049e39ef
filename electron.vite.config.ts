import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY } from './src/shared/csp'

/**
 * Writes the one policy of src/shared/csp.ts into index.html's CSP meta tag, so the tag cannot
 * drift from the headers main and the browser host send. The dev server gets the same tag (the
 * Vue plugin needs no inline script, and 'self' covers its hot-reload socket); main sends the
 * header only for the built UI. A missing placeholder fails the build rather than ship no policy.
 */
function contentSecurityPolicy(): Plugin {
  const escaped = META_CONTENT_SECURITY_POLICY.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
  return {
    name: 'press-archive:csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!html.includes(CSP_PLACEHOLDER)) {
          throw new Error(`${ctx.filename} has no ${CSP_PLACEHOLDER} for the CSP meta tag`)
        }
        return html.replaceAll(CSP_PLACEHOLDER, escaped)
      },
    },
  }
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // Import workers are started from a file of their own, beside main's bundle.
          'import-worker': resolve('src/core/import/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') } } },
  },
  renderer: {
    root: 'src/renderer',
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [contentSecurityPolicy(), vue()],
  },
})
