import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cutOffLineRule } from '../../../../../../src/core/cleaning/rules/flags'
import { run } from '../repetition/run'

describe('cut-off-line', () => {
  it('flags a paragraph that ends in ... or …', () => {
    const teaser =
      "According to the people's network leader's message board, some netizens have recen..."
    const r = run(
      cutOffLineRule,
      `The story.\n${teaser}\nNot long agoHarbin Institute of Technology and Qi Tian Ac…`,
    )
    expect(r.flags).toEqual([
      { kind: 'cut-off-line', text: teaser },
      { kind: 'cut-off-line', text: 'Not long agoHarbin Institute of Technology and Qi Tian Ac…' },
    ])
    expect(r.messages[0]).toBe(
      'This paragraph ends with an ellipsis and may have been cut off (“According to the people’…e netizens have recen...”): a teaser of another article, or text lost in copying. Check it against the source, or delete it if it belongs to another article.'.replace(
        'people’',
        "people'",
      ),
    )
  })

  it('flags the whole paragraph, without its indent', () => {
    expect(
      run(cutOffLineRule, '  Recently, the first batch of bus stops have been officially...  ')
        .flags,
    ).toEqual([
      {
        kind: 'cut-off-line',
        text: 'Recently, the first batch of bus stops have been officially...',
      },
    ])
  })

  it.each([
    'He said: "We will see..."',
    'He said: “We will see…”',
    '(To be continued...)',
    'masks, distance, ventilation, etc...',
    'masks, distance, ventilation and so on......',
    '......',
    'The story goes on... and ends here.',
    'Ok..',
  ])('leaves %j', (text) => {
    expect(run(cutOffLineRule, text).flags).toEqual([])
  })

  it('never flags paragraphs that do not end in an ellipsis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z ,.]{0,40}[a-z!?]$/), { maxLength: 10 }),
        (ls) => {
          expect(cutOffLineRule.apply(ls.join('\n'), { glossary: [], metadata: {} }).flags).toEqual(
            [],
          )
        },
      ),
      { numRuns: 200 },
    )
  })
})
