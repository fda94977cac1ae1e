import { describe, expect, it } from 'vitest';
import {
  ANNO_CONTEXT,
  CSV_BOM,
  CSV_COLUMNS,
  EXPORT_FORMAT,
  csvField,
  escapeMarkdown,
  exportFileName,
  parseNotesImport,
  toCSV,
  toJSON,
  toMarkdown,
  toWebAnnotation,
  unneutralizeCsvField,
  type NewNoteInput,
  type Note,
} from '../lib/notes';
import { VERDICT_LABELS } from '../lib/labels';
import { buildNote, uuid } from './support/notes';

let seq = 0;
function note(claim: string, { at, updated, ...over }: Partial<NewNoteInput> & { at?: string; updated?: string } = {}): Note {
  const i = ++seq;
  const pageText = `Before the claim. ${claim} After the claim.`;
  const n = buildNote({ n: i, at: at ?? `2025-06-02T10:0${i % 10}:00.000Z`, claim, pageText, pageTitle: 'Istanbul talks', claimText: claim, ...over });
  return updated ? { ...n, updatedAt: updated } : n;
}

const SWAP = note('Russia and Ukraine agreed to swap 1,000 prisoners each.', {
  at: '2025-06-02T10:00:00.000Z',
  updated: '2025-06-03T08:30:00.000Z',
  claimVerdict: 'contradicted',
  evidence: [
    {
      source: '000_d4403f64f46e493f',
      quote: 'Both sides will exchange 1,200 prisoners.',
      stance: 'conflicts',
      reason: 'different figure: source says 1,200, claim says 1,000',
    },
    { source: '001_b42b158ef8421104', quote: 'The talks lasted just over an hour.', stance: 'related', reason: 'same meeting' },
  ],
  text: 'Numbers differ between outlets.\nCheck Reuters.',
  tags: ['POWs', 'swap'],
  readerVerdict: 'mixed',
  readerReason: 'FT says 1,200',
});
const EVIL = note('See [click](javascript:alert(1)) <img src=x onerror=alert(1)> *now* & `code` | a & b &amp; ~~x~~', {
  pageUrl: 'javascript:alert(1)',
  pageTitle: '# Fake heading [x](http://evil.example)',
  at: '2025-06-02T11:00:00.000Z',
  text: '# not a heading\n1. not a list\n> not a quote\n\n<script>alert(1)</script>\n    indented code?',
  tags: ['=cmd', '<b>'],
  claimVerdict: 'not_covered',
});
const OTHER = note('No ceasefire was agreed, Medinsky said.', {
  pageUrl: 'https://other.example/b?x=1&y=2',
  pageTitle: 'Other "page", with commas',
  at: '2025-06-01T09:00:00.000Z',
  claimVerdict: 'mixed',
});
const NOTES = [SWAP, EVIL, OTHER];

describe('toMarkdown', () => {
  const md = toMarkdown(NOTES, { exportedAt: '2025-06-04T12:00:00.000Z' });

  it('is a report grouped by page: title + URL, then per note the claim, verdicts, evidence, note, tags, dates', () => {
    expect(md.startsWith('# Crosscheck notes\n\nExported 2025-06-04 12:00 UTC · 3 notes on 3 pages.\n')).toBe(true);
    // pages in order of their first note (OTHER is oldest)
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Other "page", with commas', '## Istanbul talks', '## \\# Fake heading \\[x\\](http://evil.example)']);
    expect(md).toContain('<https://other.example/b?x=1&y=2>');
    expect(md).toContain('<https://news.example/a>');
    const swap = md.slice(md.indexOf('## Istanbul talks'), md.indexOf('## \\# Fake'));
    expect(swap).toContain('> Russia and Ukraine agreed to swap 1,000 prisoners each.');
    expect(swap).toContain(`- **Crosscheck's verdict:** ${VERDICT_LABELS.contradicted}`);
    expect(swap).toContain(`- **Your verdict:** ${VERDICT_LABELS.mixed} — FT says 1,200`);
    expect(swap).toContain('- **Tags:** pows, swap');
    expect(swap).toContain('- **Created:** 2025-06-02 10:00 UTC · **updated:** 2025-06-03 08:30 UTC');
    expect(swap).toContain('**Note:**\n\nNumbers differ between outlets.\\\nCheck Reuters.');
    expect(swap).toContain(
      '- **000\\_d4403f64f46e493f** — conflicts: different figure: source says 1,200, claim says 1,000\\\n  “Both sides will exchange 1,200 prisoners.”',
    );
    expect(swap).toContain('- **001\\_b42b158ef8421104** — related: same meeting');
    expect(md).toContain(`- **Crosscheck's verdict:** ${VERDICT_LABELS.not_covered}`);
    expect(md).toContain('- **Your verdict:** none given');
    expect(md).toContain('*No evidence in the corpus at the time.*');
  });

  it('escapes page text so it cannot make links, images, HTML, headings, lists or code', () => {
    const evil = md.slice(md.indexOf('## \\# Fake'));
    expect(evil).toContain(
      '> See \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*now\\* \\& \\`code\\` \\| a \\& b \\&amp; \\~\\~x\\~\\~',
    );
    // no unescaped link/image opener, HTML tag or entity anywhere in the report
    expect(md).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/m);
    expect(md).not.toMatch(/(^|[^\\])<(img|script|b)\b/im);
    expect(md).not.toMatch(/(^|[^\\])&amp;/);
    // a javascript: page URL is text, not an autolink
    expect(evil).toContain('\njavascript:alert(1)\n');
    expect(md).not.toContain('<javascript:');
    // line-start syntax in the note text is literal; indentation dropped (no code block)
    expect(evil).toContain('**Note:**\n\n\\# not a heading\\\n1\\. not a list\\\n\\> not a quote\n\n\\<script\\>alert(1)\\</script\\>\\\nindented code?');
    expect(evil).toContain('- **Tags:** =cmd, \\<b\\>');
  });

  it('escapeMarkdown covers block markers at the start of a line', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('=== ')).toBe('\\=== ');
    expect(escapeMarkdown('12) x')).toBe('12\\) x');
    expect(escapeMarkdown('a - b 1. c')).toBe('a - b 1. c');
    expect(escapeMarkdown('nul\u0000bell\u0007')).toBe('nulbell');
  });

  it('is deterministic without an export date, and says so for one note on one page', () => {
    expect(toMarkdown([OTHER])).toBe(toMarkdown([OTHER]));
    expect(toMarkdown([OTHER])).toContain('\n1 note on 1 page.\n');
  });
});

/** A small RFC 4180 parser for the round trip (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break in an unquoted field at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field || row.length) throw new Error('last record not terminated with CRLF');
  return rows;
}

describe('toCSV', () => {
  const tricky = note('He said "yes", then left.\r\nNext line', {
    pageTitle: '+1 for peace, =SUM(A1)',
    text: '-5 prisoners?\nsecond line',
    readerReason: '@mention',
    tags: ['a', 'b c'],
    at: '2025-06-05T00:00:00.000Z',
  });
  const csv = toCSV([...NOTES, tricky]);

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(CSV_BOM).toBe('\uFEFF');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCSV([], { bom: false })).toBe(CSV_COLUMNS.join(',') + '\r\n');
    // no LF outside a quoted field that isn't part of CRLF
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
  });

  it('quotes fields with comma, quote, CR or LF and doubles quotes; leaves others bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csv).toContain('"He said ""yes"", then left.\r\nNext line"');
  });

  it('neutralises formula injection with a leading single quote', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a=b')).toBe('a=b');
    expect(unneutralizeCsvField("'=x")).toBe('=x');
    expect(unneutralizeCsvField("'quoted")).toBe("'quoted");
  });

  it('round-trips through an RFC 4180 parser: header, one row per note, all columns', () => {
    const rows = parseCsv(csv.slice(CSV_BOM.length));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, unneutralizeCsvField(r[i]!)]))]));
    expect(byId.get(SWAP.id)).toEqual({
      id: SWAP.id,
      page_url: 'https://news.example/a',
      page_title: 'Istanbul talks',
      claim: SWAP.claimText,
      engine_verdict: 'contradicted',
      reader_verdict: 'mixed',
      reader_reason: 'FT says 1,200',
      note: 'Numbers differ between outlets.\nCheck Reuters.',
      tags: 'pows;swap',
      created_at: '2025-06-02T10:00:00.000Z',
      updated_at: '2025-06-03T08:30:00.000Z',
      evidence: '000_d4403f64f46e493f (conflicts); 001_b42b158ef8421104 (related)',
    });
    expect(byId.get(tricky.id)).toMatchObject({
      claim: 'He said "yes", then left.\r\nNext line',
      page_title: '+1 for peace, =SUM(A1)',
      note: '-5 prisoners?\nsecond line',
      reader_reason: '@mention',
      reader_verdict: '',
      tags: 'a;b c',
      evidence: '',
    });
    // and the raw cells carry the neutralising quote
    const raw = rows.find((r) => r[0] === tricky.id)!;
    expect(raw[CSV_COLUMNS.indexOf('page_title')]).toBe("'+1 for peace, =SUM(A1)");
    expect(raw[CSV_COLUMNS.indexOf('note')]).toBe("'-5 prisoners?\nsecond line");
    expect(rows.find((r) => r[0] === EVIL.id)![CSV_COLUMNS.indexOf('tags')]).toBe("'=cmd;<b>");
  });
});

describe('toJSON', () => {
  it('writes a versioned envelope that parseNotesImport reads back to equal notes', () => {
    const json = toJSON(NOTES, { exportedAt: '2025-06-04T12:00:00.000Z' });
    const obj = JSON.parse(json);
    expect(obj).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-06-04T12:00:00.000Z' });
    expect(obj.notes.map((n: Note) => n.id)).toEqual([OTHER.id, SWAP.id, EVIL.id]); // oldest first
    const back = parseNotesImport(json);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const byId = new Map(back.value.notes.map((n) => [n.id, n]));
    for (const n of NOTES) expect(byId.get(n.id)).toEqual(n);
  });
});

describe('toWebAnnotation', () => {
  let k = 0;
  const coll = toWebAnnotation(NOTES, { uuid: () => uuid(900 + ++k) });

  it('is an AnnotationCollection with the anno.jsonld context and one embedded page', () => {
    expect(coll['@context']).toBe(ANNO_CONTEXT);
    expect(ANNO_CONTEXT).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(coll).toMatchObject({ type: 'AnnotationCollection', id: `urn:uuid:${uuid(901)}`, total: 3 });
    expect(coll.first).toMatchObject({ type: 'AnnotationPage', id: `urn:uuid:${uuid(902)}`, partOf: coll.id, startIndex: 0 });
    expect(coll.first.items).toHaveLength(3);
    // JSON-serialisable as is
    expect(JSON.parse(JSON.stringify(coll))).toEqual(coll);
  });

  it('maps each note: urn:uuid id, commenting/tagging/assessing bodies, target with both selectors, dates', () => {
    const a = coll.first.items.find((x) => x.id === `urn:uuid:${SWAP.id}`)!;
    expect(a.type).toBe('Annotation');
    expect(a.motivation).toBe('commenting');
    expect(a.body).toEqual([
      { type: 'TextualBody', value: SWAP.text, purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'pows', purpose: 'tagging' },
      { type: 'TextualBody', value: 'swap', purpose: 'tagging' },
      { type: 'TextualBody', value: 'Mixed: FT says 1,200', purpose: 'assessing', format: 'text/plain' },
    ]);
    expect(a.target.source).toBe(SWAP.pageUrl);
    expect(a.target.selector).toEqual([
      { type: 'TextQuoteSelector', exact: SWAP.claimText, prefix: 'Before the claim. ', suffix: ' After the claim.' },
      { type: 'TextPositionSelector', start: SWAP.target.selectors[1].start, end: SWAP.target.selectors[1].end },
    ]);
    expect(a.created).toBe('2025-06-02T10:00:00.000Z');
    expect(a.modified).toBe('2025-06-03T08:30:00.000Z');
    const o = coll.first.items.find((x) => x.id === `urn:uuid:${OTHER.id}`)!;
    expect(o.body).toBeUndefined(); // no text, tags or verdict: a bare highlight, no body (never [])
    expect(o.motivation).toBe('highlighting');
  });
});

describe('file names', () => {
  it('exportFileName uses the UTC day and the format extension', () => {
    expect(exportFileName('csv', new Date('2025-06-02T23:00:00Z'))).toBe('crosscheck-notes-2025-06-02.csv');
    expect(exportFileName('webAnnotation', new Date('2025-06-02T00:00:00Z'))).toBe('crosscheck-notes-2025-06-02.jsonld');
  });
});
