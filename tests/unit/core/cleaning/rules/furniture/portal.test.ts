import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { portalLine } from '../../../../../../src/core/cleaning/rules/furniture/patterns'
import { portalRule } from '../../../../../../src/core/cleaning/rules/furniture/portal'
import { log, PARA, PARA2, run, secondRun } from './helpers'

const portal = [portalRule]
const body = `${PARA}\n${PARA2}`

describe('portal-furniture: at the head', () => {
  it('removes WeChat prompts above and around the title, each with its reason', () => {
    const text = `点击蓝字关注我们\nThe headline\nClick the blue word to follow us\nAuthor: Li Ming\n${body}`
    const out = run(text, portal)
    expect(out.text).toBe(`The headline\nAuthor: Li Ming\n${body}`)
    expect(log(out.changes)).toEqual([
      ['portal-furniture', 'WeChat "follow us" prompt', '点击蓝字关注我们'],
      ['portal-furniture', 'WeChat "follow us" prompt', 'Click the blue word to follow us'],
    ])
  })

  it.each([
    ['Visit the original URL', 'link to the original page'],
    ['Read the original text', 'link to the original page'],
    ['Post sponsored by NewzEngine.com', 'sponsor line of the page'],
    ['Image source: Internet', 'image credit of the page'],
    ['长按识别二维码', 'QR code prompt'],
    ['Share Like Looking', 'share/like buttons of the page'],
  ])('removes `%s` under the title', (line, reason) => {
    const out = run(`The headline\n\n${line}\n\n${body}`, portal)
    expect(out.text).toBe(`The headline\n\n${body}`)
    expect(log(out.changes)).toEqual([['portal-furniture', reason, line]])
  })
})

describe('portal-furniture: at the tail', () => {
  it('removes an image credit, an original-article link and a statement footer', () => {
    const text = `${body}\nImage source: Internet\nOriginal article: www.toutiao.com/article/1846931723834378/\nStatement: The article represents the views of the author himself.`
    const out = run(text, portal)
    expect(out.text).toBe(body)
    expect(out.metadata).toEqual({ url: 'www.toutiao.com/article/1846931723834378/' })
    expect(log(out.changes).map(([, reason]) => reason)).toEqual([
      'image credit of the page',
      'link to the original page',
      'disclaimer footer of the page',
    ])
  })

  it('removes a comment form from its "Leave a Reply" heading on', () => {
    const text = `${body}\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nComment\n\nName *\n\nEmail *\n`
    const out = run(text, portal)
    expect(out.text).toBe(`${body}\n`)
    expect(log(out.changes)).toEqual([
      ['portal-furniture', 'comment form of the page', 'Leave a Reply'],
      [
        'portal-furniture',
        'comment form of the page',
        'Your email address will not be published. Required fields are marked *',
      ],
      // A line under the heading keeps its own reason when it has one.
      ['portal-furniture', 'share/like buttons of the page', 'Comment'],
      ['portal-furniture', 'comment form of the page', 'Name *'],
      ['portal-furniture', 'comment form of the page', 'Email *'],
    ])
  })

  it('removes a related-articles list and the reprint notice of a repost', () => {
    const text = `${body}\n\nmedia coverage\n\nTitanium Media Titanium Media CNBeta\nRelated events\n\nThis article is reprinted from:\nThis site is for inclusion only, and the copyright belongs to the original author.\n\nLeave a Comment\n\nYour email address will not be published.`
    const out = run(text, portal)
    expect(out.text).toBe(body)
    expect(log(out.changes)).toEqual([
      ['portal-furniture', 'list of related articles', 'media coverage'],
      ['portal-furniture', 'list of related articles', 'Titanium Media Titanium Media CNBeta'],
      ['portal-furniture', 'list of related articles', 'Related events'],
      ['portal-furniture', 'reprint or copyright statement', 'This article is reprinted from:'],
      [
        'portal-furniture',
        'reprint or copyright statement',
        'This site is for inclusion only, and the copyright belongs to the original author.',
      ],
      ['portal-furniture', 'comment form of the page', 'Leave a Comment'],
      ['portal-furniture', 'comment form of the page', 'Your email address will not be published.'],
    ])
  })

  it.each([
    ['Share', 'share/like buttons of the page'],
    ['Like', 'share/like buttons of the page'],
    ['Looking', 'share/like buttons of the page'],
    ['Read on', 'link to the original page'],
    ['阅读原文', 'link to the original page'],
    ['All rights reserved', 'reprint or copyright statement'],
    ['Copyright © 2022 China News Network. All rights reserved.', 'reprint or copyright statement'],
    ['Please indicate the source when reprinting', 'reprint or copyright statement'],
    ['版权声明：本文为原创，转载请注明出处', 'reprint or copyright statement'],
    ['转载请注明出处', 'reprint or copyright statement'],
    ['免责声明：本文仅代表作者观点', 'disclaimer footer of the page'],
    ['Disclaimer: This article is reproduced from the Internet', 'disclaimer footer of the page'],
    ['Photo: Xinhua', 'image credit of the page'],
    ['图/新华社', 'image credit of the page'],
    ['Hits: 1234', 'page view counter'],
    ['Editor in charge: yyx', 'editor credit of the page'],
    ['Responsible editor: Li Na', 'editor credit of the page'],
    ['责任编辑：王凯', 'editor credit of the page'],
  ])('removes `%s` closing the story', (line, reason) => {
    const out = run(`${body}\n${line}\n`, portal)
    expect(out.text).toBe(`${body}\n`)
    expect(log(out.changes)).toEqual([['portal-furniture', reason, line]])
  })

  it('leaves source lines and bylines at the tail to the header rule', () => {
    const text = `${body}\nSource: Xinhua\nShare`
    expect(run(text, portal).text).toBe(`${body}\nSource: Xinhua`)
  })
})

describe('portal-furniture: what it leaves alone', () => {
  it.each([
    // The same words inside the story.
    [`${PARA}\nShare\n${PARA2}`],
    [`${PARA}\nLike many cities, Hangzhou has parks.\n${PARA2}`],
    [`${PARA}\nShare prices rose 3.5% on Monday, the exchange said.`],
    [`${PARA}\nLooking ahead, the ministry plans more agreements.`],
    [`${PARA}\nThe court said the copyright belongs to the author.`],
    [`${PARA}\nCopyright law was amended in 2020-2021.`],
    [`${PARA}\nStatement: the Foreign Ministry said it firmly opposes the move.`],
    [`${PARA}\nRead more about it in the report published by the ministry at www.moe.gov.cn.`],
    // A "Related reading" heading with the story going on after it.
    [`${PARA}\nRelated reading\n${PARA} ${PARA2}\n${PARA2} ${PARA}\n${PARA} ${PARA2}`],
  ])('%#', (text) => {
    expect(run(text, portal).changes).toEqual([])
  })

  it('flags unmistakable furniture in the middle of the story instead of removing it', () => {
    const text = `${PARA}\nClick the blue word to follow us\n${PARA2}`
    const out = run(text, portal)
    expect(out.changes).toEqual([])
    expect(out.flags.map((f) => [f.kind, out.text.slice(f.start, f.end)])).toEqual([
      ['furniture-in-body', 'Click the blue word to follow us'],
    ])
  })

  it('does not take lines that only contain the words', () => {
    for (const line of [
      'Follow-up survey of the elderly',
      '重点关注三个方面',
      'Sharing economy grows',
      'Click here',
    ]) {
      expect([line, portalLine(line)?.kind]).toEqual([line, undefined])
    }
  })
})

describe('portal-furniture: idempotence', () => {
  it('finds nothing more on its own output (generated texts)', () => {
    const lines = fc.constantFrom(
      'Click the blue word to follow us',
      '点击蓝字关注我们',
      'The headline',
      'Author: Li',
      'Share',
      'Like',
      'Leave a Reply',
      'Related articles',
      'Image source: Internet',
      'Original article: www.toutiao.com/article/1/',
      'Editor in charge: yyx',
      'Source: Xinhua',
      '- END -',
      '（完）',
      'Teaser headline',
      PARA,
      PARA2,
      '',
    )
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 16 }), (ls) => {
        expect(secondRun(ls.join('\n'), portal)).toEqual([])
      }),
      { numRuns: 3000 },
    )
  })
})
