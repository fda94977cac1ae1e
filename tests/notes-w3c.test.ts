/**
 * The W3C Web Annotation export checked against the W3C's own conformance tests.
 *
 * What: an export of varied notes (full, bare, orphaned, a longest-possible quote, unicode) made
 * with the real exporter is run through the MUST assertion lists of the W3C web-annotation-tests
 * suite: the collection through collectionMusts.test and pageMusts.test, and EVERY annotation,
 * taken out of the collection on its own, through annotationMusts.test.
 *
 * Why: other annotation tools only understand an export that follows the model, and an
 * annotation is often handled alone (copied out of the file, posted to a server), so each one
 * must be valid by itself, with its own @context — not just as a part of the collection.
 *
 * How: the suite (schemas in definitions/, one JSON Schema per assertion, .test files listing
 * them) is read from ../shared/external/web-annotation-tests, never copied into this repository.
 * The runner mirrors the suite's own runner (JSONtest.js of the Web Platform Tests): one Ajv with
 * allErrors and no meta-schema validation, the definitions added by their ids, each assertion
 * compiled and its result compared with its expectedResult. The schemas are JSON Schema draft-04
 * (`id`, boolean `exclusiveMinimum`), which Ajv 6 reads natively with schemaId 'id'.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, LIMITS, makeNote, reanchor, toWebAnnotation, type NewNoteInput, type Note } from '../lib/notes';

// ---------------------------------------------------------------------------------------------
// The W3C suite and a runner for its assertion lists

/** The W3C web-annotation-tests checkout shared beside the repository (read only). */
const SUITE_DIR = fileURLToPath(new URL('../../shared/external/web-annotation-tests', import.meta.url));
const DEFINITIONS_DIR = 'definitions';
const ANNOTATION_MUSTS = 'annotations/annotationMusts.test';
const COLLECTION_MUSTS = 'collections/collectionMusts.test';
const PAGE_MUSTS = 'collections/pages/pageMusts.test';
const MUST_LISTS = [ANNOTATION_MUSTS, COLLECTION_MUSTS, PAGE_MUSTS];
/** The suite's known-bad annotations (some are deliberately not JSON). */
const INCORRECT_SAMPLES_DIR = 'tools/samples/incorrect';

/** JSONtest.js defaults for an assertion that does not say. */
const DEFAULT_EXPECTED = 'valid';
const DEFAULT_ON_UNEXPECTED = 'failAndContinue';

if (!existsSync(join(SUITE_DIR, DEFINITIONS_DIR)) || !existsSync(join(SUITE_DIR, ANNOTATION_MUSTS))) {
  throw new Error(
    `W3C web-annotation-tests not found at ${SUITE_DIR} (expected ${DEFINITIONS_DIR}/ and ${ANNOTATION_MUSTS}). ` +
      'This test reads the suite from ../shared/external/web-annotation-tests beside the repository; it is not a copy kept here.',
  );
}

interface Assertion {
  file: string;
  title: string;
  assertionType?: string;
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
  errorMessage?: string;
  schema: object;
}

/** An assertion whose result was not the expected one: the file, the suite's message and Ajv's errors. */
interface Failure {
  assertion: string;
  message: string;
}

function readSuiteJson(relative: string): any {
  return JSON.parse(readFileSync(join(SUITE_DIR, relative), 'utf8'));
}

/** The assertion files a .test lists, in order (nested lists flattened, as JSONtest.js runs them). */
function assertionFiles(testFile: string): string[] {
  const list: unknown = readSuiteJson(testFile).assertions;
  if (!Array.isArray(list) || !list.length) throw new Error(`${testFile}: no assertions list`);
  const flat = (items: unknown[]): string[] =>
    items.flatMap((a) => {
      if (Array.isArray(a)) return flat(a);
      if (typeof a === 'string') return [a];
      throw new Error(`${testFile}: inline assertions are not supported by this runner`);
    });
  return flat(list);
}

function loadAssertion(file: string): Assertion {
  const schema = readSuiteJson(file);
  return {
    file,
    title: schema.title,
    assertionType: schema.assertionType,
    expectedResult: schema.expectedResult,
    onUnexpectedResult: schema.onUnexpectedResult,
    errorMessage: schema.errorMessage,
    schema,
  };
}

/** Ajv as the suite's runner sets it up, with every definitions/*.json schema added under its id. */
function suiteAjv(): Ajv.Ajv {
  // meta: false and validateSchema: false — the suite's schemas are draft-04 and are not checked
  // against a meta-schema (as in JSONtest.js); logger: false silences draft-04's "$ref siblings
  // ignored" notices, which are the intended draft-04 behaviour.
  const ajv = new Ajv({ allErrors: true, validateSchema: false, schemaId: 'id', meta: false, logger: false });
  for (const f of readdirSync(join(SUITE_DIR, DEFINITIONS_DIR)).filter((n) => n.endsWith('.json'))) {
    ajv.addSchema(readSuiteJson(join(DEFINITIONS_DIR, f)));
  }
  return ajv;
}

const AJV = suiteAjv();
const compiled = new Map<string, ValidateFunction>();

/** Each assertion schema compiled once (Ajv refuses a second schema with the same id). */
function validatorFor(a: Assertion): ValidateFunction {
  let v = compiled.get(a.file);
  if (!v) {
    v = AJV.compile(a.schema);
    compiled.set(a.file, v);
  }
  return v;
}

/** Run one .test list over a JSON document: the assertions whose result was not the expected one. */
function runMusts(testFile: string, doc: unknown): Failure[] {
  const failures: Failure[] = [];
  for (const a of assertionFiles(testFile).map(loadAssertion)) {
    const validate = validatorFor(a);
    const valid = validate(doc) as boolean;
    if (valid === ((a.expectedResult ?? DEFAULT_EXPECTED) === 'valid')) continue;
    failures.push({ assertion: a.file, message: `${a.errorMessage ?? a.title} (${AJV.errorsText(validate.errors)})` });
  }
  return failures;
}

/** A document as another tool would get it from the file: plain JSON, nothing shared with ours. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------------------------
// Varied notes, made by the real code

const PAGE_URL = 'https://news.example/istanbul-talks';
const BEFORE = 'Delegations met in Istanbul on Friday. ';
const AFTER = ' The talks lasted just over an hour.';
const ORPHAN_REPLACEMENT = 'This paragraph was rewritten entirely after the note was made, nothing of the old wording is left.';
/** A sentence repeated to build the longest quote a note can hold (LIMITS.claim characters). */
const LONG_SENTENCE = 'Both sides said the exchange of prisoners would continue in stages over the summer. ';
const UNICODE_CLAIM = 'Zelenskyy’s envoy met Türkiye’s minister in İstanbul — «перемирие», 停火, وقف إطلاق النار 🇺🇦🕊️ naïve café';
const UNICODE_URL = 'https://novosti.example/статья/переговоры?q=停火&lang=uk';
const ID_PREFIX = '00000000-0000-4000-8000-';
const FIRST_DAY = Date.parse('2025-06-02T10:00:00.000Z');
const MINUTE_MS = 60_000;

let seq = 0;
/** A note on `claim` inside a page text, made with makeNote (ids and dates deterministic). */
function note(claim: string, over: Partial<NewNoteInput> = {}, pageText = `${BEFORE}${claim}${AFTER}`): Note {
  const i = ++seq;
  const start = pageText.indexOf(claim);
  return makeNote(
    { pageUrl: PAGE_URL, pageTitle: 'Istanbul talks', pageText, start, end: start + claim.length, claimVerdict: 'contradicted', ...over },
    { now: () => new Date(FIRST_DAY + i * MINUTE_MS), uuid: () => `${ID_PREFIX}${String(i).padStart(12, '0')}` },
  );
}

function longQuote(): string {
  return LONG_SENTENCE.repeat(Math.ceil(LIMITS.claim / LONG_SENTENCE.length)).slice(0, LIMITS.claim);
}

const ORPHAN_CLAIM = 'Russia and Ukraine agreed to swap 1,000 prisoners each.';

const NOTES: Record<string, Note> = {
  'text, tags and a reader verdict': note('Russia proposed a 30-day ceasefire.', {
    text: 'Only one outlet reports this.\nCheck the Kremlin readout.',
    tags: ['ceasefire', 'kremlin'],
    readerVerdict: 'mixed',
    readerReason: 'TASS says 3 days',
  }),
  'no text, no tags, no verdict': note('No ceasefire was agreed, Medinsky said.', { claimVerdict: 'not_covered' }),
  'blank text only': note('The next round is planned for July.', { text: ' \n\t ' }),
  'orphaned (its quote is no longer on the page)': note(ORPHAN_CLAIM, { readerVerdict: 'contradicted', readerReason: 'figure was 1,200' }),
  'the longest quote a note holds': note(longQuote(), { tags: ['long'] }),
  unicode: note(UNICODE_CLAIM, {
    pageUrl: UNICODE_URL,
    pageTitle: 'Переговоры в Стамбуле',
    text: 'Ünïcödé note ✓ — 注释 — ملاحظة 🕊️',
    tags: ['Türkiye', 'перемирие', '停火'],
    readerVerdict: 'corroborated',
    readerReason: 'confirmé par l’AFP',
  }),
};

/** The page the orphaned note was made on, as it is now: its sentence replaced. */
const ORPHAN_PAGE_NOW = `${BEFORE}${ORPHAN_REPLACEMENT}${AFTER}`;

let collectionSeq = 0;
const COLLECTION = asJson(toWebAnnotation(Object.values(NOTES), { uuid: () => `${ID_PREFIX}${String(900 + ++collectionSeq).padStart(12, '0')}` }));

/** The annotation exported for a note, taken out of the collection on its own. */
function standaloneAnnotation(n: Note): Record<string, unknown> {
  const item = COLLECTION.first.items.find((a) => a.id === `urn:uuid:${n.id}`);
  if (!item) throw new Error(`no annotation exported for note ${n.id}`);
  return asJson(item) as unknown as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------

describe('W3C web-annotation-tests: the runner', () => {
  it('reads MUST lists it can run: plain assertion files, each a MUST that expects valid and continues', () => {
    for (const list of MUST_LISTS) {
      const assertions = assertionFiles(list).map(loadAssertion);
      expect(assertions.length, list).toBeGreaterThan(0);
      for (const a of assertions) {
        expect(a.assertionType, a.file).toBe('must');
        expect(a.onUnexpectedResult ?? DEFAULT_ON_UNEXPECTED, a.file).toBe(DEFAULT_ON_UNEXPECTED);
      }
    }
  });

  it('fails every known-bad annotation of the suite that is JSON', () => {
    const files = readdirSync(join(SUITE_DIR, INCORRECT_SAMPLES_DIR)).filter((f) => f.endsWith('.json'));
    const samples = files.flatMap((f) => {
      try {
        return [{ f, doc: readSuiteJson(join(INCORRECT_SAMPLES_DIR, f)) }];
      } catch {
        return []; // deliberately not JSON: a parser test, not a schema test
      }
    });
    expect(samples.length).toBeGreaterThan(0);
    for (const { f, doc } of samples) expect(runMusts(ANNOTATION_MUSTS, doc).length, f).toBeGreaterThan(0);
  });

  it('fails an exported annotation with an empty body list or without its own @context', () => {
    const good = standaloneAnnotation(NOTES['text, tags and a reader verdict']);
    expect(runMusts(ANNOTATION_MUSTS, good)).toEqual([]);
    expect(runMusts(ANNOTATION_MUSTS, { ...good, body: [] }).length).toBeGreaterThan(0);
    const { '@context': _context, ...noContext } = good;
    expect(runMusts(ANNOTATION_MUSTS, noContext).map((f) => f.assertion)).toContain('annotations/3.1-annotationContextValidated.json');
  });
});

describe('W3C web-annotation-tests: the notes export', () => {
  it('exports the varied notes it is meant to (an orphan, the longest quote, non-ASCII text)', () => {
    expect(COLLECTION.first.items).toHaveLength(Object.keys(NOTES).length);
    expect(reanchor(NOTES['orphaned (its quote is no longer on the page)'], [ORPHAN_PAGE_NOW]).status).toBe('orphaned');
    expect(NOTES['the longest quote a note holds'].target.selectors[0].exact).toHaveLength(LIMITS.claim);
    // eslint-disable-next-line no-control-regex -- "outside ASCII" starts at U+0000
    expect(/[^\u0000-\u007f]/.test(NOTES.unicode.pageUrl + NOTES.unicode.text)).toBe(true);
  });

  it('the collection meets every MUST of collectionMusts.test', () => {
    expect(COLLECTION['@context']).toBe(ANNO_CONTEXT);
    expect(runMusts(COLLECTION_MUSTS, COLLECTION)).toEqual([]);
  });

  it('its embedded page meets every MUST of pageMusts.test', () => {
    expect(runMusts(PAGE_MUSTS, COLLECTION)).toEqual([]);
  });

  it.each(Object.entries(NOTES))('the annotation of a note with %s meets every MUST of annotationMusts.test on its own', (_name, n) => {
    expect(runMusts(ANNOTATION_MUSTS, standaloneAnnotation(n))).toEqual([]);
  });
});
