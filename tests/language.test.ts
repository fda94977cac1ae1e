/**
 * The one language test (lib/text/language.ts), shared by the content script's decision, the
 * command line and the sources import: text in another language is named ("this page looks like
 * Ukrainian"), and short English — a headline-style text, a single claim, an article full of
 * foreign names — is never refused. The paragraphs are written for this test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectLanguage, englishOnlyMessage } from '../lib/text/language';
import { checkability, isArticleText } from '../lib/content/article';
import { parseSource, SourceError } from '../lib/sources';
import { readSourcesDir, runCli, type CliEngine } from '../scripts/cli-lib';

const UKRAINIAN =
  'Делегації України та Росії зустрілися в Стамбулі в понеділок. Переговори тривали трохи більше години. ' +
  'Сторони домовилися про обмін полоненими, але не погодилися щодо припинення вогню. ' +
  'Міністр оборони заявив, що Київ готовий до наступного раунду, якщо Москва виконає свої зобов’язання.';
const RUSSIAN =
  'Делегации России и Украины встретились в Стамбуле в понедельник. Переговоры продолжались чуть больше часа. ' +
  'Стороны договорились об обмене пленными, но не смогли согласовать прекращение огня. ' +
  'Министр обороны заявил, что Киев готов к следующему раунду, если Москва выполнит свои обязательства.';
const FRENCH =
  "Les délégations russe et ukrainienne se sont rencontrées lundi à Istanbul. Les pourparlers ont duré un peu plus d'une heure. " +
  "Les deux parties ont convenu d'un échange de prisonniers, mais elles ne sont pas parvenues à un accord sur un cessez-le-feu. " +
  'Le ministre de la Défense a déclaré que Kiev était prêt pour une nouvelle session.';
const GERMAN =
  'Die Delegationen Russlands und der Ukraine trafen sich am Montag in Istanbul. Die Gespräche dauerten etwas mehr als eine Stunde. ' +
  'Beide Seiten einigten sich auf einen Austausch von Gefangenen, konnten sich aber nicht auf eine Waffenruhe verständigen. ' +
  'Der Verteidigungsminister sagte, Kiew sei zu einer weiteren Runde bereit.';
const SPANISH =
  'Las delegaciones de Rusia y Ucrania se reunieron el lunes en Estambul. Las conversaciones duraron poco más de una hora. ' +
  'Ambas partes acordaron un intercambio de prisioneros, pero no lograron un acuerdo sobre un alto el fuego. ' +
  'El ministro de Defensa dijo que Kiev está dispuesto a una nueva ronda.';

/** Headline-style English: capitalised, almost no function words. Exactly 34 words. */
const HEADLINES = [
  'Russia, Ukraine Agree Prisoner Swap After Istanbul Talks',
  'Kremlin Rejects Ceasefire Call; Zelensky Slams Moscow Delegation',
  'Drone Strikes Hit Kharkiv Overnight, Regional Governor Says',
  "Medinsky Leads Russian Team As Umerov Heads Kyiv's Side Again",
].join('\n');
const CLAIM = 'The two delegations agreed to exchange 500 prisoners of war each.';
const ENGLISH_WITH_NAMES =
  'Turkish President Recep Tayyip Erdoğan welcomed the delegations at the Dolmabahçe Palace on Monday, ' +
  'and Foreign Minister Hakan Fidan opened the session. Vladimir Medinsky led the Russian side, while Rustem Umerov ' +
  'headed the Ukrainian team. European Commission President Ursula von der Leyen said the talks were a first step, ' +
  "and France's foreign minister Jean-Noël Barrot called on Moscow to accept a ceasefire. The meeting at the Çırağan " +
  'Palace lasted just over an hour, officials said.';

describe('detectLanguage', () => {
  it.each([
    ['Ukrainian', UKRAINIAN],
    ['Russian', RUSSIAN],
    ['French', FRENCH],
    ['German', GERMAN],
    ['Spanish', SPANISH],
  ])('%s is not English, and is named', (language, text) => {
    expect(detectLanguage(text)).toEqual({ english: false, language });
  });

  it.each([
    [
      'Italian',
      'Le delegazioni di Russia e Ucraina si sono incontrate lunedì a Istanbul. I colloqui sono durati poco più di un’ora e il ministro della Difesa ha detto che Kiev è pronta per un nuovo incontro.',
    ],
    [
      'Portuguese',
      'As delegações da Rússia e da Ucrânia reuniram-se na segunda-feira em Istambul. As conversas duraram pouco mais de uma hora e o ministro da Defesa disse que Kiev está pronto para uma nova ronda.',
    ],
    [
      'Dutch',
      'De delegaties van Rusland en Oekraïne kwamen maandag bijeen in Istanbul. De gesprekken duurden iets meer dan een uur, maar zij bereikten geen akkoord over een staakt-het-vuren.',
    ],
    [
      'Polish',
      'Delegacje Rosji i Ukrainy spotkały się w poniedziałek w Stambule. Rozmowy trwały nieco ponad godzinę, ale nie osiągnięto porozumienia w sprawie zawieszenia broni.',
    ],
    [
      'Turkish',
      "Rusya ve Ukrayna heyetleri pazartesi günü İstanbul'da bir araya geldi. Görüşmeler bir saatten biraz fazla sürdü, ancak ateşkes için bir uzlaşmaya varılamadı.",
    ],
    ['Greek', 'Οι αντιπροσωπείες της Ρωσίας και της Ουκρανίας συναντήθηκαν τη Δευτέρα στην Κωνσταντινούπολη.'],
    ['Arabic', 'التقى وفدا روسيا وأوكرانيا يوم الاثنين في إسطنبول لإجراء محادثات مباشرة.'],
    ['Chinese', '俄罗斯和乌克兰代表团周一在伊斯坦布尔举行了直接会谈。'],
    ['Japanese', 'ロシアとウクライナの代表団は月曜日にイスタンブールで会談した。'],
  ])('%s is named too', (language, text) => {
    expect(detectLanguage(text)).toEqual({ english: false, language });
  });

  it('Cyrillic is told apart by the letters only one alphabet has; "Ukrainian or Russian" when none shows', () => {
    expect(detectLanguage('Переговори в Стамбулі').language).toBe('Ukrainian');
    expect(detectLanguage('Делегации встретились в Стамбуле').language).toBe('Ukrainian or Russian');
    expect(detectLanguage('Разговорите продължиха малко повече от час, но не беше постигнато споразумение.').language).toBe('Bulgarian');
  });

  it('long prose in a language not known here is not English, unnamed; a long list of headlines is English', () => {
    const lithuanian =
      'Rusijos ir Ukrainos delegacijos pirmadienį susitiko Stambule. Derybos truko šiek tiek daugiau nei valandą. ' +
      'Šalys susitarė apsikeisti belaisviais, tačiau nesutarė dėl paliaubų. Gynybos ministras sakė, kad Kyjivas pasirengęs naujam derybų etapui.\n';
    expect(detectLanguage(lithuanian.repeat(4))).toEqual({ english: false, language: null });
    const headlines = `${HEADLINES}\n`.repeat(4);
    expect(headlines.split(/\s+/).filter(Boolean).length).toBeGreaterThan(100);
    expect(detectLanguage(headlines)).toEqual({ english: true, language: null });
  });

  it('short English is English: a 34-word headline-style text, one claim, an article with foreign names', () => {
    expect(HEADLINES.split(/\s+/)).toHaveLength(34);
    for (const text of [HEADLINES, CLAIM, ENGLISH_WITH_NAMES, 'They met on Monday.', 'ok', '']) {
      expect(detectLanguage(text), text).toEqual({ english: true, language: null });
    }
  });

  it('English that quotes a little of another language is English', () => {
    const quoted = `${ENGLISH_WITH_NAMES} "Переговори тривали трохи більше години," the minister wrote.`;
    expect(detectLanguage(quoted).english).toBe(true);
  });

  it('says what Crosscheck reads and what the text looks like', () => {
    expect(englishOnlyMessage('this page', detectLanguage(UKRAINIAN))).toBe('Crosscheck reads English only; this page looks like Ukrainian');
    expect(englishOnlyMessage('this file', { english: false, language: null })).toBe("Crosscheck reads English only; this file doesn't look like English");
  });
});

describe('the content script: is this page checkable?', () => {
  const ARTICLE = `${ENGLISH_WITH_NAMES}\n${ENGLISH_WITH_NAMES}`;
  it('a Ukrainian or Russian article is refused as not English, naming the language', () => {
    const uk = `${UKRAINIAN}\n${UKRAINIAN}\n${UKRAINIAN}`;
    expect(uk.length).toBeGreaterThan(500);
    expect(isArticleText(uk)).toBe(false);
    expect(checkability(uk)).toEqual({ checkable: false, reason: 'not_english', message: 'Crosscheck reads English only; this page looks like Ukrainian.' });
    expect(checkability(`${RUSSIAN}\n${RUSSIAN}\n${RUSSIAN}`)).toMatchObject({
      checkable: false,
      reason: 'not_english',
      message: expect.stringMatching(/looks like Russian\.$/),
    });
    expect(checkability(`${FRENCH}\n${FRENCH}\n${FRENCH}`)).toMatchObject({ checkable: false, message: expect.stringMatching(/looks like French\.$/) });
  });
  it('an English article is checkable; a page that is no article is still "not an article"', () => {
    expect(checkability(ARTICLE)).toEqual({ checkable: true });
    expect(isArticleText(ARTICLE)).toBe(true);
    expect(checkability('Home World Europe Politics Business Opinion Sport '.repeat(20))).toMatchObject({ checkable: false, reason: 'not_article' });
  });
});

describe('the sources import', () => {
  it('accepts short English and names the language it refuses', () => {
    expect(parseSource({ name: 'headlines.txt', content: HEADLINES }).text).toBe(HEADLINES);
    expect(parseSource({ name: 'claim.txt', content: CLAIM }).text).toBe(CLAIM);
    expect(() => parseSource({ name: 'fr.txt', content: FRENCH })).toThrow(SourceError);
    expect(() => parseSource({ name: 'fr.txt', content: FRENCH })).toThrow(
      /^fr\.txt: does not look like English \(Crosscheck reads English only; this text looks like French\)$/,
    );
    expect(() => parseSource({ name: 'uk.txt', content: UKRAINIAN })).toThrow(/looks like Ukrainian/);
  });
});

describe('the command line', () => {
  const TMP = mkdtempSync(join(tmpdir(), 'crosscheck-language-'));
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    const p = join(TMP, name);
    writeFileSync(p, content);
    return p;
  };
  /** An engine that finds no claims: these tests are about what the CLI refuses before it. */
  const quiet: CliEngine = {
    analyze: () => ({ claims: [] }),
    checkClaim: (claim) => ({ text: claim, start: 0, end: claim.length, verdict: 'not_covered', evidence: [] }),
  };
  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      argv,
      { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) },
      {
        makeEngine: () => quiet,
        readSources: (dir, warn) => readSourcesDir(dir, [], warn),
      },
    );
    return { code, stdout, stderr };
  }

  it('does not refuse short English, as a file, a source or a claim', async () => {
    const dir = mkdtempSync(join(TMP, 'sources-'));
    writeFileSync(join(dir, 'headlines.txt'), HEADLINES);
    const claims = file('claims.jsonl', `${JSON.stringify({ id: 1, claim: CLAIM })}\n`);
    expect(await run(['--sources', dir, '--claims', claims])).toMatchObject({ code: 0, stderr: '' });
    expect(await run([file('headlines.txt', HEADLINES)])).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses a file in another language, naming it (exit 2, nothing on stdout)', async () => {
    const r = await run([file('uk.txt', UKRAINIAN)]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`crosscheck: ${join(TMP, 'uk.txt')}: Crosscheck reads English only; this file looks like Ukrainian\n`);
  });

  it('refuses a claim in another language by its line number', async () => {
    const claims = file(
      'mixed.jsonl',
      [JSON.stringify({ id: 1, claim: CLAIM }), JSON.stringify({ id: 2, claim: 'Переговоры продолжались чуть больше часа.' })].join('\n'),
    );
    const r = await run(['--claims', claims]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`crosscheck: ${claims}:2: Crosscheck reads English only; this claim looks like Russian\n`);
  });
});
