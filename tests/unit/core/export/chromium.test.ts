import { describe, expect, it } from 'vitest'
import { findChromium } from '../../../../src/core/export/chromium'

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then PRESS_ARCHIVE_CHROMIUM', () => {
    const program = process.execPath
    expect(findChromium({ CHROMIUM_PATH: program, PRESS_ARCHIVE_CHROMIUM: '/nowhere' })).toBe(
      program,
    )
    expect(findChromium({ CHROMIUM_PATH: ' ', PRESS_ARCHIVE_CHROMIUM: program })).toBe(program)
  })

  it('says plainly when the program a variable names is missing', () => {
    expect(() => findChromium({ PRESS_ARCHIVE_CHROMIUM: '/nowhere/chrome' })).toThrow(
      /PRESS_ARCHIVE_CHROMIUM names \/nowhere\/chrome, which does not exist/,
    )
    // The UI tells "install a program" apart from other failures by this code.
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chrome' })).toThrow(
      expect.objectContaining({ code: 'missing-program' }),
    )
  })
})
