import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { replayChanges } from '../../../../../../src/core/cleaning/engine'
import type { FoundMetadata } from '../../../../../../src/core/cleaning/types'
import { decodeText } from '../../../../../../src/core/import/decode'
import {
  HAS_SHARED,
  REAL_DIR,
  SAMPLE_DIR,
  SEED_DIR,
  skipNoteWithoutShared,
} from '../../../../../support/paths'
import { PARA, PARA2, run, secondRun } from './helpers'

/** The article as the pipeline hands it to the furniture rules: decoded, LF line endings. */
const read = (path: string): string => decodeText(readFileSync(path)).text.replace(/\r\n?/g, '\n')

skipNoteWithoutShared('the furniture rules on the seed and the real excerpts')

const SEED = join(SEED_DIR, '000_23479a12e8a3a472.txt')

describe.skipIf(!HAS_SHARED)('furniture rules on the seed article', () => {
  const expected = HAS_SHARED
    ? (JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.expect.json'), 'utf8')) as {
        metadata: FoundMetadata
        mustContain: string[]
      })
    : null

  it('finds the metadata of the .expect.json (the title before glossary and repetition)', () => {
    const out = run(read(SEED))
    expect(out.metadata).toEqual({
      ...expected!.metadata,
      // The engine repairs the title with the later rules; at this stage it is as written.
      title:
        'Ministry of Education: my country and 58 countries and regions signed the mutual recognition agreement of academic degree degree',
    })
  })

  it('takes the header, the source line, the end marker and the teasers out of the body', () => {
    const out = run(read(SEED))
    for (const gone of [
      'Author:',
      'Time:2022',
      'Source: China News Network',
      '- END -',
      'Parents have questioned',
      'Harbin Institute of Technology',
      'recen...',
      'Ministry of Education: my country and 58',
    ]) {
      expect([gone, out.text.includes(gone)]).toEqual([gone, false])
    }
    expect(
      out.text.startsWith('The Ministry of Education held a press conference on the 20th'),
    ).toBe(true)
    expect(
      out.text.endsWith('contribute wisdom and strength to global education governance.'),
    ).toBe(true)
    // Nothing of the story is lost: the body is the original's lines 3 to 12, as they were.
    expect(out.text).toBe(read(SEED).split('\n').slice(2, 12).join('\n'))
    for (const kept of expected!.mustContain.filter((s) => read(SEED).includes(s))) {
      expect([kept, out.text.includes(kept)]).toEqual([kept, true])
    }
  })

  it('logs every removal with its reason, and the log replays onto the original', () => {
    const original = read(SEED)
    const out = run(original)
    expect(out.changes.map((c) => [c.rule, c.reason])).toEqual([
      ['header', 'title moved to metadata'],
      ['header', 'byline and date line moved to metadata'],
      ['header', 'source line at the end moved to metadata'],
      ['end-marker', 'end marker'],
      ['end-marker', 'teaser headline of another article, after the end marker'],
      ['end-marker', "snippet of another article cut off with '...', after the end marker"],
      ['end-marker', 'teaser headline of another article, after the end marker'],
      ['end-marker', "snippet of another article cut off with '...', after the end marker"],
    ])
    expect(replayChanges(original, out.changes)).toBe(out.text)
  })

  it('finds nothing more on its own output', () => {
    expect(secondRun(read(SEED))).toEqual([])
  })
})

/** What each real excerpt should give (many stop mid-sentence at 2,000 bytes). */
const REAL: Record<
  string,
  { metadata: FoundMetadata; gone?: string[]; starts?: string; ends?: string }
> = {
  '002_hangzhou-shangcheng-nucleic-reminder.txt': {
    metadata: {
      title:
        'important!The latest reminder from the Shangcheng District Prevention and Control Office recommends a nucleic acid test every 2 days',
      date: '2022-11-27',
      source: 'Published by Shangcheng',
    },
    gone: [' date 2022-11-27', 'Release time:', 'Source: Published by Shangcheng'],
    starts: 'Dear Uptown Residents and Friends:',
    // The notice's own signature and date stay.
    ends: 'November 27, 2022\n',
  },
  '005_maanshan-counties-testing-no3.txt': {
    metadata: {
      title:
        'Circular on Doing a Good Job in Nucleic Acid Testing in Some Counties and Districts of The City (No.3)',
      date: '2022-06-20',
    },
    starts: 'A notification regarding',
  },
  '007_nbs-q3-2020-mil-osi-translation.txt': {
    metadata: {},
    gone: ['Post sponsored by NewzEngine.com'],
    starts: 'MIL OSI Translation.',
  },
  '010_police-patrol-weibo-wechat-accounts.txt': {
    metadata: { date: '2017-03-11' },
    starts: '50 provinces and cities from the police patrol',
  },
  '012_putin-winter-olympics-military-intel.txt': {
    metadata: {
      title:
        'Today, Putin happily participates in the Winter Olympics; Philippine candidates receive text messages from China; the United States is "blocked"',
      author: 'First military intelligence',
    },
    // The headline repeated as image captions goes with the title.
    gone: ['laitimes', 'author:', 'Text/Junjian', 'Today, Putin happily participates'],
    starts: 'The world is small and there are many things.',
  },
  '020_jinan-kindergarten-book-fee-vs-graduate.txt': {
    metadata: {
      title: "A kindergarten book fee in Ji'nan is higher than that of a graduate student.",
      source: 'Qilu Evening Newspaper',
      author: 'Zhang Zhi',
    },
    gone: ['source:'],
    starts: '"a 5 year old child, can have so much book fee?"',
  },
  '030_nev-climbing-period-editor-in-charge.txt': {
    metadata: { editor: 'yyx' },
    gone: ['Editor in charge', 'Leave a Reply', 'Your email address'],
    ends: 'becoming the largest new energy vehicle in China.',
  },
  '032_medical-staff-vaccination-80pct-chinanews.txt': {
    metadata: { editor: 'Wang Kai' },
    gone: ['Editor in charge'],
    ends: '(Producing Lu Huiqian)',
  },
  '035_nhc-vaccination-june16-reprint-boilerplate.txt': {
    metadata: {},
    gone: [
      'Visit the original URL',
      'media coverage',
      'Titanium Media Titanium Media CNBeta',
      'Related events',
      'This article is reprinted from:',
      'copyright belongs to the original author',
      'Leave a Comment',
      'Your email address',
    ],
    starts: 'National Health Commission: Continue to guide all localities',
    ends: 'The number of older adults who completed booster immunizations was 171.217 million.',
  },
  '040_elderly-survey-china-net-spaced-dates.txt': {
    metadata: { title: 'Investigation report on population aging', date: '2007-12-17' },
    gone: ['Current location', 'China.com.cn time of China Net'],
    // The subtitle stays in the body.
    starts:
      'A follow-up survey of the elderly population in urban and rural areas of China (full text)',
  },
  '050_chinese-virus-scapegoat-tokenized-cant.txt': {
    metadata: { source: 'Science and Technology Yuanren' },
    gone: ['This article comes from'],
    starts: 'Recently, the U.S. government',
  },
  '052_us-annual-lie-pang-yan-chinanews.txt': {
    metadata: {
      title: 'The road to purifying the war epidemic in the United States',
      author: 'Pang Yan',
    },
    gone: ['Author: Pang Yan'],
    starts: '  If you make a wish for 2021',
  },
  '055_trade-war-tariffs-ling-mingjiu-text-header.txt': {
    metadata: { author: 'Ling Mingjiu' },
    gone: ['Text: Ling Mingjiu'],
    starts: 'The United States has recently announced',
  },
  '057_economist-rare-earths-toutiao-statement-footer.txt': {
    metadata: { url: 'www.toutiao.com/article/1846931723834378/' },
    gone: ['Image source: Internet', 'Original article:', 'Statement:'],
    ends: 'Currently, the United States can only negotiate with China.',
  },
  '060_civil-servant-salary-teachers-laitimes-author.txt': {
    metadata: {
      title:
        "The Ministry of Finance suddenly announced that civil service salary awards face historic adjustments, and teachers' incomes are even more worrisome",
      author: 'Strategize train 7u',
    },
    gone: ['laitimes', 'author:', 'The Ministry of Finance suddenly announced that civil service'],
    starts: 'Recently, the Ministry of Finance suddenly announced',
  },
  '062_admission-notice-identify-guidelines-4ll-author-time.txt': {
    metadata: {
      title:
        '@2022 Standard college students, please take this admission notice to identify the guidelines',
      author: 'Ala Huangpu',
      date: '2022-08-11',
    },
    gone: ['Author:Ala Huangpu', 'Time:2022'],
    starts: 'The college admission notice is an important voucher',
  },
  '065_xian-spring-semester-staggered-article-reporter-footer.txt': {
    metadata: {
      title:
        'Primary and secondary schools in Xi ‘an will start their spring semester in 2022 with staggered peaks',
      date: '2022-07-24',
      author: 'Yang Yongqing',
      editor: 'Dynasty',
    },
    gone: ['2022-07-24 0 By', 'Article/reporter', 'editor/Dynasty'],
    ends: 'Teachers and students must present negative nucleic acid test certificates within 48 hours when registering for school.',
  },
  '070_customs-seven-months-my-country-lowercase-sentence-start.txt': {
    metadata: { date: '2022-08-07' },
    gone: ['date 2022-08-07'],
    starts: 'The General Administration of Customs announced today (7th)',
  },
}

/** Excerpts with no press furniture at all: left exactly as they are. */
const UNTOUCHED = [
  '015_netizen-rumor-epidemic-punished.txt',
  '017_iran-gas-stations-hacker-captions.txt',
  '022_xinhua-review-world-expects-china-2002-typo.txt',
  '025_hefei-kindergarten-beasts-cage-video-script.txt',
  '027_nanjing-rising-sun-flag-war-horse.txt',
  '037_samr-315-serious-violators-the-paper.txt',
  '042_second-child-policy-my-country-tag-page.txt',
  '045_emergency-management-ten-years-cctv.txt',
  '047_daolang-zaobao-commentator-spaced-hyphen.txt',
  '067_taichung-teacher-bullying-spaces-before-punct.txt',
]

describe.skipIf(!HAS_SHARED)('furniture rules on the real excerpts', () => {
  it.each(Object.keys(REAL))('%s', (name) => {
    const path = join(REAL_DIR, name)
    expect(existsSync(path)).toBe(true)
    const original = read(path)
    const out = run(original)
    const want = REAL[name]!
    expect(out.metadata).toEqual(want.metadata)
    for (const gone of want.gone ?? [])
      expect([gone, out.text.includes(gone)]).toEqual([gone, false])
    if (want.starts !== undefined) expect(out.text.slice(0, want.starts.length)).toBe(want.starts)
    if (want.ends !== undefined) expect(out.text.slice(-want.ends.length)).toBe(want.ends)
    expect(replayChanges(original, out.changes)).toBe(out.text)
    expect(secondRun(original)).toEqual([])
  })

  it.each(UNTOUCHED)('%s is left as it is', (name) => {
    const original = read(join(REAL_DIR, name))
    const out = run(original)
    expect(out.changes).toEqual([])
    expect(out.metadata).toEqual({})
  })

  it('has an expectation for every excerpt', () => {
    const names = readdirSync(REAL_DIR).filter((n) => n.endsWith('.txt'))
    expect(names.filter((n) => !(n in REAL) && !UNTOUCHED.includes(n))).toEqual([])
  })
})

describe('furniture rules on the sample articles', () => {
  const expected: Record<string, { metadata: FoundMetadata; starts: string; ends: string }> = {
    '000_23479a12e8a3a472.txt': {
      metadata: {
        title:
          'Ministry of Education: my country and 58 countries and regions signed the mutual recognition agreement of academic degree degree',
        author: "The official account of Xi'an",
        date: '2022-09-21',
        source: 'China News Network',
      },
      starts: 'The Ministry of Education held a press conference',
      ends: 'contribute wisdom and strength to global education governance.',
    },
    '001_rural-roads-upgrade.txt': {
      metadata: {
        title:
          'Green Valley County completed the upgrade of rural roads ahead of schedule, and more than 300 administrative villages benefited',
        author: 'The official account of Green Valley Transport',
        date: '2023-04-18',
        source: 'Green Valley Daily',
      },
      starts: 'Recently, the reporter learned',
      ends: 'managed well and maintained well.\n',
    },
    '002_riverside-pocket-parks.txt': {
      metadata: {
        title: 'The city\'s first batch of "pocket parks" along the river opened to the public',
        date: '2023-06-02',
        source: 'Riverside Evening News',
        editor: 'Chen Lin',
      },
      starts: 'Recently, the first batch of 12 "pocket parks"',
      ends: 'giving priority to old residential areas with insufficient green space.\n',
    },
    '003_library-night-reading-gbk.txt': {
      metadata: {
        title: '市图书馆推出“夜读”服务 周末开放时间延长至晚上九点',
        author: '林晓雨',
        date: '2023-03-15',
        source: '江城日报',
      },
      starts: '本报讯 为满足市民日益增长的阅读需求',
      ends: '让更多市民在家门口享受阅读的乐趣。\n',
    },
    '004_cold-wave-utf16le.txt': {
      metadata: {
        title:
          'Cold wave brings a sharp drop in temperature, the meteorological department reminds the public to keep warm',
        date: '2023-11-28',
        source: 'Northern Provincial Meteorological Observatory',
      },
      starts: 'Affected by strong cold air',
      ends: 'check heating equipment at home.\n',
    },
    '005_bus-routes-big5.txt': {
      metadata: {
        title: '市區公車六條路線下月起調整 新增捷運站接駁班次',
        author: '陳怡君',
        date: '2023-05-20',
        source: '港都新聞網',
      },
      starts: '為配合捷運新站啟用',
      ends: '請乘客留意現場公告，並提早出門。\n',
    },
  }

  it.each(Object.keys(expected))('%s', (name) => {
    const original = read(join(SAMPLE_DIR, name))
    const out = run(original)
    const want = expected[name]!
    expect(out.metadata).toEqual(want.metadata)
    expect(out.text.slice(0, want.starts.length)).toBe(want.starts)
    expect(out.text.slice(-want.ends.length)).toBe(want.ends)
    expect(replayChanges(original, out.changes)).toBe(out.text)
    expect(secondRun(original)).toEqual([])
  })
})

describe('furniture rules together: properties', () => {
  const GENRE_LINES = [
    'Ministry of Education: China signed the agreement',
    "Author:The official account of Xi'an Time:2022.09.21",
    'Source: China News Network',
    'Editor in charge: yyx',
    'Reviewer: Wang Wu',
    'Text/Junjian',
    '2022-06-20 0 By',
    '来源：江城日报',
    '作者：林晓雨',
    'laitimes',
    'Current location - Home - News - Title',
    ` date 2022-08-07 ${PARA}`,
    '- END -',
    '（完）',
    'END',
    'Share',
    'Like',
    'Click the blue word to follow us',
    '长按识别二维码',
    'Leave a Reply',
    'Related articles',
    'Image source: Internet',
    'Original article: www.toutiao.com/article/1/',
    'Statement: The article represents the views of the author himself.',
    'Teaser headline of another article',
    'According to the message board, some netizens have recen...',
    'Teachers must register.Article/reporter Yang Yongqing editor/Dynasty',
    '会议指出，就业是民生之本。（完）',
    '会议指出，就业是民生之本。（责任编辑：王凯）',
    'A short sentence of the story.',
    'Dear residents and friends:',
    PARA,
    PARA2,
    '',
  ]
  const texts = fc
    .tuple(fc.array(fc.constantFrom(...GENRE_LINES), { maxLength: 18 }), fc.boolean())
    .map(([lines, newline]) => lines.join('\n') + (newline ? '\n' : ''))

  it('are idempotent: cleaning their own output proposes nothing', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(secondRun(text)).toEqual([])
      }),
      { numRuns: 4000 },
    )
  })

  it('log every removal: the change log replays onto the original', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const out = run(text)
        expect(replayChanges(text, out.changes)).toBe(out.text)
        for (const c of out.changes) expect(c.reason).not.toBe('')
      }),
      { numRuns: 2000 },
    )
  })

  it('never throw and stay idempotent on arbitrary text with furniture pieces in it', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '\n',
        '\n\n',
        ' ',
        'END',
        '（完）',
        'Source:',
        'Author:',
        '2022-09-21',
        '来源：',
        '...',
        '. ',
        'Share',
        'Leave a Reply',
        'Text/',
        'date ',
        '(',
        ')',
        '\u3000',
      ),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        expect(secondRun(text)).toEqual([])
      }),
      { numRuns: 4000 },
    )
  })

  it('leave a text of plain paragraphs exactly as it is', () => {
    const word = fc.constantFrom(
      'the',
      'ministry',
      'said',
      'share',
      'like',
      'source',
      'end',
      '3.5%',
      'U.S.',
      'No.1',
      'e.g.',
      '2020-2021',
      '10:30',
      'www.moe.gov.cn',
      'news@example.com',
      '教育部',
    )
    const sentence = fc
      .array(word, { minLength: 4, maxLength: 14 })
      .map((ws) => `${ws.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()))
    const paragraph = fc.array(sentence, { minLength: 2, maxLength: 5 }).map((ss) => ss.join(' '))
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 8 }), (paras) => {
        const text = paras.join('\n')
        expect(run(text).changes).toEqual([])
      }),
      { numRuns: 1000 },
    )
  })
})

describe('furniture rules: a body cleaned twice', () => {
  it('keeps a first line that only looks like a title once the title is gone', () => {
    const text = `The headline\nAuthor: Li\nSpecific situation is summarized to five aspects\nSource: Xinhua\n${PARA}\n${PARA2}`
    const once = run(text)
    expect(once.text).toBe(`Specific situation is summarized to five aspects\n${PARA}\n${PARA2}`)
    expect(once.metadata).toEqual({ title: 'The headline', author: 'Li', source: 'Xinhua' })
    expect(run(once.text).changes).toEqual([])
  })
})
