/**
 * wink-nlp's English light model, assembled from its parts so that its one large part — the
 * core lexicon (3 MB of JSON) — is data handed in at start-up instead of code in the bundle:
 * Node reads it from node_modules (scripts/node-data.ts), the extension's background from its
 * packaged copy (no file of the extension may exceed what stores accept to parse). The other
 * parts (tagger machines, negation, sentence boundaries) are small and bundled as they are.
 *
 * The assembly repeats what the package's own read-core-model.js / load-core-model.js do.
 */
import loadSBDModel from 'wink-eng-lite-web-model/dist/load-sbd-model.js';
import loadPOSModel from 'wink-eng-lite-web-model/dist/load-pos-model.js';
import loadNERModel from 'wink-eng-lite-web-model/dist/load-ner-model.js';
import loadNEGATIONModel from 'wink-eng-lite-web-model/dist/load-negation-model.js';
import loadSAModel from 'wink-eng-lite-web-model/dist/load-sa-model.js';
import loadCERMetaModel from 'wink-eng-lite-web-model/dist/load-cer-meta-model.js';
import featureFn from 'wink-eng-lite-web-model/dist/feature.js';
import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';
import lemmatize from 'wink-eng-lite-web-model/dist/lemmatize.js';
import readabilityStats from 'wink-eng-lite-web-model/dist/readability-stats.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let core: Json | null = null;

/** Hand in the core lexicon (the parsed eng-core-web-model.json). */
export function installTaggerCore(json: unknown): void {
  if (!json || typeof json !== 'object' || !('lexicon' in json) || !('packing' in json)) throw new Error('the tagger core model is not a wink core model');
  core = json as Json;
}

export function taggerInstalled(): boolean {
  return core !== null;
}

function bufferFromBase64(data: string): ArrayBuffer {
  const decoded = atob(data);
  const bytes = new Uint8Array(decoded.length);
  for (let k = 0; k < decoded.length; k++) bytes[k] = decoded.charCodeAt(k);
  return bytes.buffer;
}

/** read-core-model.js + load-core-model.js, on the handed-in JSON. */
function loadCoreModel(): Json {
  if (!core) throw new Error('the tagger model is not loaded (installTaggerCore was not called)');
  const model = JSON.parse(JSON.stringify(core)) as Json;
  const { packing, features, pos } = model;
  model.lexicon = new Uint32Array(bufferFromBase64(model.lexicon));
  model.xpansions = new Uint32Array(bufferFromBase64(model.xpansions));
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].hash = Object.create(null);
      for (let k = 0; k < features[f].list.length; k++) features[f].hash[features[f].list[k]] = k;
    }
  }
  features.lexeme.hash = Object.create(null);
  for (let k = 0; k < features.lexeme.list.length; k++) features.lexeme.hash[features.lexeme.list[k]] = k;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set(clusters[k].split('_').map((e: string) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** The model object wink-nlp expects (the package's model.js, with the core handed in). */
export function taggerModel(): Json {
  const model: Json = Object.create(null);
  model.core = loadCoreModel;
  model.sbd = loadSBDModel;
  model.pos = loadPOSModel;
  model.ner = loadNERModel;
  model.negation = loadNEGATIONModel;
  model.sa = loadSAModel;
  model.metaCER = loadCERMetaModel;
  model.featureFn = featureFn;
  model.addons = Object.create(null);
  model.addons.stem = stem;
  model.addons.lemmatize = lemmatize;
  model.addons.readabilityStats = readabilityStats;
  model.addons.wordVectors = undefined;
  return model;
}
