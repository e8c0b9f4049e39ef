import chardet from 'chardet'
import iconv from 'iconv-lite'
import { hasUtf16Bom, utf16ByNulPattern, SNIFF_BYTES } from './sniff'

/**
 * Turns the bytes of an imported article into text. Press archives collected from Chinese sites
 * arrive as UTF-8, UTF-16 (Windows tools), GBK/GB18030 (mainland) or Big5 (Taiwan, Hong Kong),
 * rarely labelled; a wrong guess shows the archivist mojibake, so legacy guesses are verified.
 */

/** The encodings an original can be read from; recorded with the article to display it later. */
export interface Decoded {
  /** The text with any BOM removed and line endings normalised to LF. */
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'
  /** Whether the file began with a byte order mark (kept so the original can be described). */
  bom: boolean
}

type Encoding = Decoded['encoding']

// Decoders are reusable and cheap to keep; building them per file would cost more than ASCII.
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const UTF8_LOOSE = new TextDecoder('utf-8', { ignoreBOM: true })
const UTF16LE_STRICT = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true })
const UTF16LE_LOOSE = new TextDecoder('utf-16le', { ignoreBOM: true })
const UTF16BE_STRICT = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true })
const UTF16BE_LOOSE = new TextDecoder('utf-16be', { ignoreBOM: true })

const BOMS: readonly { enc: Encoding; bytes: readonly number[] }[] = [
  { enc: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { enc: 'utf-16le', bytes: [0xff, 0xfe] },
  { enc: 'utf-16be', bytes: [0xfe, 0xff] },
  // GB18030 encodes U+FEFF as 84 31 95 33; a few Windows tools write it.
  { enc: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
]

/** How much of a legacy-encoded file is scored before the whole of it is decoded. */
const SCORE_BYTES = 64 * 1024

/**
 * Detects the encoding of an article's bytes and decodes them. Order: byte order marks, BOM-less
 * UTF-16 by its NUL pattern (ASCII-only UTF-16 is also valid UTF-8, so this comes first when NULs
 * are present), strict UTF-8 (the fast path), then GB18030 or Big5 chosen by decoding both and
 * scoring the result. Throws an Error saying so when nothing reads as text.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = bomOf(bytes)
  if (bom !== null) {
    if (bom.enc === 'utf-16le' && bytes[2] === 0 && bytes[3] === 0) throw utf32Error()
    return { text: decodeWith(bytes, bom.enc), encoding: bom.enc, bom: true }
  }
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) throw utf32Error()

  if (bytes.subarray(0, SNIFF_BYTES).indexOf(0) !== -1) {
    const order = utf16ByNulPattern(bytes)
    if (order !== null) {
      const text = tryDecode(order === 'utf-16le' ? UTF16LE_STRICT : UTF16BE_STRICT, bytes)
      if (text !== null) return { text: normaliseNewlines(text), encoding: order, bom: false }
    }
  }

  const utf8 = tryDecode(UTF8_STRICT, bytes)
  if (utf8 !== null) return { text: normaliseNewlines(utf8), encoding: 'utf-8', bom: false }

  const guess = guessLegacy(bytes)
  const encoding = guess.encoding
  // A file no longer than the sample was decoded whole while it was scored.
  const text =
    bytes.length <= SCORE_BYTES ? normaliseNewlines(guess.sample) : decodeWith(bytes, encoding)
  // The choice was made on the first SCORE_BYTES; a file that turns to garbage later is refused.
  if (bytes.length > SCORE_BYTES && replacementShare(text) > 0.01) {
    throw new Error(
      `could not determine the text encoding of this file: it starts as ${label(encoding)} ` +
        'but later parts do not decode; save it as UTF-8 and import it again',
    )
  }
  return { text, encoding, bom: false }
}

/**
 * Decodes bytes with an encoding already known (the one recorded at import), stripping that
 * encoding's BOM and normalising line endings, so a stored original is shown exactly as it was
 * first read. Malformed sequences become U+FFFD rather than failing: the bytes are the record.
 */
export function decodeWith(bytes: Uint8Array, encoding: Encoding): string {
  const bom = BOMS.find((b) => b.enc === encoding)
  const body =
    bom !== undefined && startsWith(bytes, bom.bytes) ? bytes.subarray(bom.bytes.length) : bytes
  switch (encoding) {
    case 'utf-8':
      return normaliseNewlines(UTF8_LOOSE.decode(body))
    case 'utf-16le':
      return normaliseNewlines(UTF16LE_LOOSE.decode(body))
    case 'utf-16be':
      return normaliseNewlines(UTF16BE_LOOSE.decode(body))
    case 'gb18030':
    case 'big5':
      // iconv-lite strips a BOM by default; ours is already gone and a second one is content.
      return normaliseNewlines(iconv.decode(body, encoding, { stripBOM: false }))
  }
}

/** CRLF (Windows) and lone CR (classic Mac) become LF, the one line ending the archive stores. */
function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n')
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false
  return sig.every((b, i) => bytes[i] === b)
}

function bomOf(bytes: Uint8Array): (typeof BOMS)[number] | null {
  if (!hasUtf16Bom(bytes) && bytes[0] !== 0xef && bytes[0] !== 0x84) return null
  return BOMS.find((b) => startsWith(bytes, b.bytes)) ?? null
}

function tryDecode(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes)
  } catch {
    return null
  }
}

function utf32Error(): Error {
  return new Error(
    'could not determine the text encoding of this file: it is UTF-32, which Press Archive ' +
      'does not read; save it as UTF-8 and import it again',
  )
}

const label = (enc: Encoding): string => (enc === 'gb18030' ? 'GB18030/GBK' : 'Big5')

function replacementShare(text: string): number {
  let bad = 0
  let i = text.indexOf('\ufffd')
  while (i !== -1) {
    bad++
    i = text.indexOf('\ufffd', i + 1)
  }
  return text.length === 0 ? 0 : bad / text.length
}

/**
 * About 700 of the most frequent characters of modern Chinese in simplified form, the traditional
 * forms of the frequent ones that differ, and CJK punctuation (~830 in all). Real text draws well over half its characters from this set; GBK read
 * as Big5 (or the reverse) lands on rarely used characters, kana, symbols and private-use code
 * points, and random high bytes land on it about 3% of the time.
 */
const COMMON_CHARS = codeTable(
  Array.from(
    '，。、；：？！“”‘’（）《》【】—…·「」『』' +
      '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之' +
      '年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样' +
      '理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将' +
      '两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信' +
      '表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔' +
      '更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统' +
      '区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品' +
      '住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根' +
      '干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流' +
      '备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越' +
      '器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突' +
      '专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态' +
      '护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故' +
      '按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职' +
      '速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤' +
      '這個們來為國說時會對發後過經現動兩當從無機關問實點種長見開門東車進體還學讓麼樣電話義與於' +
      '書頭間內應產業給聽覺認區將際軍員組強報決統選萬傳條據團隊歷權類風議處導題陽藝師級線務裡質' +
      '歲變總數樓標準運營醫療護證據確認齊術語號記錄網絡較鄉縣鎮環境價錢購買賣費資幣銀聯盟黨員領' +
      '導廣東灣澳門華僑屬於衛視頻聞訊專訪評論觀點歡迎參與會議舉辦規劃設計實際經濟財政稅務戰爭擊',
  ),
)

/**
 * A table by UTF-16 code unit of the characters given: looking a character of a text up in it
 * takes its code, where a Set of strings needs a one-character string made for each.
 */
function codeTable(chars: readonly string[]): Uint8Array {
  const table = new Uint8Array(0x10000)
  for (const ch of chars) if (ch.length === 1) table[ch.charCodeAt(0)] = 1
  return table
}

interface Score {
  encoding: 'gb18030' | 'big5'
  /** The sample, decoded. */
  sample: string
  /** Characters outside ASCII in the decoded sample. */
  wide: number
  bad: number
  common: number
}

function score(sample: Uint8Array, encoding: 'gb18030' | 'big5'): Score {
  const text = iconv.decode(sample, encoding, { stripBOM: false })
  let wide = 0
  let bad = 0
  let common = 0
  // A multi-byte character cut by the sample's end is not the file's fault.
  const end = sample.length < SCORE_BYTES ? text.length : Math.max(0, text.length - 1)
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    wide++
    if (c === 0xfffd) bad++
    else if (COMMON_CHARS[c] === 1) common++
  }
  return { encoding, sample: text, wide, bad, common }
}

/** Encodings chardet may propose that we do not read, named in the error to help the user. */
const FOREIGN = new Set([
  'Shift_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'EUC-KR',
  'ISO-2022-KR',
  'KOI8-R',
  'UTF-32LE',
  'UTF-32BE',
])

const isForeign = (name: string): boolean =>
  FOREIGN.has(name) || /^(ISO-8859|windows-12)/.test(name)

type Matches = { name: string; confidence: number }[]

/**
 * Picks GB18030 or Big5 for bytes that are neither UTF-8 nor UTF-16. Both are decoded and scored
 * (few malformed sequences, many common characters); chardet is asked only when the scores are
 * close or the text must be refused, because its guess is unreliable on short texts and running
 * it on every legacy file would double the cost. GB18030 wins ties: it is the mainland default
 * and the superset of GBK. Returns the winner's score (with its decoded sample); throws when
 * neither reads as Chinese text.
 */
function guessLegacy(bytes: Uint8Array): Score {
  const sample = bytes.subarray(0, SCORE_BYTES)
  let matches: Matches | null = null
  const analyse = (): Matches => (matches ??= chardet.analyse(sample))
  const gb = score(sample, 'gb18030')
  const big5 = score(sample, 'big5')
  const diff = value(big5) - value(gb)
  let best = diff > 0.05 ? big5 : gb
  if (Math.abs(diff) <= 0.05) {
    const rank = (name: string): number => analyse().find((m) => m.name === name)?.confidence ?? 0
    if (rank('Big5') > rank('GB18030') + 20) best = big5
  }
  if (acceptable(best, analyse)) return best

  throw new Error(
    'could not determine the text encoding of this file: it is not UTF-8 or UTF-16 and does ' +
      'not read as Chinese GB18030/GBK or Big5 text' +
      foreignHint(analyse()) +
      '; save it as UTF-8 and import it again',
  )
}

/** Share of common characters among the non-ASCII ones, malformed sequences weighing heavily. */
const value = (s: Score): number => (s.wide === 0 ? 0 : (s.common - 5 * s.bad) / s.wide)

/** Names chardet's guess in the error, only when it is confident and it is something we do not read. */
function foreignHint(matches: Matches): string {
  const top = matches[0]
  if (top === undefined) return ''
  if (FOREIGN.has(top.name) && top.confidence >= 50) {
    return ` (it looks like ${top.name}, which Press Archive does not read)`
  }
  if (/^(ISO-8859|windows-12)/.test(top.name) && top.confidence >= 25) {
    return ' (it looks like a single-byte European encoding such as ISO-8859-1 or Windows-1252, which Press Archive does not read)'
  }
  return ''
}

function acceptable(s: Score, analyse: () => Matches): boolean {
  if (s.wide === 0) return true
  if (s.bad > Math.max(1, s.wide * 0.005)) return false
  // Real news text draws 60–90% of its characters from the set, misreads 2–6%.
  if (s.common >= s.wide * 0.35) return true
  // A handful of non-ASCII characters (a name, a few quotes) cannot be judged by frequency;
  // accept them unless chardet is confident the file is in some other legacy encoding.
  if (s.wide >= 16 || s.bad > 0) return false
  return !analyse().some((m) => m.confidence >= 50 && isForeign(m.name))
}
