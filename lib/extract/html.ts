/**
 * Main-text extraction from an HTML article, shared by the CLI (linkedom Document in Node) and,
 * later, the content script (a clone of the live document).
 *
 * The caller owns the Document and must pass a copy it does not mind losing: boilerplate is
 * removed from it and Readability rewrites it in place.
 *
 * Pure: uses only the DOM interfaces of the Document it is given (no globals like `window` or
 * `document`), so it runs unchanged in Node and in the browser.
 */
import { Readability } from '@mozilla/readability';
import { monthNumber } from '../text/months';

export interface ExtractedArticle {
  /** Headline (Readability's title, without the " | Site name" suffix), or '' if none. */
  title: string;
  /** Body paragraphs, one per block, whitespace collapsed, joined by "\n\n". '' if none found. */
  text: string;
  /** First-published date, ISO 'YYYY-MM-DD', or null. */
  date: string | null;
  /** Byline as shown ("By A and B"), or null. */
  byline: string | null;
  /** Site / outlet name, or null. */
  siteName: string | null;
  /** The text is a list of stories (headline links, teasers), not a story (listOfLinks). */
  listOfLinks: boolean;
}

/** A link whose text has this many characters and words reads as a headline, not a name. */
const HEADLINE_LINK_CHARS = 25;
const HEADLINE_LINK_WORDS = 4;
/** So many headline links, this densely (per 1,000 characters of text), make a list of stories. */
const LIST_MIN_LINKS = 8;
const LIST_LINKS_PER_1000 = 3;

/**
 * A home page, section front or search page: the extracted text is a run of headline links
 * (with or without teaser snippets). An article links names and a "read more" or two; it does
 * not carry a headline link every few hundred characters.
 */
export function listOfLinks(root: Node, textChars: number): boolean {
  if (textChars <= 0) return false;
  let headlines = 0;
  const walk = (n: Node) => {
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    if (localName(n) === 'a') {
      const t = normalizeWhitespace(n.textContent ?? '');
      if (t.length >= HEADLINE_LINK_CHARS && t.split(' ').length >= HEADLINE_LINK_WORDS) headlines++;
      return;
    }
    for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(root);
  return headlines >= LIST_MIN_LINKS && (headlines * 1000) / textChars >= LIST_LINKS_PER_1000;
}

/**
 * Boilerplate that Readability tends to keep (or that leaks into claims): captions, asides,
 * pull quotes, related-story lists, newsletter boxes, cookie/consent banners, navigation,
 * footers, forms, bylines and credits, and anything hidden from assistive technology.
 */
const BOILERPLATE_SELECTORS = [
  // JSON-LD is kept for Readability, which reads the published time from it (and removes it itself).
  'script:not([type="application/ld+json"])',
  'style',
  'noscript',
  'template',
  'figcaption',
  'aside',
  'nav',
  'footer',
  'form',
  'dialog',
  '[hidden]',
  '[aria-hidden="true"]',
  '.pull-quote',
  '[class*="pullquote"]',
  '[class*="pull-quote"]',
  '[class*="related"]',
  '[id*="related"]',
  '[class*="newsletter"]',
  '[id*="newsletter"]',
  '[class*="cookie"]',
  '[id*="cookie"]',
  '[class*="consent"]',
  '[id*="consent"]',
  '[class*="article-credit"]',
  '[class*="byline"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '[class*="share-tools"]',
  '[class*="social-share"]',
];

/** Elements whose start and end break the text into separate paragraphs. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const OPENS_NEW_WINDOW = /\(?\s*opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)\s*\)?\s*$/i;

/** Collapse all whitespace (incl. NBSP) to single spaces and trim. */
/**
 * Runs of whitespace (JS \s and NBSP) become one space. A zero-width space or a BOM is no
 * character at all, not a space: "sol\u200bdiers" stays one word (the engine drops format
 * characters, keeping offsets; lib/text/normalize.ts stripFormatChars).
 */
export function normalizeWhitespace(s: string): string {
  return s.replace(/(?:(?!\ufeff)[\s\u00a0])+/g, ' ').trim();
}

function localName(n: Node): string {
  return ((n as Element).localName ?? n.nodeName ?? '').toLowerCase();
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar date as written at the start of an ISO timestamp (no time-zone shifting). */
function dateFromIsoString(s: string | null | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** /2025/06/02/ or /2025/may/16/ in a URL path. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url, 'https://example.invalid/').pathname;
  } catch {
    /* use the raw string */
  }
  const re = /\/(\d{4})\/(\d{1,2}|[a-z]{3,4})\/(\d{1,2})(?=\/|$|[-_.])/gi;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    const mon = /^\d+$/.test(m[2]!) ? +m[2]! : monthNumber(m[2]!);
    const d = mon ? isoDate(+m[1]!, mon, +m[3]!) : null;
    if (d) return d;
  }
  return null;
}

function meta(doc: Document, selector: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute('content');
  return v && v.trim() ? v.trim() : null;
}

/**
 * The first-published date read by hand from the page: the fallback for pages where Readability
 * finds no published time (it reads JSON-LD `datePublished`, `article:published_time` and
 * `parsely-pub-date`, but not `<time datetime>`, `itemprop`/`name="date"` meta tags or a date in
 * the URL).
 */
function findPublishedDate(doc: Document, url?: string): string | null {
  // 1. <time datetime>: prefer one marked as the publication time, skip "updated" ones.
  const times = Array.from(doc.querySelectorAll('time[datetime]'));
  const label = (t: Element) => `${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''} ${t.textContent ?? ''}`.toLowerCase();
  const published = times.find((t) => /published|datepublished|pubdate/.test(label(t)));
  const notUpdated = times.filter((t) => !/updated|modified|datemodified/.test(label(t)));
  for (const t of [published, ...notUpdated]) {
    const d = t ? dateFromIsoString(t.getAttribute('datetime')) : null;
    if (d) return d;
  }
  // 2. Meta tags.
  for (const sel of ['meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="article:published_time"]', 'meta[name="date"]']) {
    const d = dateFromIsoString(meta(doc, sel));
    if (d) return d;
  }
  // 3. A date segment in the canonical URL (then og:url, then the page URL).
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  for (const u of [canonical, meta(doc, 'meta[property="og:url"]'), url]) {
    const d = dateFromUrl(u);
    if (d) return d;
  }
  return null;
}

function findByline(doc: Document): string | null {
  const el = doc.querySelector('.byline, [class*="byline"], [itemprop="author"]');
  if (el) {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('time').forEach((t) => t.remove());
    const text = normalizeWhitespace(copy.textContent ?? '').replace(/[\s·|•,–—-]+$/u, '');
    if (text) return text;
  }
  const authors = Array.from(doc.querySelectorAll('[rel="author"]'))
    .map((a) => normalizeWhitespace(a.textContent ?? ''))
    .filter(Boolean);
  if (authors.length) return authors.join(', ');
  return meta(doc, 'meta[name="author"]');
}

function findSiteName(doc: Document): string | null {
  const fromMeta = meta(doc, 'meta[property="og:site_name"]') ?? meta(doc, 'meta[name="application-name"]');
  if (fromMeta) return fromMeta;
  // "Headline | Site name": take the last part when it is short.
  const title = normalizeWhitespace(doc.title ?? '');
  const parts = title.split(/\s+\|\s+/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1]!;
    if (last.split(' ').length <= 5) return last;
  }
  return null;
}

/** Remove "Opens in new window" notes: the whole link when it stands alone, else just the note. */
function stripNewWindowLinks(doc: Document): void {
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    const linkText = normalizeWhitespace(a.textContent ?? '');
    if (!OPENS_NEW_WINDOW.test(linkText)) continue;
    let block: Element | null = a.parentElement;
    while (block && !BLOCK_TAGS.has(localName(block))) block = block.parentElement;
    const blockText = normalizeWhitespace(block?.textContent ?? '');
    if (!block || blockText === linkText) {
      a.remove();
      continue;
    }
    // Inline link inside running text: drop only the note (often a visually hidden span).
    for (const child of Array.from(a.querySelectorAll('*'))) {
      if (/^\(?\s*opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)\s*\)?$/i.test(normalizeWhitespace(child.textContent ?? ''))) {
        child.remove();
      }
    }
    const walker: Node[] = [a];
    while (walker.length) {
      const n = walker.pop()!;
      if (n.nodeType === 3) n.textContent = (n.textContent ?? '').replace(OPENS_NEW_WINDOW, '');
      else walker.push(...Array.from(n.childNodes));
    }
  }
}

/**
 * true when `el` looks like a wrapper of the article itself rather than a boilerplate box: it
 * holds most of the page's text in several long paragraphs. Guards the substring selectors
 * (a wrapper with class "story related-enabled", or a page container marked aria-hidden while a
 * consent dialog is open) from deleting the article.
 */
function wrapsArticle(el: Element, bodyTextLength: number): boolean {
  const long = Array.from(el.querySelectorAll('p')).filter((p) => normalizeWhitespace(p.textContent ?? '').length >= 100).length;
  if (long < 3) return false;
  return normalizeWhitespace(el.textContent ?? '').length > 0.5 * bodyTextLength;
}

/** Remove boilerplate from `doc` in place (see BOILERPLATE_SELECTORS). */
export function removeBoilerplate(doc: Document): void {
  const bodyTextLength = normalizeWhitespace(doc.body?.textContent ?? '').length;
  const keep = new Set<Element>([doc.documentElement, doc.body, doc.head].filter((e): e is HTMLElement => !!e));
  const selectors = [...BOILERPLATE_SELECTORS, '[role="dialog"]', '[role="alertdialog"]'];
  for (const sel of selectors) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      if (keep.has(el) || !el.isConnected) continue;
      if (wrapsArticle(el, bodyTextLength)) {
        keep.add(el);
        continue;
      }
      el.remove();
    }
  }
  stripNewWindowLinks(doc);
}

/** Block-structured text of an element: one paragraph per block, whitespace collapsed. */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let buf = '';
  const flush = () => {
    const t = normalizeWhitespace(buf);
    if (t) paragraphs.push(t);
    buf = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      buf += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = localName(n);
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Extract the article's title, body text, first-published date, byline and site name.
 * `doc` is modified (pass a clone); `url` is the page address, used for the date when the
 * page has no better source.
 */
export function extractArticle(doc: Document, url?: string): ExtractedArticle {
  // Metadata first: the clean-up below removes bylines and datelines (and <time> elements with them).
  const fallbackDate = findPublishedDate(doc, url);
  const byline = findByline(doc);
  const siteName = findSiteName(doc);
  const h1 = normalizeWhitespace(doc.querySelector('h1')?.textContent ?? '');

  removeBoilerplate(doc);

  let title = '';
  let text = '';
  let readabilitySite: string | null = null;
  let publishedTime: string | null = null;
  let content: Node | null = null;
  try {
    const parsed = new Readability<Node>(doc, { serializer: (node) => node }).parse();
    if (parsed) {
      title = normalizeWhitespace(parsed.title ?? '');
      if (parsed.content) [content, text] = [parsed.content, blockText(parsed.content)];
      readabilitySite = parsed.siteName ? normalizeWhitespace(parsed.siteName) : null;
      publishedTime = parsed.publishedTime ?? null;
    }
  } catch {
    // Readability can throw on degenerate documents; fall through to the plain fallback.
  }
  if (!text && doc.body) [content, text] = [doc.body, blockText(doc.body)];
  const isList = content ? listOfLinks(content, text.length) : false;
  // Readability keeps a leading heading that repeats the title; it is not body text.
  if (title || h1) {
    const first = text.split('\n\n', 1)[0];
    if (first && (first === title || first === h1)) text = text.slice(first.length).replace(/^\n\n/, '');
  }

  // Prefer the page's <h1> when Readability's title is that headline plus a site suffix.
  if (h1 && (!title || title.includes(h1))) title = h1;

  // Readability's published time when it has one that is a date; else the page's own markers.
  const date = dateFromIsoString(publishedTime) ?? fallbackDate;
  return { title, text, date, byline, siteName: siteName ?? readabilitySite, listOfLinks: isList };
}
