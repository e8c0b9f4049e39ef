import { promises as fs } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ParseArgsConfig } from 'node:util'
import { ArchiveService } from '../core/api/service'
import { builtInProfiles, cleanText, DEFAULT_PROFILE_ID } from '../core/cleaning/profiles'
import { recleanArticle } from '../core/cleaning/reclean'
import { ArchiveError, toApiError } from '../core/errors'
import { decodeText } from '../core/import/decode'
import { sniffBinary } from '../core/import/sniff'
import type { Profile } from '../shared/profile'
import { importPaths } from '../core/import/importer'
import { Archive } from '../core/store/archive'
import { checkArchive } from '../core/store/check'
import { SORT_KEYS, isArticleId, type ArticleSummary, type SortKey } from '../shared/model'
import { startHost } from '../host/server'
import { COMMAND_USAGE, UsageError } from './usage'
import { ThemeCreateSchema, type Theme, type ThemeWithCount } from '../shared/themes'
import { themeByName } from '../core/themes/vocabulary'
import type { CodebookFormat, CodebookSummary } from '../shared/codebook'
import { exportReport, pdfPageCount } from '../core/export/report'
import { writeFileAtomic } from '../core/fs/atomic'
import { ListFilterSchema } from '../shared/list-filter'
import {
  REPORT_FORMATS,
  ReportOptionsSchema,
  type ReportFormat,
  type ReportScope,
} from '../shared/report'

export interface CommandContext {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  json: boolean
  out: (text: string) => void
  /** Writes a transient progress line; null when stderr is not a terminal. */
  progress: ((text: string) => void) | null
}

export interface Command {
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  run(ctx: CommandContext): Promise<number>
}

const HOLDER = 'press-archive (command line)'

function positional(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index]
  if (value === undefined) throw new UsageError(`missing ${what}`)
  return value
}

function noMorePositionals(ctx: CommandContext, count: number): void {
  if (ctx.positionals.length > count)
    throw new UsageError(`unexpected argument "${ctx.positionals[count]}"`)
}

async function openOrCreate(path: string): Promise<Archive> {
  try {
    return await Archive.open(path, { holder: HOLDER })
  } catch (err) {
    const missing = err instanceof ArchiveError && err.code === 'not-found'
    // Like Archive.create, hidden files (.DS_Store) do not make a folder non-empty.
    const empty =
      missing &&
      (await fs.readdir(path).then(
        (names) => names.every((n) => n.startsWith('.')),
        () => true,
      ))
    if (!empty) throw err
    return Archive.create(path, { holder: HOLDER })
  }
}

function json(ctx: CommandContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2))
}

export const commands: Record<string, Command> = {
  create: {
    usage: COMMAND_USAGE.create,
    options: { name: { type: 'string' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const name = typeof ctx.values['name'] === 'string' ? ctx.values['name'] : undefined
      const archive = await Archive.create(path, { holder: HOLDER, ...(name && { name }) })
      try {
        const info = archive.info()
        if (ctx.json) json(ctx, info)
        else ctx.out(`Created the archive "${info.name}" at ${info.path}.`)
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  import: {
    usage: COMMAND_USAGE.import,
    options: {},
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      const sources = ctx.positionals.slice(1)
      if (sources.length === 0) throw new UsageError('name at least one file or folder to import')
      const archive = await openOrCreate(path)
      const stop = new AbortController()
      const onSigint = () => stop.abort()
      process.once('SIGINT', onSigint)
      try {
        const summary = await importPaths(archive, sources, {
          signal: stop.signal,
          onProgress: (p) =>
            ctx.progress?.(
              `${p.done}/${p.total} imported ${p.imported}, duplicates ${p.duplicates}, failed ${p.failed}${p.current ? `  ${p.current}` : ''}`,
            ),
        })
        ctx.progress?.('')
        if (ctx.json) json(ctx, summary)
        else {
          for (const f of summary.failed) ctx.out(`failed     ${f.path}: ${f.reason}`)
          for (const d of summary.duplicates)
            ctx.out(`duplicate  ${d.path} (already stored as ${d.id})`)
          ctx.out(
            `${summary.imported.length} imported, ${summary.duplicates.length} duplicate(s), ${summary.failed.length} failed, ${summary.skipped.length} skipped (not text files)${summary.cancelled ? ' — cancelled' : ''}.`,
          )
        }
        return summary.failed.length > 0 || summary.cancelled ? 1 : 0
      } finally {
        process.off('SIGINT', onSigint)
        await archive.close()
      }
    },
  },

  list: {
    usage: COMMAND_USAGE.list,
    options: { sort: { type: 'string' }, limit: { type: 'string' }, desc: { type: 'boolean' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const sort = (ctx.values['sort'] ?? 'date') as SortKey
      if (!SORT_KEYS.includes(sort))
        throw new UsageError(`--sort takes one of ${SORT_KEYS.join(', ')}`)
      const limit =
        ctx.values['limit'] === undefined ? Number.MAX_SAFE_INTEGER : Number(ctx.values['limit'])
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError('--limit takes a whole number above 0')
      const archive = await Archive.open(path, { readOnly: true })
      try {
        const page = archive.list({
          offset: 0,
          limit,
          sort,
          order: ctx.values['desc'] ? 'desc' : 'asc',
        })
        if (ctx.json) json(ctx, page.items)
        else {
          for (const a of page.items) ctx.out(formatRow(a))
          ctx.out(`${page.items.length} of ${page.total} article(s).`)
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  show: {
    usage: COMMAND_USAGE.show,
    options: { original: { type: 'boolean' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      const id = positional(ctx, 1, '<id>')
      noMorePositionals(ctx, 2)
      const archive = await Archive.open(path, { readOnly: true })
      try {
        const article = await archive.getArticle(resolveId(archive, id))
        if (ctx.json) json(ctx, article)
        else {
          const m = article.meta
          ctx.out(
            [
              m.title,
              `id:       ${m.id}`,
              `author:   ${m.author ?? '—'}`,
              `date:     ${m.date ?? '—'}`,
              `source:   ${m.source ?? '—'}`,
              `original: ${m.original.name} (${m.original.encoding}, ${m.original.size} bytes)`,
              `versions: ${m.history.length}${m.edited ? ', edited by a person' : ''}`,
              '',
              ctx.values['original'] ? article.originalText : article.cleanedText,
            ].join('\n'),
          )
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  rebuild: {
    usage: COMMAND_USAGE.rebuild,
    options: {},
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const archive = await Archive.open(path, { holder: HOLDER, rebuildIndex: true })
      try {
        const info = archive.info()
        if (ctx.json) json(ctx, info)
        else {
          for (const notice of info.notices) ctx.out(notice)
          ctx.out(`The index now lists ${info.articleCount} article(s).`)
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  check: {
    usage: COMMAND_USAGE.check,
    options: {},
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const report = await checkArchive(path)
      if (ctx.json) json(ctx, report)
      else {
        for (const notice of report.notices) ctx.out(notice)
        for (const p of report.problems) ctx.out(`problem  ${p.id ?? ''} ${p.path}: ${p.problem}`)
        ctx.out(
          report.problems.length === 0
            ? `${report.ok.length} article(s) checked: every original matches its hash and every index entry its folder.`
            : `${report.problems.length} problem(s) found; ${report.ok.length} article(s) are whole.`,
        )
      }
      return report.problems.length === 0 ? 0 : 1
    },
  },

  clean: {
    usage: COMMAND_USAGE.clean,
    options: { profile: { type: 'string' } },
    async run(ctx) {
      if (ctx.positionals.length === 0) throw new UsageError('name at least one file to clean')
      const profile = builtInProfile(ctx.values['profile'])
      const outputs: unknown[] = []
      let failed = 0
      for (const file of ctx.positionals) {
        let text: string
        try {
          const bytes = await fs.readFile(file)
          const binary = sniffBinary(bytes)
          if (binary) throw new ArchiveError('invalid-argument', binary)
          text = decodeText(bytes).text
        } catch (err) {
          failed++
          process.stderr.write(`press-archive clean: ${file}: ${toApiError(err).message}\n`)
          continue
        }
        const result = cleanText(text, profile)
        if (ctx.json) outputs.push({ file, ...result })
        else {
          if (ctx.positionals.length > 1) ctx.out(`==> ${file} <==`)
          ctx.out(result.cleaned)
        }
      }
      if (ctx.json) json(ctx, ctx.positionals.length === 1 ? outputs[0] : outputs)
      return failed > 0 ? 1 : 0
    },
  },

  reclean: {
    usage: COMMAND_USAGE.reclean,
    options: { id: { type: 'string', multiple: true }, apply: { type: 'boolean' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const apply = ctx.values['apply'] === true
      const archive = await Archive.open(path, apply ? { holder: HOLDER } : { readOnly: true })
      try {
        const given = (ctx.values['id'] as unknown as string[] | undefined) ?? []
        const ids = given.length
          ? given.map((id) => resolveId(archive, id))
          : [...archive.allSummaries()].map((a) => a.id)
        const profile = archive.activeProfile()
        const report: { id: string; changed: boolean; edited: boolean; applied: boolean }[] = []
        for (const [i, id] of ids.entries()) {
          ctx.progress?.(`${i + 1}/${ids.length} ${id}`)
          const r = await recleanArticle(archive, id, profile, apply)
          report.push({
            id,
            changed: r.proposal !== r.current,
            edited: r.edited,
            applied: r.applied,
          })
        }
        ctx.progress?.('')
        if (ctx.json) json(ctx, report)
        else {
          for (const r of report.filter((r) => r.changed)) {
            ctx.out(
              `${r.applied ? 'applied ' : r.edited ? 'proposed' : 'differs '}  ${r.id}${r.edited ? '  (edited by a person: not overwritten)' : ''}`,
            )
          }
          const changed = report.filter((r) => r.changed).length
          const applied = report.filter((r) => r.applied).length
          ctx.out(
            `${report.length} article(s) re-cleaned with "${profile.name}": ${changed} would change, ${applied} applied${apply ? '' : ' (run with --apply to save them)'}.`,
          )
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  themes: {
    usage: COMMAND_USAGE.themes,
    options: {
      add: { type: 'string' },
      parent: { type: 'string' },
      color: { type: 'string' },
      export: { type: 'string' },
      import: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      if (ctx.values['export'] !== undefined || ctx.values['import'] !== undefined)
        return codebookCommand(ctx, path)
      const add = ctx.values['add']
      if (typeof add !== 'string' && (ctx.values['parent'] || ctx.values['color']))
        throw new UsageError('--parent and --color go with --add')
      const archive = await Archive.open(
        path,
        typeof add === 'string' ? { holder: HOLDER } : { readOnly: true },
      )
      try {
        if (typeof add === 'string') {
          const parent = ctx.values['parent']
          const input = ThemeCreateSchema.safeParse({
            name: add,
            ...(typeof ctx.values['color'] === 'string' && { color: ctx.values['color'] }),
            ...(typeof parent === 'string' && {
              parentId: themeNamed(archive.themes(), parent).id,
            }),
          })
          if (!input.success) throw new UsageError(input.error.issues[0]!.message)
          const theme = await archive.createTheme(input.data)
          if (ctx.json) json(ctx, theme)
          else ctx.out(`Added the theme "${theme.name}" (${theme.id}).`)
          return 0
        }
        const themes = archive.themes()
        if (ctx.json) json(ctx, themes)
        else {
          for (const line of themeTree(themes)) ctx.out(line)
          ctx.out(`${themes.length} theme(s).`)
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  suggest: {
    usage: COMMAND_USAGE.suggest,
    options: { apply: { type: 'boolean' }, limit: { type: 'string' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const apply = ctx.values['apply'] === true
      const limit =
        ctx.values['limit'] === undefined ? Number.MAX_SAFE_INTEGER : Number(ctx.values['limit'])
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError('--limit takes a whole number above 0')
      const archive = await Archive.open(path, apply ? { holder: HOLDER } : { readOnly: true })
      try {
        const themes = new Map(archive.themes().map((t) => [t.id, t.name]))
        const preview = await archive.suggestUntagged(limit, (done, total) =>
          ctx.progress?.(`${done}/${total} read`),
        )
        ctx.progress?.('')
        const changed = apply
          ? await archive.addThemes(
              preview.items.map((a) => ({
                id: a.id,
                themeIds: a.suggestions.map((s) => s.themeId),
              })),
            )
          : 0
        if (ctx.json) json(ctx, { ...preview, applied: apply, changed })
        else {
          for (const a of preview.items) {
            ctx.out(`${a.id}  ${a.title}`)
            for (const s of a.suggestions)
              ctx.out(`  ${themes.get(s.themeId) ?? s.themeId}  (matched: ${s.matched.join(', ')})`)
          }
          ctx.out(
            `${preview.withSuggestions} of ${preview.untagged} untagged article(s) have suggestions${preview.items.length < preview.withSuggestions ? ` (${preview.items.length} listed)` : ''}; ${apply ? `${changed} tagged.` : 'run with --apply to tag them.'}`,
          )
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  tag: {
    usage: COMMAND_USAGE.tag,
    options: {
      id: { type: 'string', multiple: true },
      query: { type: 'string' },
      theme: { type: 'string' },
      remove: { type: 'boolean' },
      'create-theme': { type: 'boolean' },
    },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const given = (ctx.values['id'] as unknown as string[] | undefined) ?? []
      const query = ctx.values['query']
      if (given.length > 0 === (typeof query === 'string'))
        throw new UsageError('give either --id (one or more) or --query')
      const name = ctx.values['theme']
      if (typeof name !== 'string') throw new UsageError('--theme NAME is required')
      const remove = ctx.values['remove'] === true
      const archive = await Archive.open(path, { holder: HOLDER })
      try {
        let theme: Theme | undefined = themeByName(archive.themes(), name)
        let created = false
        if (!theme && ctx.values['create-theme'] && !remove) {
          const input = ThemeCreateSchema.safeParse({ name })
          if (!input.success) throw new UsageError(input.error.issues[0]!.message)
          theme = await archive.createTheme(input.data)
          created = true
        }
        theme ??= themeNamed(archive.themes(), name)
        const ids =
          typeof query === 'string'
            ? archive.ids({ sort: 'importedAt', order: 'desc', text: query })
            : given.map((id) => resolveId(archive, id))
        const changed = await archive.tagArticles(ids, theme.id, remove)
        if (ctx.json) json(ctx, { theme: theme.id, created, matched: ids.length, changed })
        else
          ctx.out(
            `${changed} of ${ids.length} article(s) ${remove ? 'untagged from' : 'tagged with'} "${theme.name}"${created ? ' (a new theme)' : ''}.`,
          )
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  passages: {
    usage: COMMAND_USAGE.passages,
    options: { theme: { type: 'string' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const name = ctx.values['theme']
      if (typeof name !== 'string') throw new UsageError('--theme NAME is required')
      const archive = await Archive.open(path, { readOnly: true })
      try {
        const theme = themeNamed(archive.themes(), name)
        const passages = await archive.passages({ themeId: theme.id })
        if (ctx.json) json(ctx, passages)
        else {
          for (const p of passages) {
            const quote = p.quote.replace(/\s+/g, ' ')
            ctx.out(`${p.articleId}  ${p.title}${p.detached ? '  (detached)' : ''}\n  “${quote}”`)
          }
          ctx.out(`${passages.length} passage(s) tagged with "${theme.name}".`)
        }
        return 0
      } finally {
        await archive.close()
      }
    },
  },

  export: {
    usage: COMMAND_USAGE.export,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      id: { type: 'string', multiple: true },
      query: { type: 'string' },
      theme: { type: 'string' },
      text: { type: 'string' },
      title: { type: 'string' },
      subtitle: { type: 'string' },
      'page-size': { type: 'string' },
      'font-size': { type: 'string' },
      margin: { type: 'string' },
      header: { type: 'string' },
      footer: { type: 'string' },
      flags: { type: 'boolean' },
      'no-metadata': { type: 'boolean' },
      'no-themes': { type: 'boolean' },
      'no-passages': { type: 'boolean' },
    },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const out = ctx.values['out']
      if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required')
      const format = reportFormat(ctx.values['format'], out)
      const options = reportOptions(ctx)
      const archive = await Archive.open(path, { readOnly: true })
      const stop = new AbortController()
      const onSigint = () => stop.abort()
      process.once('SIGINT', onSigint)
      try {
        const scope = reportScope(ctx, archive)
        const report = await exportReport(
          archive,
          { scope, options, format },
          {
            signal: stop.signal,
            onProgress: (p) =>
              ctx.progress?.(
                p.phase === 'reading' ? `${p.done}/${p.total} read` : 'printing the PDF…',
              ),
          },
        )
        ctx.progress?.('')
        // Written beside the target and renamed: a failed export leaves no partial file.
        await writeFileAtomic(out, report.bytes)
        const pages = format === 'pdf' ? pdfPageCount(report.bytes) : null
        const summary = {
          file: out,
          format,
          articles: report.articles,
          pages,
          bytes: report.bytes.length,
        }
        if (ctx.json) json(ctx, summary)
        else
          ctx.out(
            `Wrote ${out}: ${report.articles} article(s)${pages === null ? '' : `, ${pages} page(s)`}, ${formatSize(report.bytes.length)}.`,
          )
        return 0
      } finally {
        ctx.progress?.('')
        process.off('SIGINT', onSigint)
        await archive.close()
      }
    },
  },

  serve: {
    usage: COMMAND_USAGE.serve,
    options: { port: { type: 'string' }, 'read-only': { type: 'boolean' } },
    async run(ctx) {
      const path = positional(ctx, 0, '<archive>')
      noMorePositionals(ctx, 1)
      const port = ctx.values['port'] === undefined ? 0 : Number(ctx.values['port'])
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError('--port takes a number from 0 to 65535')
      const service = new ArchiveService({
        holder: 'press-archive serve',
        allowSwitchArchive: false,
      })
      await service.open(path, { readOnly: ctx.values['read-only'] === true })
      const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
      const host = await startHost({ service, rendererDir, port })
      ctx.out(host.url)
      process.stderr.write(
        `Serving ${path} at the address above (127.0.0.1 only). Press Ctrl+C to stop.\n`,
      )
      await new Promise<void>((resolve) => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await host.close()
      await service.close()
      return 0
    },
  },
}

/** `themes --export FILE` and `themes --import FILE [--dry-run]`: the format is the extension. */
async function codebookCommand(ctx: CommandContext, path: string): Promise<number> {
  const exportTo = ctx.values['export']
  const importFrom = ctx.values['import']
  if (typeof exportTo === 'string' && typeof importFrom === 'string')
    throw new UsageError('give either --export or --import')
  if (ctx.values['add'] || ctx.values['parent'] || ctx.values['color'])
    throw new UsageError('--add, --parent and --color do not go with --export or --import')
  const file = (exportTo ?? importFrom) as string
  const format = codebookFormat(file)
  if (typeof exportTo === 'string') {
    if (ctx.values['dry-run']) throw new UsageError('--dry-run goes with --import')
    const archive = await Archive.open(path, { readOnly: true })
    try {
      const { text } = archive.exportCodebook(format)
      await fs.writeFile(exportTo, text, 'utf8')
      const count = archive.themes().length
      if (ctx.json) json(ctx, { file: exportTo, format, themes: count })
      else ctx.out(`Wrote ${count} theme(s) to ${exportTo}.`)
      return 0
    } finally {
      await archive.close()
    }
  }
  const dryRun = ctx.values['dry-run'] === true
  const text = await fs.readFile(file, 'utf8')
  const archive = await Archive.open(path, dryRun ? { readOnly: true } : { holder: HOLDER })
  try {
    let summary: CodebookSummary
    try {
      summary = await archive.importCodebook(text, format, dryRun)
    } catch (err) {
      // A refused import: say every problem, not only the first few the error names.
      if (!(err instanceof ArchiveError) || err.code !== 'invalid-argument') throw err
      summary = await archive.importCodebook(text, format, true)
      if (summary.errors.length === 0) throw err
    }
    if (ctx.json) json(ctx, summary)
    else {
      for (const e of summary.errors) ctx.out(`error      ${e}`)
      const list = (names: string[]) => (names.length ? `: ${names.join(', ')}` : '')
      ctx.out(`created    ${summary.created.length}${list(summary.created)}`)
      ctx.out(`updated    ${summary.updated.length}${list(summary.updated)}`)
      ctx.out(`unchanged  ${summary.unchanged.length}`)
      ctx.out(
        summary.errors.length > 0
          ? `${summary.errors.length} error(s): nothing was imported.`
          : summary.applied
            ? 'Imported.'
            : 'Nothing was changed (a dry run).',
      )
    }
    return summary.errors.length > 0 ? 1 : 0
  } finally {
    await archive.close()
  }
}

function codebookFormat(file: string): CodebookFormat {
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1]
  if (ext === 'csv' || ext === 'json') return ext
  throw new UsageError('the codebook file must end in .csv or .json')
}

/** --format, or else what --out ends in; a PDF when neither says. */
function reportFormat(given: string | boolean | undefined, out: string): ReportFormat {
  if (typeof given === 'string') {
    const format = given.toLowerCase() as ReportFormat
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(`--format takes one of ${REPORT_FORMATS.join(', ')}`)
    return format
  }
  return /\.html?$/i.test(out) ? 'html' : 'pdf'
}

function reportOptions(ctx: CommandContext) {
  const v = ctx.values
  const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined)
  const number = (name: string, flag: string) => {
    const value = text(name)
    if (value === undefined) return undefined
    const n = Number(value)
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} takes a number`)
    return n
  }
  const input = {
    title: text('title'),
    subtitle: text('subtitle'),
    text: text('text'),
    pageSize: text('page-size'),
    fontSizePt: number('font-size', '--font-size'),
    marginMm: number('margin', '--margin'),
    header: text('header'),
    footer: text('footer'),
    flags: v['flags'] === true ? true : undefined,
    metadata: v['no-metadata'] === true ? false : undefined,
    themes: v['no-themes'] === true ? false : undefined,
    passages: v['no-passages'] === true ? false : undefined,
  }
  const parsed = ReportOptionsSchema.safeParse(
    Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)),
  )
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const flags: Record<string, string> = {
      text: '--text takes cleaned, original or both',
      pageSize: '--page-size takes A4 or Letter',
      fontSizePt: '--font-size takes a size from 7 to 18 (points)',
      marginMm: '--margin takes a width from 5 to 50 (millimetres)',
    }
    const key = String(issue.path[0] ?? '')
    throw new UsageError(flags[key] ?? `--${key}: ${issue.message}`)
  }
  return parsed.data
}

/** --id, --query or --theme (at most one); every article, oldest first, when none is given. */
function reportScope(ctx: CommandContext, archive: Archive): ReportScope {
  const ids = (ctx.values['id'] as unknown as string[] | undefined) ?? []
  const query = ctx.values['query']
  const theme = ctx.values['theme']
  const given = [ids.length > 0, typeof query === 'string', typeof theme === 'string']
  if (given.filter(Boolean).length > 1)
    throw new UsageError('give at most one of --id, --query and --theme')
  if (ids.length > 0) return { kind: 'ids', ids: ids.map((id) => resolveId(archive, id)) }
  if (typeof theme === 'string')
    return { kind: 'theme', themeId: themeNamed(archive.themes(), theme).id }
  const filter = ListFilterSchema.parse({
    sort: 'date',
    order: 'asc',
    ...(typeof query === 'string' && { text: query }),
  })
  return { kind: 'filter', filter }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function builtInProfile(name: string | boolean | undefined): Profile {
  const profiles = builtInProfiles()
  if (name === undefined) return profiles.find((p) => p.id === DEFAULT_PROFILE_ID)!
  const wanted = String(name).toLowerCase()
  const found = profiles.find((p) => p.id === wanted || p.name.toLowerCase() === wanted)
  if (!found) throw new UsageError(`--profile takes one of ${profiles.map((p) => p.id).join(', ')}`)
  return found
}

function resolveId(archive: Archive, id: string): string {
  if (isArticleId(id)) return id
  if (/^[0-9a-f]{4,15}$/.test(id)) {
    const matches = [...archive.allSummaries()].filter((a) => a.id.startsWith(id))
    if (matches.length === 1 && matches[0]) return matches[0].id
    if (matches.length > 1)
      throw new ArchiveError(
        'invalid-argument',
        `"${id}" matches ${matches.length} articles; give more of the id.`,
      )
  }
  throw new ArchiveError('not-found', `There is no article ${id} in this archive.`)
}

function themeNamed(themes: readonly Theme[], name: string): Theme {
  const theme = themeByName(themes, name)
  if (!theme)
    throw new ArchiveError(
      'not-found',
      `There is no theme named "${name}"${themes.length ? ` (there are: ${themes.map((t) => t.name).join(', ')})` : ''}.`,
    )
  return theme
}

/** The vocabulary as an indented tree, each theme with its count. */
function themeTree(themes: readonly ThemeWithCount[]): string[] {
  const ids = new Set(themes.map((t) => t.id))
  const lines: string[] = []
  const walk = (parentId: string | null, depth: number) => {
    for (const t of themes) {
      const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null
      if (parent !== parentId) continue
      lines.push(`${'  '.repeat(depth)}${t.name}  (${t.count})${t.pinned ? '  pinned' : ''}`)
      walk(t.id, depth + 1)
    }
  }
  walk(null, 0)
  return lines
}

function formatRow(a: ArticleSummary): string {
  const title = a.title.length > 70 ? `${a.title.slice(0, 69)}…` : a.title
  return `${a.id}  ${a.date ?? '          '}  ${(a.source ?? '').slice(0, 24).padEnd(24)}  ${title}`
}
