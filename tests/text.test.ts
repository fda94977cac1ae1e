import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeChars, normalizeForMatch, segment, splitSentences } from '../lib/text';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('normalizeChars', () => {
  it('maps quotes, dashes, spaces and invisible characters to ASCII', () => {
    expect(normalizeChars('\u2018a\u2019 \u201Ab\u201B')).toBe("'a' 'b'");
    expect(normalizeChars('\u201Cq\u201D \u201Er\u201F')).toBe('"q" "r"');
    expect(normalizeChars('a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g')).toBe('a-b-c-d-e-f-g');
    expect(normalizeChars('a\u00A0b\u2009c\u202Fd\u2003e')).toBe('a b c d e');
    expect(normalizeChars('soft\u00ADhy\u200Bphen\uFEFF')).toBe('soft hy phen ');
    expect(normalizeChars('Zelenskyy\u2019s')).toBe("Zelenskyy's");
  });

  it('leaves ordinary text and the ellipsis unchanged', () => {
    const s = 'Plain text, 1,000 prisoners… "already" normal - 2.5.';
    expect(normalizeChars(s)).toBe(s);
  });

  it('is length-preserving for any string (offsets stay valid)', () => {
    const special = [
      ...'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2010\u2011\u2012\u2013\u2014\u2015\u00A0\u2009\u202F\u00AD\u200B\u200D\uFEFF\u2026\n\t ',
    ];
    const arb = fc
      .array(fc.oneof(fc.constantFrom(...special), fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), {
        maxLength: 60,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(arb, (s) => {
        const n = normalizeChars(s);
        expect(n.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) {
          // Code units are either copied or replaced by one plain ASCII character; ASCII text
          // other than tab/VT/FF is never changed.
          if (n[i] === s[i]) continue;
          expect(` '"-\n`).toContain(n[i]);
          expect(/[\x20-\x7E\n\r]/.test(s[i]!)).toBe(false);
        }
      }),
    );
  });
});

describe('normalizeForMatch', () => {
  it('lowercases, strips diacritics, unifies punctuation and collapses whitespace', () => {
    expect(normalizeForMatch('  Zelenskyy\u2019s \u00A0 Talks\u2014at  Dolmabah\u00E7e  ')).toBe("zelenskyy's talks-at dolmabahce");
    expect(normalizeForMatch('T\u00FCrkiye \u201Cdeal\u201D')).toBe('turkiye "deal"');
    expect(normalizeForMatch('A\u2026')).toBe('a...');
  });
});

describe('splitSentences: abbreviations and numbers', () => {
  const cases: Array<[string, string[]]> = [
    ['Mr. Putin spoke. Mrs. Smith left.', ['Mr. Putin spoke.', 'Mrs. Smith left.']],
    ['Dr. Jones arrived. He sat down.', ['Dr. Jones arrived.', 'He sat down.']],
    ['Retired Lt. Gen. Keith Kellogg led the team. Others followed.', ['Retired Lt. Gen. Keith Kellogg led the team.', 'Others followed.']],
    ['Gen. Gerasimov was there. So was Sen. Graham.', ['Gen. Gerasimov was there.', 'So was Sen. Graham.']],
    ['Rep. Smith voted no. The bill passed.', ['Rep. Smith voted no.', 'The bill passed.']],
    ['They met in St. Petersburg. It rained.', ['They met in St. Petersburg.', 'It rained.']],
    ['U.S. President Donald Trump spoke. Then he left.', ['U.S. President Donald Trump spoke.', 'Then he left.']],
    [
      'U.S. officials declined to comment. U.K. Prime Minister Keir Starmer agreed.',
      ['U.S. officials declined to comment.', 'U.K. Prime Minister Keir Starmer agreed.'],
    ],
    ['He flew to the U.S. The next day he returned.', ['He flew to the U.S.', 'The next day he returned.']],
    ['She briefed the U.N. Security Council on Friday.', ['She briefed the U.N. Security Council on Friday.']],
    ['The E.U. Commission met. It agreed.', ['The E.U. Commission met.', 'It agreed.']],
    [
      'Talks began at 10 a.m. Moscow time. They ended at 1 p.m. and nobody spoke.',
      ['Talks began at 10 a.m. Moscow time.', 'They ended at 1 p.m. and nobody spoke.'],
    ],
    ['Talks began at 10 a.m. The delegates left at noon.', ['Talks began at 10 a.m.', 'The delegates left at noon.']],
    ['Resolution No. 5 was adopted. It passed.', ['Resolution No. 5 was adopted.', 'It passed.']],
    ['It happened on Jan. 5 and again on Feb. 24, 2022. Then it stopped.', ['It happened on Jan. 5 and again on Feb. 24, 2022.', 'Then it stopped.']],
    ['The attack came on Sept. 11. Nothing was the same.', ['The attack came on Sept. 11.', 'Nothing was the same.']],
    ['Acme Inc. and Foo Ltd. signed. Bar Co. did not.', ['Acme Inc. and Foo Ltd. signed.', 'Bar Co. did not.']],
    ['It was Russia vs. Ukraine again. Nobody won.', ['It was Russia vs. Ukraine again.', 'Nobody won.']],
    ['They brought food, water, etc. and blankets. Then they left.', ['They brought food, water, etc. and blankets.', 'Then they left.']],
    ['J. R. R. Tolkien wrote it. Donald J. Trump read it.', ['J. R. R. Tolkien wrote it.', 'Donald J. Trump read it.']],
    ['Inflation was 2.5 percent. It rose.', ['Inflation was 2.5 percent.', 'It rose.']],
    ['They freed 1,000. The rest stayed.', ['They freed 1,000.', 'The rest stayed.']],
    ['He waited… and waited. Then he left.', ['He waited… and waited.', 'Then he left.']],
    ['He waited... and waited. Then he left.', ['He waited... and waited.', 'Then he left.']],
    ['Is it over? Nobody knows! We will see.', ['Is it over?', 'Nobody knows!', 'We will see.']],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(texts(input)).toEqual(expected));
  }
});

describe('splitSentences: quotations', () => {
  it('ends a sentence after a closing quote following the period', () => {
    expect(texts('He called it “a show.” Medinsky disagreed.')).toEqual(['He called it “a show.”', 'Medinsky disagreed.']);
    expect(texts('He called it "a show." Medinsky disagreed.')).toEqual(['He called it "a show."', 'Medinsky disagreed.']);
    expect(texts('She asked, ‘Why now?’ Nobody answered.')).toEqual(['She asked, ‘Why now?’', 'Nobody answered.']);
  });

  it('keeps a multi-sentence quotation with a comma attribution as one sentence', () => {
    const t = '“One road leads to peace. The other leads to war,” Fidan said. The talks began.';
    expect(texts(t)).toEqual(['“One road leads to peace. The other leads to war,” Fidan said.', 'The talks began.']);
    const u = '"We are ready. We are waiting," he said. Moscow did not reply.';
    expect(texts(u)).toEqual(['"We are ready. We are waiting," he said.', 'Moscow did not reply.']);
  });

  it('does not split a quoted question or ellipsis followed by a lowercase attribution', () => {
    expect(texts('“Why now?” he asked. Nobody knew.')).toEqual(['“Why now?” he asked.', 'Nobody knew.']);
    expect(texts('“Why now?” Zelensky asked. Nobody knew.')).toEqual(['“Why now?” Zelensky asked.', 'Nobody knew.']);
    expect(texts('He wants “a ceasefire… to stop the killing” soon. Russia refused.')).toEqual([
      'He wants “a ceasefire… to stop the killing” soon.',
      'Russia refused.',
    ]);
    expect(texts('“We will try… and we will see,” he said.')).toEqual(['“We will try… and we will see,” he said.']);
  });

  it('does not split at an elision that opens a quotation', () => {
    expect(texts('He wrote: “… We will not give up.” Then he left.')).toEqual(['He wrote: “… We will not give up.”', 'Then he left.']);
    expect(texts('"... The war is over." Nobody believed it.')).toEqual(['"... The war is over."', 'Nobody believed it.']);
  });

  it('splits sentences inside a quotation that is not followed by an attribution', () => {
    expect(texts('"We know this. They want more." Then silence.')).toEqual(['"We know this.', 'They want more."', 'Then silence.']);
  });
});

describe('splitSentences: lines, paragraphs, lists, headlines', () => {
  it('treats each line as a paragraph and blank lines as separators', () => {
    const s = splitSentences('First one. Second one.\nThird one.\n\n\nFourth one.');
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([
      ['First one.', 0],
      ['Second one.', 0],
      ['Third one.', 1],
      ['Fourth one.', 2],
    ]);
  });

  it('ends headline-like lines at the newline', () => {
    expect(texts('Russia and Ukraine agree to swap prisoners\nThe talks lasted an hour.')).toEqual([
      'Russia and Ukraine agree to swap prisoners',
      'The talks lasted an hour.',
    ]);
    expect(texts('The previous "two paths"\r\nIn the palace, they sat.')).toEqual(['The previous "two paths"', 'In the palace, they sat.']);
  });

  it('makes list items their own sentences, without the marker', () => {
    const t = 'Key points:\n- Prisoner swap agreed\n• No ceasefire\n* Next round in June\n1. First item. Still first.\n2) Second item';
    expect(texts(t)).toEqual(['Key points:', 'Prisoner swap agreed', 'No ceasefire', 'Next round in June', 'First item.', 'Still first.', 'Second item']);
  });

  it('keeps offsets into the original text with curly quotes and exotic spaces', () => {
    const t = '  \u201CIt\u2019s over,\u201D he said.\u00A0Next\u2009one \u2014 here.  ';
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual(['\u201CIt\u2019s over,\u201D he said.', 'Next\u2009one \u2014 here.']);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });

  it('segment() is the splitter', () => {
    expect(segment('A b c. D e f.')).toEqual(splitSentences('A b c. D e f.'));
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n  \n')).toEqual([]);
    expect(splitSentences('* * *\n...')).toEqual([]);
  });
});

/** Sentences the splitter must recover exactly when concatenated (each is one sentence). */
const POOL = [
  'Russia and Ukraine agreed to swap 1,000 prisoners each.',
  'U.S. President Donald Trump said he would meet Putin.',
  'Retired Lt. Gen. Keith Kellogg led the U.S. delegation.',
  'Mr. Medinsky said the talks lasted 2.5 hours.',
  '“We will win. They will lose,” Zelensky said.',
  'Why did the talks fail?',
  'He called it “a show.”',
  'The meeting opened at 10 a.m. Moscow time.',
  'Talks resumed on Sept. 11 in Istanbul!',
  'They brought food, water, etc. and blankets.',
  'Dr. J. R. Smith, of Acme Inc., disagreed.',
  'It was hardly a breakthrough…',
  'Officials met U.K. Prime Minister Keir Starmer on Friday.',
  'Resolution No. 5 passed by 12 votes.',
];

describe('splitSentences: properties', () => {
  it('recovers the sentences of random concatenations, with exact offsets', () => {
    const sep = fc.constantFrom(' ', '  ', '\n', '\n\n', ' \n ');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...POOL), sep), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.map(([s, p]) => s + p).join('');
        const got = splitSentences(text);
        expect(got.map((s) => s.text)).toEqual(parts.map(([s]) => s));
        for (const s of got) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text, sentences slice back, are trimmed, ordered and disjoint', () => {
    const alphabet = fc.constantFrom(...'aB .!?…,"“”‘’\'()-\n\u00A0Mr.U.S.1,0 2.5'.split(''), 'Mr. ', 'U.S. ', ' The ', '," he said. ', '\n- ', '1. ');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')),
        (text) => {
          const got = splitSentences(text);
          let prevEnd = 0;
          let prevPara = -1;
          for (const s of got) {
            expect(text.slice(s.start, s.end)).toBe(s.text);
            expect(s.text).toBe(s.text.trim());
            expect(normalizeChars(s.text)).toBe(normalizeChars(s.text).trim());
            expect(s.text.length).toBeGreaterThan(0);
            expect(s.start).toBeGreaterThanOrEqual(prevEnd);
            expect(s.paragraph).toBeGreaterThanOrEqual(prevPara);
            prevEnd = s.end;
            prevPara = s.paragraph;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('splitSentences: seeds', () => {
  const dir = join(__dirname, '..', 'seeds');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ id: f.slice(0, 3), text: readFileSync(join(dir, f), 'utf8') }));
  const seed = (id: string): string[] => texts(seeds.find((s) => s.id === id)!.text);

  it('keeps titles and U.S. names inside sentences', () => {
    expect(seed('004')).toContain(
      'Retired Lt. Gen. Keith Kellogg, Trump’s special envoy for Ukraine and Russia, led the U.S. delegation, while Umerov and Presidential Office Chief Andriy Yermak represented Ukraine.',
    );
    expect(seed('004')).toContain('U.S. Secretary of State Marco Rubio and Kellogg were present for the American side.');
    expect(seed('004')).toContain('Additionally, Turkish officials confirmed a trilateral meeting involving Turkey, the U.S., and Ukraine.');
    expect(seed('001').some((s) => s.includes('pressure from U.S. President Donald Trump, who has warned'))).toBe(true);
    expect(seed('000')).toContain(
      'Mr. Medinsky said Moscow had offered a ceasefire for two to three days in specific areas of the front which would allow the sides to pick up the dead.',
    );
  });

  it('keeps attributed multi-sentence quotations whole and splits captions from credits', () => {
    expect(seed('002')).toContain(
      '"One road will take us into a process that will lead to peace, while the other will lead to more destruction and death. Both sides will decide on their own paths they choose," Fida said.',
    );
    expect(seed('000')).toContain('Photography: Getty Images');
    expect(seed('000')).toContain('Copyright the Financial Times Limited 2025');
    expect(seed('001')).toContain('Kyiv claimed that it destroyed dozens of strategic bombers in the operation, dubbed “Spider’s Web.”');
    expect(seed('004')).toContain('“I think it’s time for us to just do it,” Trump told reporters while concluding a Middle East visit.');
  });

  it('splits every seed sensibly', () => {
    const TITLE_END = /\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Sen|Rep|St|No)\.$/;
    for (const { id, text } of seeds) {
      const got = splitSentences(text);
      expect(got.length, id).toBeGreaterThan(10);
      for (const s of got) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text, id).not.toMatch(TITLE_END);
        // A sentence never starts in the middle of a word or with a lowercase word, except the
        // raw "date …" header line of seed 001.
        if (!s.text.startsWith('date ')) expect(s.text[0], s.text).not.toMatch(/[a-z]/);
        // Sentences are of reasonable length (no run-on merges of whole paragraphs).
        expect(s.text.length, s.text).toBeLessThan(420);
      }
    }
  });
});
