/**
 * A passage's highlight: its theme's colour laid over the page, translucent so overlapping
 * passages and the selection still show through. A theme colour can be anything a person
 * picked, so the strength of the tint is chosen per colour: as strong as it can be while the
 * text on it keeps a contrast of at least MIN_CONTRAST, in the light and the dark scheme alike.
 */

type Rgb = readonly [number, number, number]

/** The page and text colours of the editor (base.css: --surface and --text). */
export const SCHEMES = {
  light: { page: '#ffffff', text: '#1f2328' },
  dark: { page: '#1e2125', text: '#e4e4e1' },
} as const

export const MIN_CONTRAST = 7
/** Never fainter than this (the tint must show) nor stronger (the text is what matters). */
const ALPHA = { light: { min: 0.14, max: 0.32 }, dark: { min: 0.18, max: 0.42 } } as const

export function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return null
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]
}

/** `top` at `alpha` over an opaque `bottom`. */
export function blend(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  const mix = (i: 0 | 1 | 2): number => Math.round(top[i] * alpha + bottom[i] * (1 - alpha))
  return [mix(0), mix(1), mix(2)]
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number): number => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** The strongest alpha in the scheme's range that keeps the text readable on the tint. */
export function tintAlpha(color: Rgb, scheme: keyof typeof SCHEMES): number {
  const page = parseHex(SCHEMES[scheme].page)!
  const text = parseHex(SCHEMES[scheme].text)!
  const { min, max } = ALPHA[scheme]
  for (let alpha = max; alpha > min; alpha = Math.round((alpha - 0.02) * 100) / 100) {
    if (contrast(text, blend(color, page, alpha)) >= MIN_CONTRAST) return alpha
  }
  return min
}

/** The CSS a highlight needs: a background for each scheme and an edge in the colour itself. */
export interface PassageLook {
  /** `light-dark(...)` of two translucent backgrounds. */
  background: string
  /** The theme colour, solid, for the underline. */
  edge: string
}

/** Used when a theme colour cannot be read (it is always #rrggbb from the archive). */
const FALLBACK = '#8a8f98'

export function passageLook(hex: string): PassageLook {
  const color = parseHex(hex) ?? parseHex(FALLBACK)!
  const [r, g, b] = color
  const rgba = (alpha: number): string => `rgb(${r} ${g} ${b} / ${alpha})`
  return {
    background: `light-dark(${rgba(tintAlpha(color, 'light'))}, ${rgba(tintAlpha(color, 'dark'))})`,
    edge: `rgb(${r} ${g} ${b})`,
  }
}

/** The inline style of a highlight: custom properties that editor.css turns into its look. */
export function passageStyle(hex: string): string {
  const look = passageLook(hex)
  return `--pa-passage-bg: ${look.background}; --pa-passage-edge: ${look.edge}`
}
