/**
 * `npx tsx scripts/explain.ts "claim text" [docDate]` — debugging aid: shows how the engine
 * represents a claim, which corpus sentences it retrieved and how each compared.
 */
import { createEngine } from '../lib/engine';
import { Verifier } from '../lib/verify/index';
import { compareSentence } from '../lib/verify/compare';
import { sentenceRep } from '../lib/corpus/index';
import { loadSeedDocsFromDisk } from './seeds-node';

const [claim, docDate] = process.argv.slice(2);
if (!claim) {
  console.error('usage: tsx scripts/explain.ts "claim" [YYYY-MM-DD]');
  process.exit(2);
}
const engine = createEngine(loadSeedDocsFromDisk());
const v = new Verifier(engine.index);
const rep = v.represent(claim, { docDate: docDate ?? null });
console.log('event', rep.event, 'concepts', rep.words.concepts.map((c) => `${c}:${v.weight(c).toFixed(2)}`).join(' '));
console.log('clauses', JSON.stringify(rep.words.clauses.map((c) => ({ c: c.concepts.join(' '), neg: c.neg, agents: c.agents }))));
console.log('quantities', JSON.stringify(rep.quantities.map((q) => [q.text, q.kind, q.unit, q.bound, q.lo, q.hi, q.perSide])));
console.log('times', JSON.stringify(rep.times.map((t) => [t.text, t.kind, t.weekday, t.date, t.offsetDays])));
for (const i of v.retrieve(rep)) {
  const s = { ...engine.index.sentences[i], rep: sentenceRep(engine.index, i) };
  const c = compareSentence(rep, s.rep, v.weight, v.tuning);
  console.log(`\n[${c.stance} cov=${c.coverage.toFixed(2)}] ${s.doc.slice(0, 3)} ev=${s.rep.event} ${c.reason}\n   ${s.text.slice(0, 160)}`);
  console.log('   q', JSON.stringify(s.rep.quantities.map((q) => [q.text, q.kind, q.unit, q.bound, q.lo, q.hi, q.perSide])), 't', JSON.stringify(s.rep.times.map((t) => [t.text, t.kind, t.weekday, t.date])));
}
console.log('\nverdict', engine.checkClaim(claim, { docDate: docDate ?? null }).verdict);
