/**
 * Turns a sentence into concepts: lowercase, diacritics stripped, multi-word expressions
 * joined (PHRASES), name variants unified (VARIANTS), Porter-stemmed, then mapped through the
 * paraphrase groups so that "swap", "exchanged" and "trade" all become `exchange`.
 *
 * The sentence is also cut into clauses (CLAUSE_BREAKS) and each clause gets a polarity:
 * negated when it holds a negation cue ("not", "failed", "rejected", "dissatisfied" …). Any cue
 * counts (not parity): "was dissatisfied and not ready" is two negated predicates, and true
 * double negation ("did not deny") is rare in news copy. Clause-level polarity is what lets "agreed to a swap, but there was no
 * sign of a ceasefire" support "they agreed to a swap" instead of looking negated.
 */
import { stemmer } from 'stemmer';
import { synonymAnchor } from './wordnet';
import {
  CLAUSE_BREAKS,
  FIRST_NAMES,
  NEGATED_FORMS,
  NEGATION_WORDS,
  PARTY,
  PERSONS,
  PHRASES,
  PLACES,
  STOPWORDS,
  SYNONYM_GROUPS,
  VARIANTS,
} from './lexicon';

export interface Clause {
  /** Concepts in this clause, in order, duplicates kept. */
  concepts: string[];
  /** Odd number of negation cues. */
  neg: boolean;
  /** The cue words that set `neg`, for reasons. */
  negWords: string[];
  /**
   * What the negation bears on: the concepts within NEG_SCOPE words after each cue ("did not
   * shake hands" → handshake), or the concept an antonym negates ("dissatisfied" → satisfied).
   * A polarity conflict needs the negated thing itself to be shared.
   */
  negTargets: string[];
  /** The first concept after each negation cue (or the concept an antonym negates): what a conflict may rest on. */
  negHeads: string[];
  /** Actor concepts in order of appearance (after the reporting verb when there is one). */
  agents: string[];
  /**
   * Grammatical subject, approximated: the actors named before the clause's first other
   * content word (after the reporting verb when there is one). "Kyiv and Moscow each agreed"
   * → both; "Russia handed its memorandum to Ukraine" → russia only.
   */
  subjects: string[];
  /** The person whose words the clause reports ("Rubio said …"), or ''. */
  speaker: string;
}

export interface WordAnalysis {
  /** Unique concepts of the whole sentence. */
  concepts: string[];
  clauses: Clause[];
  /** Canonical actors (persons and parties) in order of first appearance. */
  actors: string[];
  /** Places named (gazetteer ids). */
  places: string[];
  /** concept → the first word of the sentence that produced it, for readable reasons. */
  surface: Record<string, string>;
}

const SAY_CONCEPT = 'say';

/** Titles and roles that stand beside a name without ending the subject ("Ukrainian President Zelensky"). */
const TITLE_WORDS = new Set(['president', 'minister', 'foreign', 'defence', 'official', 'aide', 'chief', 'delegation', 'lead', 'head', 'presidential', 'spokesman', 'envoy', 'negotiator', 'team', 'side', 'government', 'former', 'culture', 'senior', 'kremlin']);
/** Words that may open a clause before its subject ("On Thursday, …", "However, …"). */
const MODIFIER_WORDS = new Set(['later', 'earlier', 'meanwhile', 'additionally', 'then', 'now']);

const RELATIVE_START = /^\s*,?\s*(who|which)\b/;

/** Pronouns that, right after a reporting verb, stand for the speaker ("Kyiv said it had sent …"). */
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);

/** Concepts after a negation cue that fall in its scope ("failed to agree on a new swap"). */
const NEG_SCOPE = 2;

/** Negation words that carry no content of their own (unlike "rejected" or "failed"). */
const PURE_NEGATORS = new Set(['not', 'no', 'never', 'nt', 'without', 'neither', 'nor', 'none', 'nothing', 'nobody']);

/** Number words, index = value, so "two sides" and "2 sides" share `#2`. */
const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Tokens written by PHRASES are concept ids already: never stem them. */
const ATOMIC = new Set(PHRASES.flatMap(([, rep]) => rep.trim().split(/\s+/)));

/** Stemmed word → concept id, built once from the paraphrase groups. */
const CONCEPT_OF: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const id = group[0];
    for (const w of group) {
      const key = stemmer(w);
      if (!m.has(key)) m.set(key, id);
      if (!m.has(w)) m.set(w, id);
    }
  }
  return m;
})();

/** Strip diacritics, lowercase, unify quotes and dashes. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s[\u2012\u2013\u2014\u2015-]\s|[\u2012\u2013\u2014\u2015]/g, ' , ')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/n't\b/g, ' not')
    .replace(/'s\b/g, '');
}

const WORD = /[a-z0-9][a-z0-9.,']*[a-z0-9]|[a-z0-9]/g;

/** conceptOf is pure and called for every word of every sentence: memoised (bounded). */
const conceptMemo = new Map<string, string | null>();
const CONCEPT_MEMO_MAX = 50_000;

/** The concept id of one word (already folded), or null for stopwords and noise. */
export function conceptOf(word: string): string | null {
  let c = conceptMemo.get(word);
  if (c === undefined) {
    c = computeConcept(word);
    if (conceptMemo.size >= CONCEPT_MEMO_MAX) conceptMemo.clear();
    conceptMemo.set(word, c);
  }
  return c;
}

function computeConcept(word: string): string | null {
  if (/^ord\d+[a-z]+$/.test(word)) return word;
  let w = word.replace(/'/g, '');
  if (/^\d[\d,.]*$/.test(w)) {
    const n = Number(w.replace(/,/g, ''));
    return Number.isFinite(n) ? `#${n}` : null;
  }
  w = w.replace(/\./g, '');
  if (!w || STOPWORDS.has(w) || PURE_NEGATORS.has(w) || FIRST_NAMES.has(w)) return null;
  const variant = VARIANTS[w];
  if (variant) return variant;
  if (PARTY[w] || PLACES[w]) return w;
  const direct = CONCEPT_OF.get(w);
  if (direct) return direct;
  if (ATOMIC.has(w)) return w;
  const small = SMALL_NUMBERS.indexOf(w);
  if (small >= 0) return `#${small}`;
  const stem = stemmer(w);
  if (STOPWORDS.has(stem)) return null;
  const known = CONCEPT_OF.get(stem);
  if (known) return known;
  // Not in the hand-made groups: a WordNet synonym of a corpus word ("captives" → prisoner,
  // "armistice" → truce) takes that word's concept. Corpus words anchor to themselves.
  const anchor = synonymAnchor(w);
  if (anchor && anchor !== w && !anchor.includes(' ')) {
    const a = anchor.toLowerCase();
    return CONCEPT_OF.get(a) ?? CONCEPT_OF.get(stemmer(a)) ?? stemmer(a);
  }
  return stem;
}

export function analyseWords(sentence: string): WordAnalysis {
  let s = ` ${foldText(sentence)} `;
  // Words a phrase token came from ("side by side" for `sidebyside`), so reasons read naturally.
  const phraseSurface: Record<string, string> = {};
  for (const [re, rep] of PHRASES) {
    s = s.replace(re, (m) => {
      const token = rep.trim().split(/\s+/)[0];
      if (!(token in phraseSurface)) phraseSurface[token] = m.trim();
      return rep;
    });
  }
  // Clause boundaries: positions where CLAUSE_BREAKS match.
  const cuts: number[] = [];
  CLAUSE_BREAKS.lastIndex = 0;
  for (let m = CLAUSE_BREAKS.exec(s); m; m = CLAUSE_BREAKS.exec(s)) cuts.push(m.index);
  cuts.push(s.length);
  const clauses: Clause[] = [];
  const all = new Set<string>();
  const actors: string[] = [];
  const places: string[] = [];
  const surface: Record<string, string> = {};
  let from = 0;
  for (const cut of cuts) {
    const segment = s.slice(from, cut);
    from = cut;
    const concepts: string[] = [];
    const negWords: string[] = [];
    const negTargets: string[] = [];
    const negHeads: string[] = [];
    let scopeLeft = 0;
    let headTaken = true;
    let pronounAfterSay = false;
    let justSaid = false;
    const agentsBefore: string[] = [];
    const agentsAfter: string[] = [];
    let subjects: string[] = [];
    let subjectOpen = true;
    let sawSay = false;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(segment); m; m = WORD.exec(segment)) {
      for (const part of m[0].split(/-(?=[a-z])/)) {
        const raw = part.replace(/[.,']+$/, '');
        const negated = NEGATED_FORMS[raw];
        if (negated) {
          negWords.push(raw);
          negTargets.push(negated);
          negHeads.push(negated);
        }
        const c = negated ?? conceptOf(raw);
        if (NEGATION_WORDS.has(raw)) {
          negWords.push(raw);
          scopeLeft = NEG_SCOPE;
          headTaken = false;
          continue;
        }
        if (justSaid && PRONOUNS.has(raw)) pronounAfterSay = true;
        if (raw !== 'that') justSaid = false;
        if (!c) continue;
        if (scopeLeft > 0) {
          // The head of a negation is what is denied, not who is named ("rejected a U.S. plan").
          if (!headTaken && !PARTY[c] && !PLACES[c]) {
            negHeads.push(c);
            headTaken = true;
          }
          negTargets.push(c);
          scopeLeft--;
        }
        concepts.push(c);
        all.add(c);
        if (!(c in surface)) surface[c] = phraseSurface[raw] ?? raw;
        if (c === SAY_CONCEPT) {
          justSaid = true;
          if (!sawSay) {
            sawSay = true;
            subjects = [];
            subjectOpen = true;
          }
        } else if (PARTY[c]) {
          if (subjectOpen) subjects.push(c);
        } else if (!TITLE_WORDS.has(c) && subjectOpen && (subjects.length > 0 || !MODIFIER_WORDS.has(c))) {
          subjectOpen = false;
        }
        if (PARTY[c]) {
          (sawSay ? agentsAfter : agentsBefore).push(c);
          if (!actors.includes(c)) actors.push(c);
        }
        if (PLACES[c] && !places.includes(c)) places.push(c);
      }
    }
    if (concepts.length === 0 && clauses.length > 0) continue;
    // A relative clause ("…, who is attending …") is about the last actor before it.
    if (!subjects.length && RELATIVE_START.test(segment) && clauses.length) {
      const prev = clauses[clauses.length - 1].agents;
      if (prev.length) subjects = [prev[prev.length - 1]];
    }
    clauses.push({
      concepts,
      neg: negWords.length > 0,
      negWords,
      negTargets,
      negHeads,
      agents: agentsAfter.length ? agentsAfter : agentsBefore,
      // "Kyiv said it had sent …": a pronoun subject after the reporting verb is the speaker.
      subjects: subjects.length || !sawSay || !pronounAfterSay ? subjects : agentsBefore.slice(0, 2),
      speaker: sawSay ? agentsBefore.find((a) => PERSONS.has(a)) ?? '' : '',
    });
  }
  return { concepts: [...all], clauses, actors, places, surface };
}

export function isPerson(actor: string): boolean {
  return PERSONS.has(actor);
}

export function partyOf(actor: string): string | undefined {
  return PARTY[actor];
}
