/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export const COMMAND_USAGE = {
  create: 'press-archive create <archive> [--name NAME] [--json]   (an empty archive)',
  import:
    'press-archive import <archive> <file-or-folder>… [--json]   (creates the archive if it does not exist)',
  list: 'press-archive list <archive> [--json] [--sort title|date|source|author|importedAt|updatedAt] [--desc] [--limit N]',
  show: 'press-archive show <archive> <id> [--json] [--original]',
  rebuild: 'press-archive rebuild <archive>',
  check: 'press-archive check <archive> [--json]',
  serve: 'press-archive serve <archive> [--port N] [--read-only]',
  clean: 'press-archive clean <file>… [--json] [--profile mt-chinese-press|minimal]',
  reclean: 'press-archive reclean <archive> [--id ID]… [--apply] [--json]',
  themes:
    'press-archive themes <archive> [--json] [--add NAME [--parent NAME] [--color #rrggbb] | --export FILE.csv|FILE.json | --import FILE [--dry-run]]',
  suggest:
    'press-archive suggest <archive> [--json] [--apply] [--limit N]   (themes for untagged articles, by their keywords)',
  tag: 'press-archive tag <archive> (--id ID… | --query WORDS) --theme NAME [--remove] [--create-theme] [--json]',
  passages:
    'press-archive passages <archive> --theme NAME [--json]   (the passages tagged with a theme)',
  export:
    'press-archive export <archive> --out FILE.pdf|FILE.html [--id ID… | --query WORDS | --theme NAME] [--format pdf|html] [--text cleaned|original|both] [--title T] [--subtitle S] [--page-size A4|Letter] [--font-size PT] [--margin MM] [--header T] [--footer T] [--flags] [--no-metadata] [--no-themes] [--no-passages] [--json]   (a report; PDF needs Chromium or Chrome)',
} as const

export function usage(): string {
  return [
    'Press Archive: a reader and editor for press archives.',
    '',
    'Usage:',
    ...Object.values(COMMAND_USAGE).map((u) => `  ${u}`),
    '',
    'Every command takes --json (output for scripts) and --debug (stack traces on errors).',
    'Exit codes: 0 done, 1 failed or problems found, 2 wrong usage.',
    '',
  ].join('\n')
}
