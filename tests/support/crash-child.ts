// Run by crash.test.ts in a child process that gets SIGKILLed part-way.
// import <archive> <folder>: imports, printing "done N" each time N articles are reported done.
// saves <archive> <id>: saves versions forever, printing "saved N" after each save resolves.
import { importPaths } from '../../src/core/import/importer'
import { Archive } from '../../src/core/store/archive'

async function main(): Promise<void> {
  const [mode, root, arg] = process.argv.slice(2)
  if (!root || !arg) throw new Error('usage: crash-child import|saves <archive> <folder|id>')
  const archive = await Archive.open(root, { holder: 'crash child' })
  if (mode === 'import') {
    let reported = 0
    await importPaths(archive, [arg], {
      batchSize: 25,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.imported > reported) {
          reported = p.imported
          process.stdout.write(`done ${reported}\n`)
        }
      },
    })
    process.stdout.write('finished\n')
  } else {
    for (let n = 1; ; n++) {
      await archive.saveCleaned(arg, `version ${n}\n${'text '.repeat(200)}\n`, 'person')
      process.stdout.write(`saved ${n}\n`)
    }
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
