/**
 * The command line's parts, as testable functions: argument parsing, input reading and
 * validation, and output formatting. scripts/check.ts only wires them to the process.
 *
 * Exit codes: 0 success · 1 internal error (corpus or engine failed) · 2 bad input (missing,
 * unreadable, empty, binary file, unknown extension, malformed JSONL line, text or claim not in
 * English — lib/text/language.ts, the test the extension uses too) · 64 usage error (unknown
 * flag, no file, too many files).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { dedupeSources, parseSource, sourceType, SourceError } from '../lib/sources';
import { parseHTML } from 'linkedom';
import { z } from '../lib/zod';
import { readDateMarker } from '../lib/corpus/manifest';
import type { CorpusDoc } from '../lib/types';
import type { Engine } from '../lib/engine';
import { extractArticle } from '../lib/extract/html';
import { detectLanguage, englishOnlyMessage } from '../lib/text/language';
import { VERDICT_LABELS, VERDICTS } from '../lib/labels';
import type { AnalysisResult, ClaimResult, Evidence } from '../lib/types';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
export const EXIT_USAGE = 64;

export const USAGE = `Usage: npm run --silent check -- [options] FILE
       npm run --silent check -- [--sources DIR [--no-seeds]] --claims FILE.jsonl

Cross-checks the claims of a war-news article against the bundled reference corpus (seeds/).
Runs fully offline.

Input:
  FILE                 an article as plain text (.txt) or a web page (.html, .htm).
                       A .txt file may start with "date YYYY-MM-DD" to give the article's date;
                       for .html the published date is read from the page.
                       Crosscheck reads English only: a file or a claim in another language
                       is a bad-input error that names the language it looks like.
  --claims FILE.jsonl  check single claims instead: one JSON object per line,
                       {"id": "...", "claim": "...", "date": "YYYY-MM-DD" (optional)}.
                       Blank lines are skipped. Prints one JSON line per claim:
                       {"id","verdict","evidence":[{"source","quote","stance","reason"}]}

Options:
  --json               print {"claims":[{"text","start","end","verdict","evidence":[...]}]}
                       instead of a table. start/end index the text that was analysed: the
                       .txt file's text, or the article text extracted from the .html page.
  --verbose, -v        also show internal scores and claim-detection reasons
                       (JSON: adds "score" to evidence and "detection" to claims).
  --sources DIR        add every .txt, .html and .md file in DIR (not its subfolders) to the
                       corpus for this run; title, outlet and date are read from each file's
                       metadata where present (.md front matter, the page's meta tags, a
                       "date YYYY-MM-DD" first line). An empty, binary, huge (> 5 MB) or
                       non-English file is an input error; duplicates are skipped with a note.
  --no-seeds           leave the bundled corpus out: check against --sources DIR alone (a
                       reader's own corpus about another event). Needs --sources.
  --help, -h           show this help.

Verdicts: corroborated, contradicted, mixed, not_covered.
Exit codes: 0 ok, 1 internal error, 2 bad input file, 64 bad usage.`;

/** A problem with how the command was called (exit 64). */
export class UsageError extends Error {
  override name = 'UsageError';
}
/** A problem with the input file (exit 2). */
export class InputError extends Error {
  override name = 'InputError';
}

export type CliArgs =
  | { kind: 'help' }
  | { kind: 'analyze'; file: string; json: boolean; verbose: boolean; sources: string | null; noSeeds: boolean }
  | { kind: 'claims'; file: string; verbose: boolean; sources: string | null; noSeeds: boolean };

/**
 * Reads the reader's sources from a directory for `--sources`: every .txt/.html/.md file is
 * parsed (lib/sources); any refused file is an InputError naming it, so nothing is half-added.
 * Duplicates (of the seeds or of each other) are skipped with a warning.
 */
export function readSourcesDir(dir: string, seeds: CorpusDoc[], warn: (m: string) => void): CorpusDoc[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir}: --sources needs a directory`);
    names = readdirSync(dir)
      .filter((n) => sourceType(n) !== null)
      .sort();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${dir}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!names.length) warn(`${dir}: no .txt, .html or .md files; using the bundled corpus only`);
  const parsed = [];
  const problems: string[] = [];
  for (const n of names) {
    try {
      parsed.push(
        parseSource(
          { name: join(dir, n), content: new Uint8Array(readFileSync(join(dir, n))) },
          { parseHtml: (h) => parseHTML(h).document as unknown as Document },
        ),
      );
    } catch (e) {
      problems.push(e instanceof SourceError ? e.message : `${join(dir, n)}: ${(e as Error).message}`);
    }
  }
  if (problems.length) throw new InputError(problems.join('\n'));
  const r = dedupeSources(seeds, parsed);
  for (const d of r.duplicates) warn(`skipped duplicate source ${d.source.title} (same text as ${d.sameAs})`);
  return r.added;
}

/** Parse the arguments after `--`. Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliArgs {
  let json = false;
  let verbose = false;
  let claimsFile: string | null = null;
  let sources: string | null = null;
  let noSeeds = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyFiles || a === '-' || !a.startsWith('-')) {
      files.push(a);
    } else if (a === '--') {
      onlyFiles = true;
    } else if (a === '--help' || a === '-h') {
      return { kind: 'help' };
    } else if (a === '--json') {
      json = true;
    } else if (a === '--verbose' || a === '-v') {
      verbose = true;
    } else if (a === '--no-seeds') {
      noSeeds = true;
    } else if (a === '--sources' || a.startsWith('--sources=')) {
      if (sources !== null) throw new UsageError('--sources given twice');
      const v = a === '--sources' ? argv[++i] : a.slice('--sources='.length);
      if (v === undefined || v === '') throw new UsageError('--sources needs a DIR argument');
      sources = v;
    } else if (a === '--claims' || a.startsWith('--claims=')) {
      if (claimsFile !== null) throw new UsageError('--claims given twice');
      const v = a === '--claims' ? argv[++i] : a.slice('--claims='.length);
      if (v === undefined || v === '') throw new UsageError('--claims needs a FILE.jsonl argument');
      claimsFile = v;
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  if (noSeeds && sources === null) throw new UsageError('--no-seeds needs --sources DIR (the corpus to check against)');
  if (claimsFile !== null) {
    if (files.length) throw new UsageError(`--claims takes one file; unexpected argument ${files[0]}`);
    return { kind: 'claims', file: claimsFile, verbose, sources, noSeeds };
  }
  if (files.length === 0) throw new UsageError('no input FILE given');
  if (files.length > 1) throw new UsageError(`one FILE at a time (got ${files.length})`);
  return { kind: 'analyze', file: files[0]!, json, verbose, sources, noSeeds };
}

/** Check that `path` names an existing regular file; returns its size. Throws InputError. */
export function assertRegularFile(path: string): number {
  if (path === '-') throw new InputError('reading from standard input is not supported; give a file name');
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path} is a directory, not a file`);
    if (!st.isFile()) throw new InputError(`${path} is not a regular file`);
    return st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(fsMessage(path, e));
  }
}

/** Read a text file; throws InputError for missing, directory, unreadable, empty or binary files. */
export function readTextFile(path: string): string {
  const size = assertRegularFile(path);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new InputError(fsMessage(path, e));
  }
  if (size === 0 || buf.length === 0) throw new InputError(`${path} is empty`);
  if (buf.includes(0)) throw new InputError(`${path} looks like a binary file (it contains NUL bytes), not text`);
  const text = new TextDecoder('utf-8').decode(buf); // drops a UTF-8 BOM
  if (text.trim() === '') throw new InputError(`${path} is empty (only whitespace)`);
  return text;
}

function fsMessage(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path} is a directory, not a file`;
  return `cannot read ${path}: ${(e as Error)?.message ?? String(e)}`;
}

export type InputKind = 'txt' | 'html';

export function inputKind(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  throw new InputError(`${path}: unknown file type "${ext || '(no extension)'}" (expected .txt or .html; use --claims for .jsonl)`);
}

/** What is handed to engine.analyze, and how its offsets map back. */
export interface PreparedDocument {
  /** The text to analyse. */
  text: string;
  /** Added to every start/end the engine returns (length of a leading date marker in .txt). */
  offset: number;
  /** The text start/end refer to after adding `offset`. */
  displayText: string;
  docDate: string | null;
  title: string | null;
}

/**
 * Turn a file's content into the text to analyse.
 * .txt: a leading "date YYYY-MM-DD" gives the document date and is not analysed; offsets still
 *       index the file's text. .html: the extracted article text; offsets index that text.
 */
export function prepareDocument(path: string, content: string): PreparedDocument {
  const kind = inputKind(path);
  if (kind === 'txt') {
    const marker = readDateMarker(content);
    return {
      text: content.slice(marker.length),
      offset: marker.length,
      displayText: content,
      docDate: marker.date,
      title: null,
    };
  }
  const { document } = parseHTML(content);
  const article = extractArticle(document as unknown as Document);
  if (article.text.trim() === '') throw new InputError(`${path}: no article text found in the page`);
  return { text: article.text, offset: 0, displayText: article.text, docDate: article.date, title: article.title || null };
}

/** The refusal of a text that is not English ("Crosscheck reads English only; this file looks like French"), or null. */
export function languageRefusal(text: string, subject: string): string | null {
  const language = detectLanguage(text);
  return language.english ? null : englishOnlyMessage(subject, language);
}

/** One input line of --claims. Extra fields (label, note …) are allowed and ignored. */
export const ClaimLineSchema = z.object({
  id: z.union([z.string().check(z.refine((s) => s.trim() !== '', '"id" must not be empty')), z.number()], {
    error: '"id" must be a non-empty string or a number',
  }),
  claim: z.string({ error: '"claim" must be a string' }).check(z.trim(), z.minLength(1, '"claim" must not be empty')),
  date: z.nullish(z.iso.date({ error: '"date" must be an ISO date YYYY-MM-DD' })),
});
export type ClaimLine = z.infer<typeof ClaimLineSchema>;

/** Parse and validate every line of a --claims file; throws InputError listing each bad line. */
export function parseClaimsJsonl(path: string, content: string): ClaimLine[] {
  const out: ClaimLine[] = [];
  const errors: string[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push(`${where}: invalid JSON (${(e as Error).message})`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${where}: expected a JSON object like {"id": "...", "claim": "..."}`);
      return;
    }
    const r = ClaimLineSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const field = issue.path.length ? String(issue.path[0]) : '';
      const missing = field && !(field in (value as object));
      errors.push(`${where}: ${missing ? `missing "${field}"` : issue.message}`);
      return;
    }
    const notEnglish = languageRefusal(r.data.claim, 'this claim');
    if (notEnglish) {
      errors.push(`${where}: ${notEnglish}`);
      return;
    }
    out.push(r.data);
  });
  if (errors.length) {
    const shown = errors.slice(0, 10);
    if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more bad lines`);
    throw new InputError(shown.join('\n'));
  }
  if (out.length === 0) throw new InputError(`${path} has no claims (only blank lines)`);
  return out;
}

// ---------- output ----------

export interface PublicEvidence {
  source: string;
  quote: string;
  stance: Evidence['stance'];
  reason: string;
  score?: number;
}

export function publicEvidence(e: Evidence, verbose: boolean): PublicEvidence {
  const out: PublicEvidence = { source: e.source, quote: e.quote, stance: e.stance, reason: e.reason };
  if (verbose) out.score = e.score;
  return out;
}

/** The --json document for an analysed text. Offsets are shifted by `offset` (see PreparedDocument). */
export function toJsonOutput(result: AnalysisResult, verbose: boolean, offset = 0) {
  return {
    claims: result.claims.map((c) => ({
      text: c.text,
      start: c.start + offset,
      end: c.end + offset,
      verdict: c.verdict,
      evidence: c.evidence.map((e) => publicEvidence(e, verbose)),
      ...(verbose && c.detection ? { detection: c.detection } : {}),
    })),
  };
}

/** One output line of --claims. */
export function claimLineOutput(id: string | number, r: ClaimResult, verbose: boolean): string {
  return JSON.stringify({ id, verdict: r.verdict, evidence: r.evidence.map((e) => publicEvidence(e, verbose)) });
}

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The best evidence to show for a claim: first supporting/conflicting item, else first related. */
export function bestEvidence(c: ClaimResult): Evidence | undefined {
  return c.evidence.find((e) => e.stance !== 'related') ?? c.evidence[0];
}

/** The readable table for an analysed text. */
export function formatTable(result: AnalysisResult, info: { file: string; docDate: string | null; title?: string | null }, verbose = false): string {
  const lines: string[] = [];
  const n = result.claims.length;
  lines.push(
    `${info.file}: ${n} claim${n === 1 ? '' : 's'} checked` +
      (info.title ? ` · "${shorten(info.title, 70)}"` : '') +
      ` · article date: ${info.docDate ?? 'unknown'}`,
  );
  if (n === 0) {
    lines.push('No check-worthy claims found.');
    return lines.join('\n') + '\n';
  }
  const CLAIM_W = 64;
  const EVID_W = 72;
  lines.push('');
  lines.push(`${pad('#', 4)}${pad('Verdict', 14)}${pad('Claim', CLAIM_W + 2)}Best evidence`);
  lines.push(`${pad('--', 4)}${'-'.repeat(12)}  ${'-'.repeat(CLAIM_W)}  ${'-'.repeat(13)}`);
  result.claims.forEach((c, i) => {
    const best = bestEvidence(c);
    const ev = best ? `${best.source} (${best.stance}): ${best.reason}` : '—';
    lines.push(`${pad(String(i + 1), 4)}${pad(VERDICT_LABELS[c.verdict], 14)}${pad(shorten(c.text, CLAIM_W), CLAIM_W + 2)}${shorten(ev, EVID_W)}`);
    if (verbose) {
      if (c.detection) lines.push(`      detection ${c.detection.score.toFixed(2)}: ${c.detection.reasons.join('; ')}`);
      for (const e of c.evidence) {
        lines.push(`      ${e.stance.padEnd(9)} ${e.source} [${e.score.toFixed(2)}] ${e.reason}`);
        lines.push(`                "${e.quote}"`);
      }
    }
  });
  const counts = VERDICTS.map((v) => [v, result.claims.filter((c) => c.verdict === v).length] as const)
    .filter(([, k]) => k > 0)
    .map(([v, k]) => `${k} ${VERDICT_LABELS[v].toLowerCase()}`);
  lines.push('');
  lines.push(`Summary: ${counts.join(', ')}.`);
  return lines.join('\n') + '\n';
}

// ---------- the whole command ----------

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** The part of the engine the command line uses. */
export type CliEngine = Pick<Engine, 'analyze' | 'checkClaim'>;

export interface CliDeps {
  /** Build the engine (loads the corpus; without the seeds when `noSeeds`). Called only once the input is known to be valid. */
  makeEngine(sources?: CorpusDoc[], noSeeds?: boolean): CliEngine | Promise<CliEngine>;
  /** Reads every .txt/.html/.md file of a directory as sources; throws InputError. */
  readSources?(dir: string, warn: (message: string) => void, noSeeds?: boolean): CorpusDoc[];
}

const PREFIX = 'crosscheck: ';

/** Run the command; returns the exit code. Nothing is written to stdout unless it succeeds. */
export async function runCli(argv: readonly string[], io: CliIO, deps: CliDeps): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${PREFIX}${e.message}\nRun with --help for usage.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (args.kind === 'help') {
    io.stdout(USAGE + '\n');
    return EXIT_OK;
  }

  // 1. Read and validate all input before doing any work.
  let prepared: PreparedDocument | null = null;
  let claimLines: ClaimLine[] = [];
  let sourceDocs: CorpusDoc[] | undefined;
  try {
    if (args.sources !== null) {
      if (!deps.readSources) throw new InputError('--sources is not available here');
      sourceDocs = deps.readSources(args.sources, (m) => io.stderr(`${PREFIX}${m}\n`), args.noSeeds);
      if (args.noSeeds && !sourceDocs.length) throw new InputError(`${args.sources}: no sources to check against (--no-seeds leaves the bundled corpus out)`);
    }
    assertRegularFile(args.file);
    if (args.kind === 'analyze') inputKind(args.file); // unknown extension: fail before reading
    const content = readTextFile(args.file);
    if (args.kind === 'claims') claimLines = parseClaimsJsonl(args.file, content);
    else prepared = prepareDocument(args.file, content);
    const notEnglish = prepared && languageRefusal(prepared.text, 'this file');
    if (notEnglish) throw new InputError(`${args.file}: ${notEnglish}`);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(
        e.message
          .split('\n')
          .map((l) => PREFIX + l)
          .join('\n') + '\n',
      );
      return EXIT_INPUT;
    }
    throw e;
  }

  // 2. Build the engine and compute everything, then print.
  let out: string;
  try {
    const engine = await deps.makeEngine(sourceDocs, args.noSeeds);
    if (args.kind === 'claims') {
      const verbose = args.verbose;
      out = claimLines.map((l) => claimLineOutput(l.id, engine.checkClaim(l.claim, { docDate: l.date ?? null }), verbose)).join('\n');
      out += '\n';
    } else {
      const p = prepared!;
      const result = engine.analyze(p.text, { docDate: p.docDate });
      if (args.json) {
        out = JSON.stringify(toJsonOutput(result, args.verbose, p.offset), null, 2) + '\n';
      } else {
        const shifted: AnalysisResult = {
          claims: result.claims.map((c) => ({ ...c, start: c.start + p.offset, end: c.end + p.offset })),
        };
        out = formatTable(shifted, { file: args.file, docDate: p.docDate, title: p.title }, args.verbose);
      }
    }
  } catch (e) {
    io.stderr(`${PREFIX}internal error: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT_INTERNAL;
  }
  io.stdout(out);
  return EXIT_OK;
}
