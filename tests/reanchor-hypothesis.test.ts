/**
 * reanchor() against the anchoring tests of the Hypothesis client (hypothesis/client,
 * BSD-2-Clause), read at run time from ../shared/external/hypothesis-anchoring/ next to this
 * repository (not copied here). 78 cases:
 * - match-quote-cases.json (18): matchQuote(text, quote, { prefix, suffix, hint }) and the span
 *   it must find, or that it must find none. The hint becomes a TextPositionSelector.
 * - html-range-specs.json (27 × 2): ranges in html-anchoring-fixture.html. Each is described the
 *   way Hypothesis's describe() does (position in the container's textContent; the quote with 32
 *   characters of context each side) and anchored back twice: from the TextQuoteSelector alone,
 *   and from the TextPositionSelector. A note always carries a quote, so the second case gives
 *   reanchor the position with the bare quote (no context): the position alone must pick the
 *   right one of repeated texts.
 * - minimal.json, wikipedia-regression-testing.json (1 + 5): stored annotations re-anchored on
 *   their pages, expected where the exact text sits between its stored prefix and suffix.
 *
 * Spans are offsets into the segments joined (reanchor's `position`). reanchor never starts or
 * ends a range on whitespace (lib/anchor trims a match's edges), so an expected span is compared
 * without the whitespace at its ends; Hypothesis compares range.toString() with the quote.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { reanchor, type TextPositionSelector, type TextQuoteSelector } from '../lib/notes';

const DIR = new URL('../../shared/external/hypothesis-anchoring/', import.meta.url);
/** Characters of context Hypothesis's describe() stores each side of a quote. */
const HYPOTHESIS_CONTEXT = 32;
/** 18 match-quote cases + 27 range specs × 2 selectors + 6 fixture annotations. */
const TOTAL_CASES = 78;

type Selector = TextQuoteSelector | TextPositionSelector;

interface Case {
  name: string;
  segments: string[];
  selectors: Selector[];
  /** Expected span in segments.join(''), or null: must be orphaned. */
  expect: { start: number; end?: number; matched?: string } | null;
}

const read = (file: string): any => JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
const readText = (file: string): string => readFileSync(new URL(file, DIR), 'utf8');

const quoteSel = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, prefix, suffix });
const posSel = (start: number, end: number): TextPositionSelector => ({ type: 'TextPositionSelector', start, end });

function matchQuoteCases(): Case[] {
  const data = read('match-quote-cases.json');
  return data.cases.map((c: any): Case => {
    const text: string = c.textValue ?? data.texts[c.text];
    const selectors: Selector[] = [quoteSel(c.quote, c.prefix, c.suffix)];
    if (typeof c.hint === 'number') selectors.push(posSel(c.hint, c.hint + c.quote.length));
    const e = c.expect;
    const expected = e.match ? { start: e.start, ...(e.startOnly ? {} : { end: e.end }), ...(e.matched ? { matched: e.matched } : {}) } : null;
    return { name: `match-quote: ${c.name}`, segments: [text], selectors, expect: expected };
  });
}

/** Text nodes under `root`, in document order (what textContent concatenates). */
function textNodes(root: any): any[] {
  const out: any[] = [];
  const walk = (n: any): void => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) out.push(c);
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(root);
  return out;
}

/** Hypothesis's nodeFromXPath for its simple paths: /p[2]/text()[1], relative to root. */
function nodeFromXPath(root: any, xpath: string): any {
  let node = root;
  for (const step of xpath.split('/').filter(Boolean)) {
    const m = /^([\w-]+(?:\(\))?)(?:\[(\d+)\])?$/.exec(step);
    if (!m) throw new Error(`unsupported XPath step ${step}`);
    const [, name, index = '1'] = m;
    const same = [...node.childNodes].filter((c: any) =>
      name === 'text()' ? c.nodeType === 3 : c.nodeType === 1 && c.nodeName.toLowerCase() === name!.toLowerCase(),
    );
    node = same[Number(index) - 1];
    if (!node) throw new Error(`XPath ${xpath} does not resolve`);
  }
  return node;
}

/** textContent offset of a DOM range boundary (container: text-node index or XPath). */
function boundaryOffset(root: any, nodes: any[], container: number | string, offset: number): number {
  const starts = new Map<any, number>();
  let at = 0;
  const walk = (n: any): void => {
    starts.set(n, at);
    if (n.nodeType === 3) at += n.data.length;
    else for (const c of n.childNodes) walk(c);
  };
  walk(root);
  const node = typeof container === 'number' ? nodes[container] : nodeFromXPath(root, container);
  if (node.nodeType === 3) return starts.get(node)! + offset;
  const child = node.childNodes[offset];
  return child ? starts.get(child)! : starts.get(node)! + node.textContent.length;
}

function rangeSpecCases(): Case[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><section>${readText('html-anchoring-fixture.html')}</section></body></html>`);
  const root = document.querySelector('section');
  const nodes = textNodes(root);
  const segments: string[] = nodes.map((n) => n.data);
  const text = segments.join('');
  return read('html-range-specs.json').specs.flatMap((s: any): Case[] => {
    const start = boundaryOffset(root, nodes, s.startContainer, s.startOffset);
    const end = boundaryOffset(root, nodes, s.endContainer, s.endOffset);
    if (text.slice(start, end) !== s.quote) throw new Error(`range spec "${s.description}" resolves to ${JSON.stringify(text.slice(start, end))}`);
    const prefix = text.slice(Math.max(0, start - HYPOTHESIS_CONTEXT), start);
    const suffix = text.slice(end, end + HYPOTHESIS_CONTEXT);
    const expected = trimmedSpan(text, start, end);
    return [
      { name: `html TextQuoteSelector: ${s.description}`, segments, selectors: [quoteSel(s.quote, prefix, suffix)], expect: expected },
      { name: `html TextPositionSelector: ${s.description}`, segments, selectors: [quoteSel(s.quote), posSel(start, end)], expect: expected },
    ];
  });
}

function fixtureCases(): Case[] {
  return ['minimal', 'wikipedia-regression-testing'].flatMap((name) => {
    const html = readText(`${name}.html`);
    // linkedom leaves body empty for a document without <html> (minimal.html); a browser does not.
    const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<html>${html}</html>`);
    const segments: string[] = textNodes(document.body).map((n) => n.data);
    const text = segments.join('');
    return read(`${name}.json`).rows.map((row: any): Case => {
      const all: any[] = row.target[0].selector;
      const q = all.find((s) => s.type === 'TextQuoteSelector');
      const p = all.find((s) => s.type === 'TextPositionSelector');
      const selectors: Selector[] = [quoteSel(q.exact, q.prefix, q.suffix), posSel(p.start, p.end)];
      return { name: `fixture ${name}: ${row.id}`, segments, selectors, expect: fixtureSpan(text, q, p) };
    });
  });
}

/** Where the fixture's quote is: between its prefix and suffix, else at its stored position. */
function fixtureSpan(text: string, q: { exact: string; prefix: string; suffix: string }, p: { start: number }): Case['expect'] {
  const whole = q.prefix + q.exact + q.suffix;
  const at = text.indexOf(whole);
  if (at !== -1 && text.indexOf(whole, at + 1) === -1) return trimmedSpan(text, at + q.prefix.length, at + q.prefix.length + q.exact.length);
  if (text.slice(p.start, p.start + q.exact.length) === q.exact) return trimmedSpan(text, p.start, p.start + q.exact.length);
  throw new Error(`fixture quote ${JSON.stringify(q.exact)} is not on its page`);
}

function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function loadCases(): Case[] | null {
  if (!existsSync(DIR)) return null;
  return [...matchQuoteCases(), ...rangeSpecCases(), ...fixtureCases()];
}

const cases = loadCases();

describe('reanchor on the Hypothesis client anchoring cases', () => {
  if (!cases) {
    it('needs the cases folder', () => {
      throw new Error(
        `Hypothesis anchoring cases not found at ${fileURLToPath(DIR)}: this test reads them from ../shared/external/hypothesis-anchoring/ next to the repository`,
      );
    });
    return;
  }

  it(`reads all ${TOTAL_CASES} cases`, () => {
    expect(cases).toHaveLength(TOTAL_CASES);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = reanchor(c.selectors, c.segments);
    if (!c.expect) {
      expect(r.status).toBe('orphaned');
      return;
    }
    expect(r.status).not.toBe('orphaned');
    expect(r.position!.start).toBe(c.expect.start);
    if (c.expect.end !== undefined) expect(r.position!.end).toBe(c.expect.end);
    if (c.expect.matched !== undefined) expect(r.matched).toBe(c.expect.matched);
  });
});
