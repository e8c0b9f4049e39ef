import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { headerRule } from '../../../../../../src/core/cleaning/rules/furniture/header'
import { log, PARA, PARA2, run, secondRun } from './helpers'

const header = [headerRule]
const body = `${PARA}\n${PARA2}`

describe('header: title and header lines at the top', () => {
  it('moves the title and an `Author:… Time:…` line into the metadata', () => {
    const text = `Ministry: my country signed the agreement degree degree\nAuthor:The official account of Xi'an Time:2022.09.21\n${body}`
    const out = run(text, header)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({
      title: 'Ministry: my country signed the agreement degree degree',
      author: "The official account of Xi'an",
      date: '2022-09-21',
    })
    expect(log(out.changes)).toEqual([
      [
        'header',
        'title moved to metadata',
        'Ministry: my country signed the agreement degree degree',
      ],
      [
        'header',
        'byline and date line moved to metadata',
        "Author:The official account of Xi'an Time:2022.09.21",
      ],
    ])
  })

  it.each([
    ['author:First military intelligence', { author: 'First military intelligence' }],
    ['Author: Pang Yan', { author: 'Pang Yan' }],
    ['Text: Ling Mingjiu', { author: 'Ling Mingjiu' }],
    ['Text/Junjian', { author: 'Junjian' }],
    ['Reporter: Li Na', { author: 'Li Na' }],
    ['By Zhang Wei', { author: 'Zhang Wei' }],
    ['Time:2022.09.21', { date: '2022-09-21' }],
    ['Date: 2022/09/21', { date: '2022-09-21' }],
    ['Published: November 28, 2023 10:30', { date: '2023-11-28' }],
    ['Release time: 2022-11-27 13:53', { date: '2022-11-27' }],
    ['Hangzhou Net Release time: 2022-11-27 13:53', { date: '2022-11-27' }],
    ['2022-06-20 0 By', { date: '2022-06-20' }],
    ['原创 新华社 2022-09-21 10:30', { date: '2022-09-21' }],
    ['China.com.cn time of China Net: 2007- 12- 17, comments >>', { date: '2007-12-17' }],
    ['Source: China News Network', { source: 'China News Network' }],
    [
      'source: Qilu Evening Newspaper author Zhang Zhi',
      { source: 'Qilu Evening Newspaper', author: 'Zhang Zhi' },
    ],
    ['【来源：新华社】', { source: '新华社' }],
    ['Article source: Xinhua', { source: 'Xinhua' }],
    ['（本文来源：新华网）', { source: '新华网' }],
    ['Source | Xinhua', { source: 'Xinhua' }],
    ['来源 | 新华社', { source: '新华社' }],
    ['原创 张三 新华社 2022-09-21 10:30 发表于北京', { date: '2022-09-21' }],
    ['2022-09-21 10:30 来源：新华社', { date: '2022-09-21', source: '新华社' }],
    ['Editor: Zhang San', { editor: 'Zhang San' }],
    ['Editor in charge: yyx', { editor: 'yyx' }],
    ['Responsible editor: Li Na', { editor: 'Li Na' }],
    ['Reviewer: Wang Wu', {}],
    [
      'Article/reporter Yang Yongqing editor/Dynasty',
      { author: 'Yang Yongqing', editor: 'Dynasty' },
    ],
    ['来源：江城日报', { source: '江城日报' }],
    ['作者:李四', { author: '李四' }],
    ['编辑：王凯', { editor: '王凯' }],
    ['责任编辑：王凯', { editor: '王凯' }],
    ['发布时间：2023年3月15日 08:30', { date: '2023-03-15' }],
    ['时间：2022-09-21', { date: '2022-09-21' }],
    ['日期：2023/05/20 14:05', { date: '2023-05-20' }],
    ['記者：陳怡君', { author: '陳怡君' }],
  ])('takes `%s` under a title', (line, metadata) => {
    const out = run(`The headline of the story\n${line}\n${body}`, header)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ title: 'The headline of the story', ...metadata })
  })

  it('takes a block of Chinese header lines with full-width colons', () => {
    const text =
      '市图书馆推出夜读服务\n来源：江城日报\n作者：林晓雨\n发布时间：2023年3月15日 08:30\n\n本报讯 市图书馆推出“夜读”服务。开放首周，读者超过两千人次。'
    const out = run(text, header)
    expect(out.text).toBe('本报讯 市图书馆推出“夜读”服务。开放首周，读者超过两千人次。')
    expect(out.metadata).toEqual({
      title: '市图书馆推出夜读服务',
      source: '江城日报',
      author: '林晓雨',
      date: '2023-03-15',
    })
    expect(log(out.changes).map(([, reason]) => reason)).toEqual([
      'title moved to metadata',
      'source line moved to metadata',
      'byline moved to metadata',
      'date line moved to metadata',
    ])
  })

  it('prefers a labelled author to `Text/` and says so in the log', () => {
    const out = run(
      `laitimes\n\nThe headline\n\nauthor:First military intelligence\n\nText/Junjian\n\n${body}`,
      header,
    )
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ title: 'The headline', author: 'First military intelligence' })
    expect(log(out.changes)).toEqual([
      ['header', 'site name above the title', 'laitimes'],
      ['header', 'title moved to metadata', 'The headline'],
      ['header', 'byline moved to metadata', 'author:First military intelligence'],
      ['header', 'byline removed (the metadata already has it)', 'Text/Junjian'],
    ])
  })

  it('keeps a subtitle between the title and the header lines', () => {
    const out = run(
      `Investigation report on population aging\nA follow-up survey (full text)\nDate: 2007-12-17\n${body}`,
      header,
    )
    expect(out.text).toBe(`A follow-up survey (full text)\n${body}`)
    expect(out.metadata).toEqual({
      title: 'Investigation report on population aging',
      date: '2007-12-17',
    })
  })

  it('takes a title repeated right below itself (a caption) and its copies further down', () => {
    const title = 'Putin happily accepted the invitation to the Winter Olympics'
    const out = run(`${title}\n\n${title}\n\n${PARA}\n\n${title}\n\n${PARA2}`, header)
    expect(out.text).toBe(`${PARA}\n\n${PARA2}`)
    expect(out.metadata).toEqual({ title })
    expect(log(out.changes).map(([, reason]) => reason)).toEqual([
      'title moved to metadata',
      'title repeated below itself',
      'caption repeating the title',
    ])
  })

  it('takes header lines that open the text, with no title', () => {
    const out = run(`Text: Ling Mingjiu\n\n${body}`, header)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ author: 'Ling Mingjiu' })
  })

  it('skips share buttons and follow prompts between the title and its byline', () => {
    const out = run(
      `Click the blue word to follow us\nThe headline\nShare\nAuthor: Li Ming\n${body}`,
      header,
    )
    // The buttons are the portal rule's; the title and byline are found across them.
    expect(out.text).toBe(`Click the blue word to follow us\nShare\n${body}`)
    expect(out.metadata).toEqual({ title: 'The headline', author: 'Li Ming' })
  })
})

describe('header: scraped page furniture above the title', () => {
  it('takes a breadcrumb line', () => {
    const out = run(
      `Current location - Home - Fitness coach - The report\nThe report\nDate: 2007-12-17\n${body}`,
      header,
    )
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ title: 'The report', date: '2007-12-17' })
    expect(log(out.changes)[0]).toEqual([
      'header',
      'breadcrumb navigation line',
      'Current location - Home - Fitness coach - The report',
    ])
  })

  it('takes a scraper date line that repeats the title', () => {
    const text = ` date 2022-11-27 Home News important!The latest reminder from the office-Hangzhou Net\nimportant!The latest reminder from the office\n\nHangzhou Net Release time: 2022-11-27 13:53\n\n${body}`
    const out = run(text, header)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({
      title: 'important!The latest reminder from the office',
      date: '2022-11-27',
    })
  })

  it('takes only the scraper date off a first line that is a paragraph', () => {
    const out = run(` date 2022-08-07 ${PARA}\n${PARA2}`, header)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ date: '2022-08-07' })
    expect(log(out.changes)).toEqual([
      ['header', 'scraped date prefix moved to metadata', 'date 2022-08-07'],
    ])
  })

  it('leaves a lone lower-case word that is not above a title', () => {
    const text = `laitimes\n${body}`
    expect(run(text, header).text).toBe(text)
  })
})

describe('header: credits closing the story', () => {
  it('takes Source, Editor and Reviewer lines at the tail into the metadata', () => {
    const out = run(
      `${body}\n\nSource: Riverside Evening News\n\nEditor in charge: Chen Lin\nReviewer: Wang Wu\n`,
      header,
    )
    expect(out.text).toBe(`${body}\n`)
    expect(out.metadata).toEqual({ source: 'Riverside Evening News', editor: 'Chen Lin' })
    expect(log(out.changes).map(([, reason]) => reason)).toEqual([
      'source line at the end moved to metadata',
      'editor credit at the end moved to metadata',
      'reviewer credit at the end removed',
    ])
  })

  it('takes a Source line just before the end marker, and leaves the marker to its rule', () => {
    const out = run(`${body}\nSource: China News Network\n- END -\nTeaser headline`, header)
    expect(out.text).toBe(`${body}\n- END -\nTeaser headline`)
    expect(out.metadata).toEqual({ source: 'China News Network' })
  })

  it('keeps the source of the header over the one at the tail', () => {
    const out = run(`The headline\nSource: Xinhua\n${body}\nSource: China News Network`, header)
    expect(out.text).toBe(body)
    expect(out.metadata.source).toBe('Xinhua')
    expect(log(out.changes)[2]).toEqual([
      'header',
      'source line at the end removed (the metadata already has it)',
      'Source: China News Network',
    ])
  })

  it('reads credits right after an end marker, without deleting them itself', () => {
    const out = run(`${body}\n- END -\nSource: Xinhua\nEditor: Li`, header)
    expect(out.text).toBe(`${body}\n- END -\nSource: Xinhua\nEditor: Li`)
    expect(out.metadata).toEqual({ source: 'Xinhua', editor: 'Li' })
  })

  it('takes a byline glued to the end of the last paragraph', () => {
    const out = run(
      `${PARA}\nTeachers and students must register.Article/reporter Yang Yongqing editor/Dynasty`,
      header,
    )
    expect(out.text).toBe(`${PARA}\nTeachers and students must register.`)
    expect(out.metadata).toEqual({ author: 'Yang Yongqing', editor: 'Dynasty' })
    expect(log(out.changes)).toEqual([
      [
        'header',
        'byline and editor credit closing the last paragraph moved to metadata',
        'Article/reporter Yang Yongqing editor/Dynasty',
      ],
    ])
  })

  it('takes a bracketed editor credit closing a Chinese article, before its end marker', () => {
    const out = run(
      '会议要求，各地要尽快落实到位。会议指出，就业是民生之本。（责任编辑：王凯）（完）',
      header,
    )
    expect(out.text).toBe('会议要求，各地要尽快落实到位。会议指出，就业是民生之本。（完）')
    expect(out.metadata).toEqual({ editor: '王凯' })
  })

  it('takes credits glued to the end of any paragraph, not only the last', () => {
    const out = run(`${PARA}(Editor: Wang Kai)\n${PARA2}`, header)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ editor: 'Wang Kai' })
    expect(log(out.changes)).toEqual([
      [
        'header',
        'editor credit closing the last paragraph moved to metadata',
        '(Editor: Wang Kai)',
      ],
    ])
  })

  it('keeps `(完)` on its own line when it closes a credit it takes', () => {
    const out = run(`${body}\nSource: Xinhua（完）\nTeaser headline`, header)
    expect(out.text).toBe(`${body}\n（完）\nTeaser headline`)
    expect(out.metadata).toEqual({ source: 'Xinhua' })
  })
})

describe('header: what it leaves alone', () => {
  it.each([
    // A first line that is a paragraph is never a title, even with a header line below it.
    [`${PARA}\nSource: Xinhua\n${PARA2}`],
    // A headline-like first line without a header line below it stays (the importer falls back).
    [`Xinhua International Review: the world expects China\n${body}`],
    [`Dear residents and friends:\nSource: Xinhua\n${body}`],
    // Labels inside sentences, labels with sentences for values, dates that open a sentence.
    [`${PARA}\nHe said the source: a leak from the ministry.\n${PARA2}`],
    [`The headline\nTime: 2022-09-21 the meeting was held in Beijing and many came.\n${body}`],
    [`The headline\nSource: the ministry said that numbers would rise. It added more.\n${body}`],
    [`The headline\nBy the end of the year, 300 villages had new roads.\n${body}`],
    [`The headline\nText messages were sent to 3.5 million candidates.\n${body}`],
    [`The headline\nTime: 10:30\n${body}`],
    [`The headline\nImage source: Internet\n${body}`],
    [`The headline\nData source: National Bureau of Statistics\n${body}`],
    [`The headline\nReporters: are they free?\n${body}`],
    [`The headline\n2020-2021 school year plans\n${body}`],
    // Credits in the middle of the story.
    [`${PARA}\nSource: National Bureau of Statistics\n${PARA2}`],
    // URLs, e-mail addresses, decimals, times, Chinese text.
    ['访问 www.example.com 或发邮件至 news@example.com。\n数据显示增长了3.5%，时间为10:30。'],
  ])('%#', (text) => {
    const out = run(text, header)
    expect(out.text).toBe(text)
    expect(out.changes).toEqual([])
  })

  it('takes no title from a one-sentence article with its byline under it', () => {
    const out = run(
      'The ministry signed the agreement with 58 countries on Monday.\nAuthor: Li Na',
      header,
    )
    expect(out.text).toBe('The ministry signed the agreement with 58 countries on Monday.')
    expect(out.metadata).toEqual({ author: 'Li Na' })
  })

  it('flags a header line it left at the top', () => {
    const out = run(`${PARA}\nSource: Xinhua\n${PARA2}`, header)
    expect(out.flags.map((f) => [f.kind, out.text.slice(f.start, f.end)])).toEqual([
      ['header-in-body', 'Source: Xinhua'],
    ])
  })
})

describe('header: idempotence', () => {
  it.each([
    [`The headline\nAuthor: Li\n${body}`],
    [`The headline\nA subtitle\nAuthor: Li\nA second subtitle\nSource: Xinhua\n${body}`],
    [`Source: Xinhua\nThe headline\nThe headline\n${body}`],
    [`Text: Ling\nCurrent location - Home - News\n ${body}`],
    [`Source: Xinhua\n date 2022-08-07 ${body}`],
    [`${body}\nSource: A\nShare\nEditor: B\n- END -\nTeaser`],
    [`The headline\nAuthor: Li\nThe headline\n${body}\nThe headline`],
  ])('finds nothing more on its own output: %#', (text) => {
    expect(secondRun(text, header)).toEqual([])
  })

  it('finds nothing more on its own output (generated texts)', () => {
    const lines = fc.constantFrom(
      'The headline of the story',
      'A subtitle without a stop',
      "Author:The official account of Xi'an Time:2022.09.21",
      'Text/Junjian',
      'Source: China News Network',
      'Editor in charge: yyx',
      '2022-06-20 0 By',
      '来源：新华社',
      'laitimes',
      'Current location - Home - News',
      ` date 2022-08-07 ${PARA}`,
      'Share',
      '- END -',
      '（完）',
      'Teaser headline of another story',
      'Snippet cut off...',
      'Teachers must register.Article/reporter Yang Yongqing editor/Dynasty',
      PARA,
      PARA2,
      '',
    )
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 14 }), (ls) => {
        expect(secondRun(ls.join('\n'), header)).toEqual([])
      }),
      { numRuns: 3000 },
    )
  })
})
