const STORAGE_KEY = 'press-archive:token'

/**
 * The browser host hands out its address as `/?token=…`. Read the token once, keep it for this
 * tab (a reload then still works), and take it out of the address bar so it is not bookmarked,
 * copied into a report or kept in the history by accident.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromAddress = url.searchParams.get('token')
  if (fromAddress === null) return readStored()
  store(fromAddress)
  url.searchParams.delete('token')
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  return fromAddress
}

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage can be disabled; the token then lasts as long as the page.
    return null
  }
}

function store(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token)
  } catch {
    // As above: without storage a reload needs the address with its token again.
  }
}
