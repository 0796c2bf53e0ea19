import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Debian's poppler-utils read back the PDFs (pdftotext, pdfdetach, pdfinfo, pdffonts). Without
 * them the document tests skip, saying why, except in CI (CI=true) where they must run.
 */
export async function hasPoppler() {
  try {
    await run('pdftotext', ['-v'])
    return true
  } catch {
    return false
  }
}

/** Why the document tests skip, or undefined when they run (always under CI). */
export async function popplerSkipReason() {
  if (process.env.CI === 'true' || (await hasPoppler())) return undefined
  return 'poppler-utils is not installed (apt-get install -y poppler-utils): PDF checks skipped'
}

/** Runs a poppler tool on the PDF written to a temporary folder. */
async function withPdf<T>(pdf: Uint8Array, use: (file: string, dir: string) => Promise<T>) {
  const dir = await mkdtemp(join(tmpdir(), 'pepiniere-pdf-'))
  try {
    const file = join(dir, 'document.pdf')
    await writeFile(file, pdf)
    return await use(file, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The PDF's text as pdftotext -layout lays it out, or in the order it was written (-raw).
 * Poppler writes no-break spaces as plain spaces (the fonts' ToUnicode maps show they are there).
 */
export function pdfText(pdf: Uint8Array, mode: '-layout' | '-raw' = '-layout') {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdftotext', [mode, file, '-'])
    return stdout
  })
}

/** The names of the files embedded in the PDF (pdfdetach -list). */
export function attachedNames(pdf: Uint8Array) {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfdetach', ['-list', file])
    return [...stdout.matchAll(/^\d+: (.+)$/gm)].map((match) => match[1].trim())
  })
}

/** One embedded file's content (pdfdetach -save, by its number in the list). */
export function attachedFile(pdf: Uint8Array, name: string) {
  return withPdf(pdf, async (file, dir) => {
    const { stdout } = await run('pdfdetach', ['-list', file])
    const number = [...stdout.matchAll(/^(\d+): (.+)$/gm)].find(
      (match) => match[2].trim() === name
    )?.[1]
    if (!number) throw new Error(`${name} is not attached`)
    const out = join(dir, 'attached')
    await run('pdfdetach', ['-save', number, '-o', out, file])
    return readFile(out, 'utf8')
  })
}

/** The PDF's XMP metadata (pdfinfo -meta). */
export function xmpMetadata(pdf: Uint8Array) {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-meta', file])
    return stdout
  })
}

/** The PDF's document information dictionary and page count, as pdfinfo prints them. */
export function pdfInfo(pdf: Uint8Array) {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file])
    return Object.fromEntries(
      [...stdout.matchAll(/^([A-Za-z ]+):\s*(.*)$/gm)].map((match) => [match[1], match[2].trim()])
    )
  })
}

/** The fonts the PDF uses, with whether each is embedded (pdffonts). */
export function pdfFonts(pdf: Uint8Array) {
  return withPdf(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file])
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => ({ name: line.split(/\s+/)[0], embedded: / yes /.test(line.slice(50)) }))
  })
}
