/**
 * Long pages are checked in full, in parts: the article text is cut at paragraph boundaries (a
 * paragraph longer than a part, between sentences) into parts the background analyses one after
 * the other, and the parts' analyses are put back together with offsets in the whole text. An
 * ordinary article is one part, exactly its text, so its cache key and result are unchanged.
 *
 * Pure: no DOM, no extension API.
 */
import { MAX_TEXT_CHARS, type Analysis } from '../messages';

/**
 * Longest part sent in one analysis request (characters). Well under MAX_TEXT_CHARS, the most a
 * request may carry: a part of this size takes the engine a few seconds at most, so a long page's
 * highlights appear part by part and no single request keeps the background busy for long.
 */
export const CHUNK_CHARS = Math.min(100_000, MAX_TEXT_CHARS);

export interface TextChunk {
  /** Offsets in the whole text (end exclusive): `text === whole.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** First and last paragraph (1-based, paragraphs separated by a blank line) the part covers. */
  paragraphs: [number, number];
}

interface Paragraph {
  start: number;
  end: number;
  n: number;
}

function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n\s*\n/g;
  let from = 0;
  let n = 0;
  const push = (start: number, end: number) => {
    // Trim whitespace at the ends (the offsets stay exact).
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, n: ++n });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** Cut one over-long paragraph between sentences (a hard cut only when a sentence is longer than `max`). */
function splitParagraph(text: string, p: Paragraph, max: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = p.start;
  while (p.end - start > max) {
    const window = text.slice(start, start + max);
    // The last sentence end (". ", "? ", "! ", optionally after a closing quote) inside the window.
    let cut = -1;
    const re = /[.!?]["'”’)\]]?\s+/g;
    for (let m = re.exec(window); m; m = re.exec(window)) cut = m.index + m[0].length;
    if (cut <= 0) cut = window.lastIndexOf(' ') + 1 || max;
    let end = start + cut;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    out.push({ start, end });
    start += cut;
    while (start < p.end && /\s/.test(text[start]!)) start++;
  }
  if (p.end > start) out.push({ start, end: p.end });
  return out;
}

/** The parts to analyse, in order. One part (the whole text) when it is short enough. */
export function splitForAnalysis(text: string, max: number = CHUNK_CHARS): TextChunk[] {
  if (!text.trim()) return [];
  if (text.length <= max) {
    const ps = paragraphsOf(text);
    return [{ start: 0, end: text.length, text, paragraphs: [1, Math.max(1, ps.length)] }];
  }
  const chunks: TextChunk[] = [];
  let cur: { start: number; end: number; first: number; last: number } | null = null;
  const flush = () => {
    if (cur) chunks.push({ start: cur.start, end: cur.end, text: text.slice(cur.start, cur.end), paragraphs: [cur.first, cur.last] });
    cur = null;
  };
  for (const p of paragraphsOf(text)) {
    for (const piece of p.end - p.start > max ? splitParagraph(text, p, max) : [{ start: p.start, end: p.end }]) {
      if (cur && piece.end - cur.start > max) flush();
      if (!cur) cur = { start: piece.start, end: piece.end, first: p.n, last: p.n };
      else {
        cur.end = piece.end;
        cur.last = p.n;
      }
    }
  }
  flush();
  return chunks;
}

export interface PartResult {
  chunk: TextChunk;
  analysis: Analysis;
}

/** The analyses of the parts as one analysis of the whole text (claims in page order, offsets in the whole text). */
export function mergeAnalyses(parts: readonly PartResult[]): Analysis {
  if (parts.length === 1 && parts[0]!.chunk.start === 0) return parts[0]!.analysis;
  let merged: Analysis | null = null;
  for (const { chunk, analysis } of parts) merged = appendPart(merged, analysis, chunk.start);
  return merged ?? { url: '', contentHash: '', engineVersion: '', claims: [], sources: [], analysedAt: 0, cached: true, ms: 0 };
}

/**
 * The analysis of a page's parts so far with one more part's added: its claims moved by where the
 * part starts in the page's text (claims of the earlier analysis from there on are replaced), the
 * sources of both, the time of both. The page merges its parts with it, and the background keeps a
 * long page's tab state with it, so that both count every part.
 */
export function appendPart(earlier: Analysis | null, part: Analysis, start: number): Analysis {
  const moved = start ? part.claims.map((c) => ({ ...c, start: c.start + start, end: c.end + start })) : part.claims;
  if (!earlier) return { ...part, claims: moved };
  const sources = new Map(earlier.sources.map((x) => [x.id, x]));
  for (const x of part.sources) if (!sources.has(x.id)) sources.set(x.id, x);
  return {
    url: earlier.url,
    contentHash: `${earlier.contentHash}+${part.contentHash}`,
    engineVersion: earlier.engineVersion,
    claims: [...earlier.claims.filter((c) => c.start < start), ...moved],
    sources: [...sources.values()],
    analysedAt: Math.max(earlier.analysedAt, part.analysedAt),
    cached: earlier.cached && part.cached,
    ms: earlier.ms + part.ms,
  };
}

/** How much of the page was checked: the first `checkedParts` parts (parts are checked in order). */
export interface Coverage {
  parts: number;
  checkedParts: number;
  complete: boolean;
  totalChars: number;
  /** Characters of the text up to the end of the last checked part. */
  checkedChars: number;
  paragraphs: number;
  /** Paragraphs 1 … checkedParagraphs were checked. */
  checkedParagraphs: number;
}

export function coverageOf(chunks: readonly TextChunk[], checkedParts: number, totalChars?: number): Coverage {
  const done = Math.max(0, Math.min(checkedParts, chunks.length));
  const last = chunks.at(-1);
  const lastDone = done ? chunks[done - 1]! : null;
  return {
    parts: chunks.length,
    checkedParts: done,
    complete: done === chunks.length,
    totalChars: totalChars ?? last?.end ?? 0,
    checkedChars: lastDone ? (done === chunks.length ? (totalChars ?? lastDone.end) : lastDone.end) : 0,
    paragraphs: last?.paragraphs[1] ?? 0,
    checkedParagraphs: lastDone?.paragraphs[1] ?? 0,
  };
}
