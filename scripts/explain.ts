/**
 * Shows how the engine reads one claim and compares it with the corpus, stage by stage: the
 * claim's facts (words, names, clauses, figures, times, event), its parts, the retrieved
 * sentences and, for each, the alignment features, the model's probabilities and the stance.
 *
 *   npx tsx scripts/explain.ts "a claim" [YYYY-MM-DD] [--sources DIR] [--no-seeds] [--all]
 */
import { createEngine } from '../lib/engine';
import { corpusEvents, corpusYear, sentenceFacts } from '../lib/corpus/index';
import { readFacts, type Facts } from '../lib/facts/read';
import { eventOf } from '../lib/facts/event';
import { splitParts } from '../lib/parts/index';
import { buildQuery, retrieve } from '../lib/retrieve/index';
import { loadSeedDocsFromDisk } from './seeds-node';
import { readSourcesDir } from './cli-lib';
import { TUNING } from '../lib/config';

function describeFacts(f: Facts): string[] {
  const out = [
    `  words: ${f.words
      .filter((w) => w.content)
      .map((w) => `${w.lemma}/${w.pos}${w.mention >= 0 ? '#' : ''}`)
      .join(' ')}`,
  ];
  out.push(`  names: ${f.mentions.map((m) => `${m.key}(${m.kind}${m.country ? ':' + m.country : ''}${m.demonym ? ',demonym' : ''})`).join(' ') || '-'}`);
  for (const c of f.clauses) {
    const flags = [
      c.negated && 'negated',
      c.modal && 'modal',
      c.exclusive && 'only',
      c.evaluation && `eval ${c.evaluation}`,
      c.speaker >= 0 && `speaker ${f.mentions[c.speaker].key}`,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `  clause "${f.words
        .slice(c.from, c.to)
        .map((w) => w.text)
        .join(
          ' ',
        )}" pred=${c.predicate.map((i) => f.words[i].lemma).join(',') || '-'} subj=${c.subjects.map((k) => f.mentions[k].key).join(',') || c.subjectNouns.map((k) => f.words[k].lemma).join(',') || '-'}${flags ? ' ' + flags : ''}`,
    );
  }
  if (f.quantities.length) out.push(`  figures: ${f.quantities.map((q) => `${q.text} [${q.lo}, ${q.hi}] ${q.unit}${q.perSide ? ' each' : ''}`).join('; ')}`);
  if (f.times.length) out.push(`  times: ${f.times.map((t) => `${t.text} (${t.kind}${t.date ? ' ' + t.date : ''})`).join('; ')}`);
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const noSeeds = args.includes('--no-seeds');
  const si = args.indexOf('--sources');
  const dir = si >= 0 ? args[si + 1] : null;
  const rest = args.filter((a, i) => !a.startsWith('--') && (si < 0 || i !== si + 1));
  const [claim, date] = rest;
  if (!claim) {
    console.error('usage: npx tsx scripts/explain.ts "a claim" [YYYY-MM-DD] [--sources DIR] [--no-seeds] [--all]');
    process.exit(64);
  }
  const seeds = noSeeds ? [] : loadSeedDocsFromDisk();
  const docs = [...seeds, ...(dir ? readSourcesDir(dir, seeds, (m) => console.error(m)) : [])];
  const engine = createEngine(docs);
  const index = engine.index;
  const events = corpusEvents(index);
  console.log(
    `events: ${events.map((e) => `${e.id} (${e.date ?? 'undated'}; ${e.docs.length} docs${e.names.length ? '; names ' + e.names.slice(0, 6).join(', ') : ''})`).join(' | ') || 'none'}`,
  );
  const f = readFacts(claim, { docDate: date ?? null, defaultYear: corpusYear(index) });
  const ev = eventOf(f, events, { docDate: date ?? null });
  console.log(`claim: ${claim}`);
  console.log(describeFacts(f).join('\n'));
  console.log(`  event: ${ev.id ?? (ev.date ? 'another occasion, ' + ev.date : 'unknown')} (by ${ev.by})`);
  const parts = splitParts(f);
  if (parts.length > 1) console.log(`parts:\n${parts.map((p) => `  - ${p.text}`).join('\n')}`);
  const q = buildQuery(index, claim);
  console.log(`query: ${[...q.terms].map(([t, w]) => (w < 1 ? `${t}~${w}` : t)).join(' ')}`);
  const cands = retrieve(index, q, TUNING.candidates);
  const ex = engine.explain(claim, { docDate: date ?? null });
  const result = ex.result;
  console.log(`\nverdict: ${result.verdict}${result.parts ? ' (parts: ' + result.parts.map((p) => `${p.status}: ${p.words}`).join(' | ') + ')' : ''}`);
  for (const e of result.evidence) console.log(`  [${e.stance} ${e.score}] ${e.source}: ${e.reason}${e.part ? ` (part: ${e.part})` : ''}\n      ${e.quote}`);
  console.log('\ncomparisons:');
  for (const p of ex.parts) {
    if (ex.parts.length > 1) console.log(`part: ${p.text}`);
    for (const c of p.comparisons) {
      const on = Object.entries(c.alignment.features)
        .filter(([, v]) => v)
        .map(([k, v]) => (v === 1 ? k : `${k}=${v.toFixed(2)}`))
        .join(' ');
      console.log(
        `- #${c.sentence} ${index.sentences[c.sentence].doc} [${c.decision.stance} s=${c.decision.pSupports.toFixed(3)} c=${c.decision.pConflicts.toFixed(3)}] ${index.sentences[c.sentence].text.slice(0, 110)}`,
      );
      console.log(`    ${on}`);
      console.log(`    ${c.decision.reason}`);
      if (all)
        console.log(
          describeFacts(sentenceFacts(index, c.sentence))
            .map((l) => '  ' + l)
            .join('\n'),
        );
    }
  }
  void cands;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
