import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../src/core/import/decode'
import { readHeaderMeta, type HeaderMeta } from '../../../../src/core/import/metadata'
import { SAMPLE_DIR, SEED_DIR } from '../../../support/paths'

const SEED_NAME = '000_23479a12e8a3a472.txt'
const SEED_PATH = [join(SEED_DIR, SEED_NAME), join('/work/shared/corpus/seed', SEED_NAME)].find(
  (p) => existsSync(p),
)
if (SEED_PATH === undefined) {
  console.log(`skipped: the shared seed article — neither ${SEED_DIR} nor /work/shared is present`)
}

const SEED_META: HeaderMeta = {
  title:
    'Ministry of Education: my country and 58 countries and regions signed the mutual recognition agreement of academic degree degree',
  author: "The official account of Xi'an",
  date: '2022-09-21',
  source: 'China News Network',
  language: 'en',
}

const BODY =
  'The county held a meeting on the 20th to introduce the progress of rural road construction.'

/** An article with the given header lines under a title, and a plain body. */
const article = (...header: string[]): string => ['A headline', ...header, BODY, BODY].join('\n')

describe('readHeaderMeta on the seed article', () => {
  it.skipIf(SEED_PATH === undefined)('reads the shared seed file', () => {
    const text = decodeText(readFileSync(SEED_PATH as string)).text
    expect(readHeaderMeta(text)).toEqual(SEED_META)
  })

  it('reads the copy shipped in resources/sample', () => {
    const text = decodeText(readFileSync(join(SAMPLE_DIR, SEED_NAME))).text
    expect(readHeaderMeta(text)).toEqual(SEED_META)
  })
})

describe('readHeaderMeta on the sample articles', () => {
  const expected: Record<string, HeaderMeta> = {
    '001_rural-roads-upgrade.txt': {
      title:
        'Green Valley County completed the upgrade of rural roads ahead of schedule, and more than 300 administrative villages benefited',
      author: 'The official account of Green Valley Transport',
      date: '2023-04-18',
      source: 'Green Valley Daily',
      language: 'en',
    },
    '002_riverside-pocket-parks.txt': {
      title: 'The city\'s first batch of "pocket parks" along the river opened to the public',
      author: null,
      date: '2023-06-02',
      source: 'Riverside Evening News',
      language: 'en',
    },
    '003_library-night-reading-gbk.txt': {
      title: '市图书馆推出“夜读”服务 周末开放时间延长至晚上九点',
      author: '林晓雨',
      date: '2023-03-15',
      source: '江城日报',
      language: 'zh',
    },
    '004_cold-wave-utf16le.txt': {
      title:
        'Cold wave brings a sharp drop in temperature, the meteorological department reminds the public to keep warm',
      author: null,
      date: '2023-11-28',
      source: 'Northern Provincial Meteorological Observatory',
      language: 'en',
    },
    '005_bus-routes-big5.txt': {
      title: '市區公車六條路線下月起調整 新增捷運站接駁班次',
      author: '陳怡君',
      date: '2023-05-20',
      source: '港都新聞網',
      language: 'zh',
    },
  }
  it.each(Object.keys(expected))('%s', (name) => {
    const text = decodeText(readFileSync(join(SAMPLE_DIR, name))).text
    expect(readHeaderMeta(text)).toEqual(expected[name])
  })
})

describe('readHeaderMeta: author and date lines', () => {
  const cases: [string, string[], string | null, string | null][] = [
    [
      'Author: Time: on one line, no spaces',
      ['Author:Ala Huangpu Time:2022.08.11'],
      'Ala Huangpu',
      '2022-08-11',
    ],
    ['spaced labels', ['Author: Pang Yan   Time: 2022-09-21'], 'Pang Yan', '2022-09-21'],
    ['lower-case author', ['author:Strategize train 7u'], 'Strategize train 7u', null],
    ['Text: byline', ['Text: Ling Mingjiu'], 'Ling Mingjiu', null],
    ['Text/ byline', ['Text/Junjian'], 'Junjian', null],
    [
      'Author beats Text',
      ['author:First military intelligence', 'Text/Junjian'],
      'First military intelligence',
      null,
    ],
    ['By line', ['By Zhang Wei and Li Na'], 'Zhang Wei and Li Na', null],
    [
      'By as a sentence is no byline',
      ['By the end of the year, 300 villages had new roads.'],
      null,
      null,
    ],
    ['Date:', ['Date: 2022/09/21'], null, '2022-09-21'],
    ['Published: month name', ['Published: September 21, 2022'], null, '2022-09-21'],
    ['Published on day month year', ['Published on 21 September 2022 10:30'], null, '2022-09-21'],
    [
      'Release time after a site name',
      ['Hangzhou Net Release time: 2022-11-27 13:53'],
      null,
      '2022-11-27',
    ],
    ['Publication date without colon', ['Publication date 2022-9-1'], null, '2022-09-01'],
    ['Chinese date with time', ['发布时间：2022年9月21日 10:30'], null, '2022-09-21'],
    [
      'Chinese labels on one line',
      ['来源：新华网 作者：张三 时间：2022-09-21'],
      '张三',
      '2022-09-21',
    ],
    ['ASCII colon after Chinese label', ['作者:李四  日期:2021.3.5'], '李四', '2021-03-05'],
    ['full-width digits', ['日期：２０２２年９月２１日'], null, '2022-09-21'],
    ['traditional labels', ['記者：陳怡君', '發布時間：2023/05/20'], '陳怡君', '2023-05-20'],
    ['a date alone on its line', ['2022-06-20 0 By'], null, '2022-06-20'],
    ['a bracketed month-name date', ['(October 19, 2020)'], null, '2020-10-19'],
    ['day Mon / year', ['11 Mar / 2017'], null, '2017-03-11'],
    [
      'spaced numeric date in a short line',
      ['China Net time: 2007- 12- 17, comments >>'],
      null,
      '2007-12-17',
    ],
    ['an event date in the story is not the article date', ['活动时间：2023年3月1日'], null, null],
    ['Editor is not the author', ['Editor in charge: [Wang Kai]'], null, null],
    [
      'a labelled date wins over a bare one',
      ['2020-01-01', 'Time: 2022-09-21'],
      null,
      '2022-09-21',
    ],
  ]
  it.each(cases)('%s', (_name, header, author, date) => {
    const meta = readHeaderMeta(article(...header))
    expect({ author: meta.author, date: meta.date }).toEqual({ author, date })
  })

  it('rejects dates that do not exist', () => {
    for (const bad of [
      'Time:2022.02.30',
      'Date: 2023-13-01',
      '日期：2022年2月29日',
      'Date: 0022-01-01',
    ]) {
      expect([bad, readHeaderMeta(article(bad)).date]).toEqual([bad, null])
    }
    expect(readHeaderMeta(article('日期：2024年2月29日')).date).toBe('2024-02-29')
  })

  it('looks for author and date in the first 15 non-empty lines only', () => {
    const late = ['Title', ...Array<string>(15).fill(BODY), 'Author: Late Writer Time: 2022-09-21']
    expect(readHeaderMeta(late.join('\n'))).toMatchObject({ author: null, date: null })
    const spaced = ['Title', '', '', '', '', '', '', '', '', '', '', 'Author: Early Writer']
    expect(readHeaderMeta(spaced.join('\n')).author).toBe('Early Writer')
  })

  it('ignores a label inside a paragraph', () => {
    const text = article(`${BODY} As the writer: put it, time: 2022-09-21 was a good day. ${BODY}`)
    expect(readHeaderMeta(text)).toMatchObject({ author: null, date: null })
  })
})

describe('readHeaderMeta: source', () => {
  it('splits a trailing byline off a source line', () => {
    const meta = readHeaderMeta(article('source: Qilu Evening Newspaper author Zhang Zhi'))
    expect(meta).toMatchObject({ source: 'Qilu Evening Newspaper', author: 'Zhang Zhi' })
  })

  it('takes the last Source: line before the END marker, not the teasers after it', () => {
    const text = [
      'Headline',
      BODY,
      'Source: Early Mention',
      BODY,
      'Source: China News Network',
      '- END -',
      'Another story',
      'Source: Someone Else',
    ].join('\n')
    expect(readHeaderMeta(text).source).toBe('China News Network')
  })

  it('prefers a source named in the header', () => {
    const text = ['标题', '来源：江城日报', BODY, '来源：别的网站', '（完）'].join('\n')
    expect(readHeaderMeta(text).source).toBe('江城日报')
  })

  it('finds the source anywhere when there is no END marker', () => {
    const body = Array<string>(30).fill(BODY)
    expect(
      readHeaderMeta(['Headline', ...body, 'Source: Published by Shangcheng'].join('\n')).source,
    ).toBe('Published by Shangcheng')
  })

  it('ignores caption credits and keeps only the outlet', () => {
    expect(readHeaderMeta(article('Image source: Internet')).source).toBeNull()
    const comes =
      'This article comes from: Science and Technology Yuanren, the title picture comes from: IC photo'
    expect(readHeaderMeta(article(comes)).source).toBe('Science and Technology Yuanren')
    expect(readHeaderMeta(article('【来源：新华社】')).source).toBe('新华社')
    expect(
      readHeaderMeta(article('发布时间：2022-09-21 10:30 来源：人民网 字号：大 中 小')),
    ).toMatchObject({
      source: '人民网',
      date: '2022-09-21',
    })
  })

  it('is null when there is none', () => {
    expect(readHeaderMeta(article()).source).toBeNull()
  })
})

describe('readHeaderMeta: title', () => {
  it('skips header lines above the title', () => {
    expect(
      readHeaderMeta(['Text: Ling Mingjiu', '', 'The real headline', BODY].join('\n')).title,
    ).toBe('The real headline')
    expect(readHeaderMeta(['laitimes', '', 'The real headline', BODY].join('\n')).title).toBe(
      'The real headline',
    )
    expect(readHeaderMeta(['11 Mar / 2017', 'The real headline', BODY].join('\n')).title).toBe(
      'The real headline',
    )
  })

  it('keeps the raw first line, trimmed', () => {
    const meta = readHeaderMeta(
      '\n\n   Ministry: my country signed signed the agreement  \n' + BODY,
    )
    expect(meta.title).toBe('Ministry: my country signed signed the agreement')
  })

  it('takes the text after a scraper date prefix, or the bare title repeated below it', () => {
    const prefixed = ` date 2022-08-07 The General Administration of Customs announced today (7th) the figures\n${BODY}`
    expect(readHeaderMeta(prefixed)).toMatchObject({
      title: 'The General Administration of Customs announced today (7th) the figures',
      date: '2022-08-07',
    })
    const breadcrumb = [
      ' date 2022-11-27 Home News important!The latest reminder from the office-Hangzhou Net',
      'important!The latest reminder from the office',
      BODY,
    ].join('\n')
    expect(readHeaderMeta(breadcrumb).title).toBe('important!The latest reminder from the office')
  })

  it('cuts a title longer than 300 characters at a word', () => {
    const long = `${'word '.repeat(100)}end`
    const title = readHeaderMeta(`${long}\n${BODY}`).title
    expect(title.length).toBeLessThanOrEqual(300)
    expect(title.endsWith('word…')).toBe(true)
    expect(readHeaderMeta('字'.repeat(500)).title).toBe(`${'字'.repeat(299)}…`)
  })

  it('is empty for an empty text', () => {
    expect(readHeaderMeta('')).toEqual({
      title: '',
      author: null,
      date: null,
      source: null,
      language: null,
    })
  })
})

describe('readHeaderMeta: language', () => {
  it('says zh when Chinese characters dominate, en when Latin letters do', () => {
    expect(readHeaderMeta('教育部召开新闻发布会，介绍了APEC和WTO的合作情况。').language).toBe('zh')
    expect(
      readHeaderMeta('The Ministry of Education (教育部) held a press conference.').language,
    ).toBe('en')
  })

  it('says null for a balanced mix or no letters at all', () => {
    expect(
      readHeaderMeta('教育部召开新闻发布会 Ministry of Education press conference').language,
    ).toBeNull()
    expect(readHeaderMeta('2022-09-21 10:30 — 58 / 181 %').language).toBeNull()
  })
})
