/**
 * `npm run eval` — prints the dev-set figures.
 *   --errors            list the claims the engine gets wrong, with its top evidence
 *   --json              one JSON object with all figures on the last line
 *   --sweep NAME=a,b,c  re-run with one tuning value changed (see lib/config.ts) and print a row per value
 */
import { TUNING, type Tuning } from '../lib/config';
import { evaluate, type EvalReport } from './evaluate';

const args = process.argv.slice(2);
const pct = (x: number) => x.toFixed(3);

function summary(r: EvalReport): string[] {
  const lines = [
    `dev claims: ${r.n}`,
    `accuracy        ${pct(r.accuracy)}`,
    `macro-F1 (corroborated, contradicted, not_covered)  ${pct(r.macroF1)}`,
    `strict accuracy ${pct(r.strictAccuracy)}  (right verdict and a gold source in the top 3 evidence)`,
    '',
    'verdict        precision recall  f1     gold  predicted',
  ];
  for (const [k, s] of Object.entries(r.perClass)) {
    lines.push(`${k.padEnd(14)} ${pct(s.precision).padEnd(9)} ${pct(s.recall).padEnd(7)} ${pct(s.f1).padEnd(6)} ${String(s.support).padEnd(5)} ${s.predicted}`);
  }
  lines.push('(mixed is rare and reported on its own; it is not in the macro-F1)');
  lines.push('');
  lines.push(`claim detection (dev articles): precision ${pct(r.detection.precision)} recall ${pct(r.detection.recall)} (tp ${r.detection.tp}, fp ${r.detection.fp}, fn ${r.detection.fn})`);
  lines.push(`probe claims (engineer-written): accuracy ${pct(r.probe.accuracy)} on ${r.probe.n}, contradicted precision ${pct(r.probe.contradictedPrecision)}`);
  lines.push(`article claims: verdict accuracy ${pct(r.articleVerdicts.accuracy)} on ${r.articleVerdicts.n}`);
  return lines;
}

const sweepAt = args.indexOf('--sweep');
if (sweepAt >= 0) {
  const [name, values] = (args[sweepAt + 1] ?? '').split('=');
  if (!(name in TUNING) || !values) {
    console.error(`usage: npm run eval -- --sweep NAME=v1,v2  (NAME one of: ${Object.keys(TUNING).join(', ')})`);
    process.exit(2);
  }
  console.log(`${name.padEnd(10)} acc    macroF1 strict contra-P contra-R`);
  for (const v of values.split(',').map(Number)) {
    const t: Tuning = { ...TUNING, [name]: v };
    const r = evaluate(t);
    console.log(`${String(v).padEnd(10)} ${pct(r.accuracy)}  ${pct(r.macroF1)}   ${pct(r.strictAccuracy)}  ${pct(r.perClass.contradicted.precision)}    ${pct(r.perClass.contradicted.recall)}`);
  }
} else {
  const r = evaluate();
  if (args.includes('--errors')) {
    for (const e of r.errors) {
      console.log(`${e.id}  gold ${e.gold}  got ${e.got}\n   ${e.claim}\n   ${e.top ?? '(no evidence)'}`);
    }
    console.log('');
  }
  if (args.includes('--json')) {
    const { errors: _e, ...rest } = r;
    console.log(JSON.stringify(rest));
  } else {
    console.log(summary(r).join('\n'));
  }
}
