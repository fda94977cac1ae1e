/**
 * Part-of-speech tags for one sentence, from wink-nlp's English light model (a general model
 * trained on news-like English, shipped as an npm package: nothing is downloaded). The engine
 * reads structure from the tags — which word is the verb, which words form a name — and never
 * the model's entities or sentiment.
 *
 * The model (its core lexicon handed in by lib/nlp/model.ts) loads on first use (about 100 ms),
 * so the CLI and the background pay for it only when a claim is checked; tagging costs about 0.2 ms per sentence, which is why corpus
 * sentences are tagged lazily (only those retrieved for a claim), never at indexing.
 */
import winkNLP from 'wink-nlp';
import { taggerModel } from './model';
import { foldLetters } from '../text/normalize';

export type Pos =
  'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Tagged {
  /** The token as written. */
  text: string;
  pos: Pos;
  /** Offsets into the tagged string (end exclusive). */
  start: number;
  end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function load(): Nlp {
  // Only the part-of-speech pipe: sentence splitting is ours, entities and sentiment unused.
  nlp ??= winkNLP(taggerModel() as Parameters<typeof winkNLP>[0], ['pos']);
  return nlp;
}

/** Tokens of `text` with their tags and offsets. Never throws: an odd input gives no tokens. */
export function tagSentence(original: string): Tagged[] {
  if (!original.trim()) return [];
  const text = foldLetters(original);
  let values: string[];
  let tags: string[];
  const n = load();
  try {
    const doc = n.readDoc(text);
    values = doc.tokens().out() as string[];
    tags = doc.tokens().out(n.its.pos) as string[];
  } catch {
    return [];
  }
  const out: Tagged[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const found = text.indexOf(v, at);
    // wink may normalise a token (rare): keep the order, give it a zero-width place.
    const start = found >= 0 ? found : at;
    const end = found >= 0 ? found + v.length : at;
    out.push({ text: found >= 0 ? original.slice(start, end) : v, pos: (tags[i] as Pos) ?? 'X', start, end });
    at = end;
  }
  return out;
}
