/**
 * `npm run eval` — the engine's figures on every evaluation set, dev / tune / blind side by side.
 *   --errors [SET]      list the claims it gets wrong (dev, probe, tune sets and tune pages only:
 *                       the blind sides are never shown, so nothing is fitted to them)
 *   --json              one JSON object with all figures on the last line
 *   --sweep NAME=a,b,c  re-run with one tuning value changed (lib/config.ts); dev and tune only
 *   --no-blind          leave the blind sides out (while working on the engine)
 */
import { TUNING, type Tuning } from '../lib/config';
import { evaluate, type ClaimSetReport, type EvalReport, type PageSetReport } from './evaluate';

const args = process.argv.slice(2);
const f3 = (x: number | undefined) => (x === undefined ? '  -  ' : x.toFixed(3));

type Col = [string, ClaimSetReport | null];
const pr = (c: { precision: number; recall: number }) => `${c.precision.toFixed(2)}/${c.recall.toFixed(2)}`;

function claimTable(title: string, cols: Col[]): string[] {
  const present = cols.filter((c): c is [string, ClaimSetReport] => !!c[1]);
  if (!present.length) return [];
  const row = (label: string, f: (r: ClaimSetReport) => string) => `${label.padEnd(26)}${present.map(([, r]) => f(r).padStart(11)).join('')}`;
  return [
    title,
    `${''.padEnd(26)}${present.map(([n]) => n.padStart(11)).join('')}`,
    row('claims', (r) => String(r.n)),
    row('accuracy', (r) => f3(r.accuracy)),
    row('macro-F1', (r) => f3(r.macroF1)),
    row('strict accuracy', (r) => f3(r.strictAccuracy)),
    row('corroborated P / R', (r) => pr(r.perClass.corroborated)),
    row('contradicted P / R', (r) => pr(r.perClass.contradicted)),
    row('not_covered P / R', (r) => pr(r.perClass.not_covered)),
    row('mixed gold / predicted', (r) => `${r.perClass.mixed.support}/${r.perClass.mixed.predicted}`),
    row('false contradictions', (r) => String(r.falseContradictions)),
    '',
  ];
}

function pageTable(cols: Array<[string, PageSetReport | null]>): string[] {
  const present = cols.filter((c): c is [string, PageSetReport] => !!c[1] && c[1].pages > 0);
  if (!present.length) return [];
  const row = (label: string, f: (r: PageSetReport) => string) => `${label.padEnd(26)}${present.map(([, r]) => f(r).padStart(11)).join('')}`;
  return [
    'Article pages (claim detection; verdicts of the labelled claims, checked in their page)',
    `${''.padEnd(26)}${present.map(([n]) => n.padStart(11)).join('')}`,
    row('pages', (r) => String(r.pages)),
    row('detection precision', (r) => f3(r.detection.precision)),
    row('detection recall', (r) => f3(r.detection.recall)),
    row('verdict accuracy', (r) => `${f3(r.verdicts.accuracy)} (${r.verdicts.n})`),
    row('false contradictions', (r) => String(r.verdicts.falseContradictions)),
    '',
  ];
}

export function summary(r: EvalReport): string[] {
  return [
    ...claimTable('Istanbul talks, against the seeds', [
      ['dev', r.dev],
      ['probe', r.probe],
      ['tune', r.istanbulTune],
      ['blind', r.istanbulBlind],
    ]),
    ...claimTable('Another event, against its own sources only (no seeds)', [
      ['tune', r.otherTune],
      ['blind', r.otherBlind],
    ]),
    ...pageTable([
      ['dev pages', r.devPages],
      ['tune pages', r.pagesTune],
      ['blind pages', r.pagesBlind],
    ]),
    'macro-F1 is over corroborated, contradicted and not_covered (mixed is rare and reported on its own).',
  ];
}

function main() {
  const sweepAt = args.indexOf('--sweep');
  if (sweepAt >= 0) {
    const [name, values] = (args[sweepAt + 1] ?? '').split('=');
    if (!(name in TUNING) || !values) {
      console.error(`usage: npm run eval -- --sweep NAME=v1,v2  (NAME one of: ${Object.keys(TUNING).join(', ')})`);
      process.exit(2);
    }
    console.log(`${name.padEnd(20)} dev-F1  dev-cP  tune-F1 tune-cP tune-cR other-F1 other-FC`);
    for (const v of values.split(',').map(Number)) {
      const t: Tuning = { ...TUNING, [name]: v };
      const r = evaluate({ tuning: t, noBlind: true });
      const it = r.istanbulTune;
      const ot = r.otherTune;
      console.log(
        `${String(v).padEnd(20)} ${f3(r.dev.macroF1)}   ${f3(r.dev.perClass.contradicted.precision)}   ${f3(it?.macroF1)}   ${f3(it?.perClass.contradicted.precision)}   ${f3(it?.perClass.contradicted.recall)}   ${f3(ot?.macroF1)}    ${ot?.falseContradictions ?? '-'}`,
      );
    }
    return;
  }
  const errAt = args.indexOf('--errors');
  // Listing errors is working on the engine: the blind figures are not computed, not even shown.
  const r = evaluate({ noBlind: args.includes('--no-blind') || errAt >= 0 });
  if (errAt >= 0) {
    const which = args[errAt + 1] && !args[errAt + 1].startsWith('--') ? args[errAt + 1] : 'all';
    if (/blind/.test(which)) {
      console.error('crosscheck eval: the blind sides are never listed (nothing may be fitted to them)');
      process.exit(2);
    }
    const sets: Array<[string, ClaimSetReport | null]> = [
      ['dev', r.dev],
      ['probe', r.probe],
      ['tune', r.istanbulTune],
      ['other-tune', r.otherTune],
    ];
    for (const [name, s] of sets) {
      if (!s || (which !== 'all' && which !== name)) continue;
      for (const e of s.errors) console.log(`${name} ${e.id}  gold ${e.gold}  got ${e.got}\n   ${e.claim}\n   ${e.top ?? '(no evidence)'}`);
    }
    if (which === 'all' || which === 'pages') for (const p of [r.devPages, r.pagesTune]) for (const e of p?.errors ?? []) console.log(`pages ${e}`);
    console.log('');
  }
  if (args.includes('--json')) {
    const strip = (s: ClaimSetReport | null) => (s ? { ...s, errors: undefined } : null);
    const strp = (s: PageSetReport | null) => (s ? { ...s, errors: undefined } : null);
    console.log(
      JSON.stringify({
        dev: strip(r.dev),
        probe: strip(r.probe),
        istanbulTune: strip(r.istanbulTune),
        istanbulBlind: strip(r.istanbulBlind),
        otherTune: strip(r.otherTune),
        otherBlind: strip(r.otherBlind),
        devPages: strp(r.devPages),
        pagesTune: strp(r.pagesTune),
        pagesBlind: strp(r.pagesBlind),
      }),
    );
  } else {
    console.log(summary(r).join('\n'));
  }
}

main();
