/**
 * The engine's vocabulary: which words mean the same thing, which spellings name the same
 * actor, which words flip the polarity of a clause and which words carry no content.
 *
 * Why a hand-made table: no model weights can ship, and the corpus is news about war and
 * diplomacy, so a compact domain table of paraphrase groups (swap/exchange/trade,
 * truce/ceasefire, POWs/prisoners of war/captives …) does most of what an embedding would,
 * is inspectable, and costs nothing at run time. Groups are general news vocabulary, never the
 * wording of a particular claim. Words are stemmed (Porter) before lookup, so list one form.
 *
 * Trade-off, written down once: a group that is too wide makes unrelated sentences look alike
 * (more false "supports", and — worse — more aligned pairs that a figure mismatch turns into a
 * false "conflicts"); too narrow and paraphrases look unrelated (more "not covered"). When in
 * doubt a word stays out of a group.
 */

/** Multi-word expressions rewritten to one token before tokenising (applied in order, on lowercase text). */
export const PHRASES: Array<[RegExp, string]> = [
  [/\bprisoners?[- ]of[- ]war\b/g, ' pow '],
  [/\bpows?\b/g, ' pow '],
  [/\bcease[- ]fires?\b/g, ' ceasefire '],
  [/\bpause in (?:the )?fighting\b|\bhalt (?:to )?the fighting\b|\bhalt the fighting\b|\bstop the fighting\b/g, ' ceasefire '],
  [/\bface[- ]to[- ]face\b|\bone[- ]on[- ]one\b|\bin person\b|\bdirectly\b/g, ' direct '],
  [/\bheads? of (?:the )?state\b|\bpresidential[- ]level\b|\bleader[- ]level\b|\blevel of leaders\b|\btwo presidents\b|\btwo leaders\b/g, ' leadersummit '],
  [/\bhandshakes? (?:were |was )?exchanged\b|\bexchang(?:e|ed|ing) handshakes?\b|\bshak(?:e|es|ing)? hands\b|\bshook hands\b|\bhandshakes?\b/g, ' handshake '],
  [/\bside by side\b/g, ' sidebyside '],
  [/\bopposite each other\b|\bin front of each other\b|\bfaced each other\b|\bfacing each other\b|\bacross from each other\b/g, ' opposite '],
  [/\bu[- ]shaped\b/g, ' ushaped '],
  [/\bround table\b/g, ' roundtable table '],
  [/\bturn(?:ed|s|ing)? down\b|\bbrush(?:ed|es|ing)? aside\b|\bdismiss(?:ed|es|ing)?\b/g, ' reject '],
  [/\bhand(?:ed|s|ing)? back\b|\bsend(?:s|ing)? home\b|\bsent home\b|\bbring(?:ing|s)? back\b|\bbrought back\b/g, ' return '],
  [/\bhand(?:ed|s|ing)? over\b|\bhand(?:ed|s|ing)? the other\b/g, ' give '],
  [/\bpull(?:ed|s|ing)?(?: (?:its|their|his|her|the) (?:forces|troops|soldiers))? out\b/g, ' withdraw soldier '],
  [/\binstead of\b/g, ' instead not '],
  // "lasted" is the meeting's length, like "ended after"; "last" alone ("last met") is not.
  [/\blast(?:ed|ing|s)\b/g, ' end '],
  [/\bsign(?:ed|s|ing)? up to\b|\bstr(?:uck|ike|ikes|iking) a deal\b|\bsettled? on\b|\breached? (?:an )?agreement\b|\bconsent(?:ed|s)? to\b|\bcame away with a deal\b|\bdeal\b/g, ' agree '],
  [/\bwrap(?:ped|s|ping)? up\b|\bbroke up\b|\bwas over\b|\bwere over\b|\bcame to an end\b/g, ' end '],
  [/\bin charge of\b|\bat the head of\b/g, ' lead '],
  [/\btook part\b|\btake part\b|\btaking part\b|\bbe present\b|\bwas present\b|\bwere present\b/g, ' participate '],
  [/\bconfidence[- ]building\b|\bbuilding confidence\b|\bbuild(?:ing)? trust\b/g, ' confidencebuilding '],
  [/\bu\.\s?s\.(?:\s?a\.)?|\bunited states\b|\bwashington\b|\bamerican\b|\bus\b(?= (?:president|officials?|secretary|envoy|side|delegation))/g, ' usa '],
  [/\bunited kingdom\b|\bu\.k\.|\bbritain\b|\bbritish\b/g, ' uk '],
  [/\beuropean union\b|\be\.u\.|\beu\b/g, ' europe '],
  [/\bunited nations\b|\bu\.n\./g, ' un '],
  [/\bsocial media\b|\bon x\b/g, ' socialmedia '],
  [/\bdrone strikes?\b|\bdrone attacks?\b|\bunmanned air vehicles?\b|\bunmanned aerial vehicles?\b/g, ' drone attack '],
];

/** Spelling variants of names (after lowercasing and stripping diacritics) → canonical id. */
export const VARIANTS: Record<string, string> = {
  // Capitals stand for governments in news copy ("Kyiv said"): one concept with the country.
  kyiv: 'ukraine', kiev: 'ukraine', kief: 'ukraine', kievs: 'ukraine', kyivs: 'ukraine', kiew: 'ukraine',
  moscow: 'russia', kremlin: 'russia',
  zelenskiy: 'zelensky', zelenskyy: 'zelensky', zelenskiys: 'zelensky', zelenskyys: 'zelensky', zelenskys: 'zelensky', zelenski: 'zelensky', selenskyj: 'zelensky',
  dormabach: 'dolmabahce', dolmabahche: 'dolmabahce',
  turkiy: 'turkey', tukiy: 'turkey', turkue: 'turkey', turkiye: 'turkey', turkish: 'turkey', turks: 'turkey',
  medeski: 'medinsky', medinskiy: 'medinsky', medinski: 'medinsky',
  umierov: 'umerov', umarov: 'umerov',
  poutine: 'putin', poutines: 'putin', putins: 'putin',
  ukraines: 'ukraine', ukral: 'ukraine', ukrainian: 'ukraine', ukrainians: 'ukraine',
  russian: 'russia', russians: 'russia', russias: 'russia',
  moscows: 'russia',
  sergey: 'sergei', erdogans: 'erdogan', fida: 'fidan',
  ciragan: 'ciragan', tirana: 'tirana',
  european: 'europe', europeans: 'europe',
  french: 'france', german: 'germany', polish: 'poland',
};

/**
 * Paraphrase groups: the first word is the concept id, the rest mean the same for our purpose.
 * Stemmed at load time.
 */
export const SYNONYM_GROUPS: string[][] = [
  ['exchange', 'swap', 'trade', 'exchanges'],
  ['prisoner', 'pow', 'captive', 'detainee', 'prison'],
  ['ceasefire', 'truce', 'armistice'],
  ['talks', 'negotiation', 'negotiate', 'meeting', 'meet', 'session', 'round', 'discussion', 'encounter', 'interview', 'summit', 'reconvene', 'dialogue', 'met', 'meets'],
  ['agree', 'agreement', 'accept', 'consensus', 'settle', 'pledge', 'commit', 'promise', 'deal'],
  ['propose', 'proposal', 'offer', 'suggest', 'float', 'table', 'request', 'call', 'push', 'urge', 'press'],
  ['demand', 'require', 'requirement', 'insist', 'condition', 'precondition', 'ultimatum'],
  ['reject', 'refuse', 'decline', 'rebuff', 'deny'],
  ['lead', 'head', 'chair', 'led', 'leader', 'chief', 'helm'],
  ['delegation', 'team', 'delegate', 'negotiator', 'envoy'],
  ['body', 'remains', 'corpse', 'dead'],
  ['soldier', 'troop', 'serviceman', 'servicemen', 'fighter', 'force', 'military'],
  ['child', 'children', 'kid'],
  ['return', 'repatriate', 'release', 'free', 'freed', 'recover', 'collect', 'retrieve'],
  ['large', 'largest', 'big', 'biggest', 'major', 'greatest', 'heaviest', 'massive'],
  ['kill', 'die', 'death', 'killed'],
  ['wound', 'injure', 'injury', 'hurt'],
  ['ill', 'sick', 'illness'],
  ['young', 'younger', 'youth'],
  // "lasted just over an hour" and "ended after just over an hour" say the same of a meeting.
  ['end', 'conclude', 'finish', 'close', 'over', 'stop', 'halt', 'duration'],
  ['breakthrough', 'progress', 'advance'],
  ['memorandum', 'memoranda', 'memorand', 'document', 'paper', 'draft', 'text', 'position', 'proposals', 'terms', 'stance'],
  ['satisfied', 'pleased', 'happy', 'content'],
  ['ready', 'willing', 'prepared'],
  ['continue', 'resume', 'keep', 'proceed'],
  ['attack', 'strike', 'raid', 'barrage', 'assault', 'hit', 'operation', 'bomb', 'bombard'],
  ['drone', 'uav'],
  ['airbase', 'aerodrome', 'airfield', 'air base', 'base'],
  ['bomber', 'plane', 'aircraft', 'jet'],
  ['sanction', 'penalty', 'restriction'],
  ['territory', 'region', 'land', 'area', 'oblast', 'swath'],
  ['withdraw', 'withdrawal', 'leave', 'retreat', 'cede'],
  ['say', 'said', 'state', 'tell', 'told', 'add', 'note', 'announce', 'report', 'claim', 'confirm', 'describe', 'characterise', 'characterize', 'hail', 'brand', 'argue', 'post', 'write'],
  ['president', 'presidential'],
  ['minister', 'ministry'],
  ['defence', 'defense'],
  ['foreign', 'diplomat', 'diplomatic'],
  ['official', 'authority', 'representative', 'source', 'aide', 'adviser', 'advisor'],
  ['priority', 'goal', 'aim', 'objective', 'focus'],
  ['palace', 'venue'],
  ['expect', 'expectation', 'hope'],
  ['attend', 'participate'],
  ['war', 'conflict', 'invasion', 'fighting', 'hostility'],
  ['peace', 'settlement', 'resolution'],
  ['fail', 'failure', 'unsuccessful'],
  ['list', 'names'],
  ['accuse', 'blame', 'charge'],
  ['show', 'spectacle', 'performance', 'theatre', 'theater'],
  ['discuss', 'cover', 'address', 'raise', 'topic', 'issue', 'agenda'],
  ['plan', 'intend', 'prepare', 'preparation'],
  ['receive', 'get', 'obtain'],
  ['give', 'deliver', 'provide', 'send', 'hand', 'submit'],
  ['week', 'weeks'],
  ['unconditional', 'unconditionally'],
  ['full', 'complete', 'total', 'comprehensive', 'all'],
  ['temporary', 'short', 'brief', 'limited', 'partial', 'local'],
  ['direct', 'directly'],
  ['first', 'opening', 'initial'],
  ['sovereign', 'sovereignty'],
  ['protection', 'protect'],
];

/**
 * Light concepts: frequent framing words that should count little toward whether a sentence
 * covers a claim (a shared "said" says nothing about shared content). Multiplies the weight.
 */
export const LIGHT_CONCEPTS: Record<string, number> = {
  say: 0.15, talks: 0.5, official: 0.4, russia: 0.5, ukraine: 0.5, kyiv: 0.5, moscow: 0.5,
  delegation: 0.6, side: 0.2, war: 0.5, istanbul: 0.6, president: 0.4, also: 0, new: 0.4,
  two: 0.3, both: 0.2, each: 0.5, agree: 0.7, propose: 0.8, minister: 0.6, leader: 0.5,
  // Generic verbs: shared by unrelated sentences.
  held: 0.2, hold: 0.2, take: 0.2, took: 0.2, come: 0.2, came: 0.2, make: 0.2, made: 0.2, go: 0.2, went: 0.3,
  get: 0.2, put: 0.2, set: 0.3, run: 0.2, ran: 0.2, give: 0.5, includ: 0.3, involv: 0.4, becom: 0.2, seem: 0.2, want: 0.5,
  '#2': 0.3, '#1': 0.3,
};

/**
 * Setting: words that place a sentence in the story (which talks, which parties, where) rather
 * than say what happened. Nearly every corpus sentence shares some of them with nearly every
 * claim, so support must also cover the claim's remaining, core concepts.
 */
export const SETTING = new Set([
  'talks', 'istanbul', 'turkey', 'russia', 'ukraine', 'peace', 'war', 'side', 'direct', 'first', 'second',
  'ord1talks', 'ord2talks',
  'official', 'say', 'president', 'minister', 'leader', 'usa', 'foreign', 'defence', 'europe', 'new', 'also',
  'held', 'hold', 'take', 'took', 'come', 'came', 'make', 'made', 'go', 'went', 'get', 'set', 'includ',
]);

/**
 * What every sentence about one of the corpus's meetings implies even when it does not say it:
 * a sentence from a report on the second round need not repeat "second round in Istanbul".
 * Added to a corpus sentence's concepts when its event is known, for alignment only.
 */
export const EVENT_CONTEXT: Record<string, string[]> = {
  round1: ['talks', 'istanbul', 'turkey', 'russia', 'ukraine', 'delegation', 'peace', 'ord1talks', 'direct', 'dolmabahce', 'bosphorus'],
  round2: ['talks', 'istanbul', 'turkey', 'russia', 'ukraine', 'delegation', 'peace', 'ord2talks', 'direct', 'ciragan', 'bosphorus'],
};

/** First names: the surname identifies the person; the given name adds no content and varies in spelling. */
export const FIRST_NAMES = new Set([
  'vladimir', 'volodymyr', 'sergei', 'sergey', 'rustem', 'hakan', 'recep', 'tayyip', 'donald', 'marco', 'keith',
  'emmanuel', 'friedrich', 'keir', 'dmitry', 'dmitri', 'andriy', 'andrii', 'mikhail', 'alexander', 'igor', 'oleh',
  'steve', 'jd', 'kaja', 'ursula', 'antonio', 'mark', 'joe', 'olaf', 'boris', 'giorgia', 'yuri', 'yury',
]);

/** Words with no content for matching (after lowercasing; checked before stemming). */
export const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those there here of to in on at by for with from into onto upon about ' +
    'as is are was were be been being am has have had having do does did doing will would shall should can could may might must ' +
    'it its it\'s they them their theirs he him his she her hers we us our ours you your i me my mine who whom whose which what ' +
    'when where why how also too very just only so such some any each other another both either more most much many few ' +
    'own same one ones s mr mrs ms dr according later earlier still yet already even ever again ' +
    'while during after before since until till over under up down out off once upon within without across along around ' +
    'via per whether though although however instead rather thus therefore meanwhile nonetheless nevertheless additionally ' +
    'because due amid among between through toward towards against behind beyond near like unlike de la le les du des' +
    ' monday tuesday wednesday thursday friday saturday sunday' +
    ' january february march april may june july august september october november december'
  ).split(/\s+/),
);

/**
 * Negation cues: a clause containing one of these reads as negated. "refuse",
 * "reject", "fail", "decline" are included because "X rejected a truce" denies what
 * "X accepted a truce" asserts. Checked on the word before stemming.
 */
export const NEGATION_WORDS = new Set([
  'not', 'no', 'never', "n't", 'nt', 'without', 'neither', 'nor', 'none', 'nothing', 'nobody',
  'fail', 'failed', 'fails', 'failing', 'failure',
  'refuse', 'refused', 'refuses', 'refusing', 'reject', 'rejected', 'rejects', 'rejecting',
  'decline', 'declined', 'declines', 'declining', 'rebuffed', 'denied', 'deny', 'denies',
  'unable', 'unwilling',
]);

/** Words that start a new clause for polarity purposes. */
export const CLAUSE_BREAKS = /;|:|\bbut\b|,\s*while\b|\bwhereas\b|\bhowever\b|\balthough\b|\bthough\b|\bdespite\b|\binstead\b|,\s*which\b|,\s*who\b|\bas well as\b|\bafter\b|\bbefore\b|\bwhen\b|\bwhile\b|,\s*and\b|\byet\b|\bstill\b|\bunless\b|\bif\b|\band (?=(?:was|were|is|are|had|has|would|will|did|could|said)\b)/g;

/** Antonyms written as one word: word → the concept it negates. The clause reads as negated. */
export const NEGATED_FORMS: Record<string, string> = {
  dissatisfied: 'satisfied', unsatisfied: 'satisfied', unhappy: 'satisfied', displeased: 'satisfied',
  unready: 'ready', unprepared: 'ready', disagree: 'agree', disagreed: 'agree', disagreement: 'agree',
  unsuccessful: 'success',
};

/**
 * Sides of the conflict and other parties: actor id → party. Used to tell "Ukraine proposed"
 * from "Russia proposed". Persons are listed with their side.
 */
export const PARTY: Record<string, string> = {
  russia: 'RU', moscow: 'RU', kremlin: 'RU', putin: 'RU', medinsky: 'RU', lavrov: 'RU', peskov: 'RU', galuzin: 'RU', fomin: 'RU', kostyukov: 'RU',
  ukraine: 'UA', kyiv: 'UA', zelensky: 'UA', umerov: 'UA', yermak: 'UA', syniehubov: 'UA',
  usa: 'US', trump: 'US', rubio: 'US', kellogg: 'US', witkoff: 'US', vance: 'US',
  turkey: 'TR', erdogan: 'TR', fidan: 'TR', ankara: 'TR',
  macron: 'FR', france: 'FR', merz: 'DE', germany: 'DE', starmer: 'UK', uk: 'UK', tusk: 'PL', poland: 'PL',
  europe: 'EU',
};

/** Known persons (subset of PARTY keys): a person is a more specific agent than a side. */
export const PERSONS = new Set([
  'putin', 'medinsky', 'lavrov', 'peskov', 'galuzin', 'fomin', 'kostyukov', 'zelensky', 'umerov', 'yermak', 'syniehubov',
  'trump', 'rubio', 'kellogg', 'witkoff', 'vance', 'erdogan', 'fidan', 'macron', 'merz', 'starmer', 'tusk',
]);

/**
 * Places and what contains them: a place conflicts with another only if neither contains the
 * other ("Tirana" is in "Albania"; both are in "Europe").
 */
export const PLACES: Record<string, string[]> = {
  istanbul: ['turkey'], ankara: ['turkey'], antalya: ['turkey'], turkey: [],
  dolmabahce: ['istanbul', 'turkey'], ciragan: ['istanbul', 'turkey'], bosphorus: ['istanbul', 'turkey'],
  tirana: ['albania'], albania: ['europe'], brussels: ['belgium', 'europe'], belgium: ['europe'],
  vilnius: ['lithuania', 'europe'], lithuania: ['europe'], rome: ['italy', 'europe'], italy: ['europe'],
  paris: ['france', 'europe'], london: ['uk', 'europe'], berlin: ['germany', 'europe'], warsaw: ['poland', 'europe'],
  geneva: ['switzerland', 'europe'], minsk: ['belarus'], belarus: [],
  'abu': ['uae'], dhabi: ['uae'], riyadh: ['saudi'], jeddah: ['saudi'], doha: ['qatar'],
  kyiv: ['ukraine'], kharkiv: ['ukraine'], sumy: ['ukraine'], dnipro: ['ukraine'], zaporizhzhia: ['ukraine'], kherson: ['ukraine'],
  donetsk: ['ukraine'], luhansk: ['ukraine'], kupiansk: ['ukraine'], chernihiv: ['ukraine'], odesa: ['ukraine'],
  moscow: ['russia'], siberia: ['russia'], crimea: ['ukraine'],
};

/** Mutually exclusive descriptors: two different members of one set, on aligned clauses, conflict. */
export const EXCLUSIVE_SETS: string[][] = [
  ['opposite', 'sidebyside'],
  ['roundtable', 'ushaped'],
  ['largest', 'smallest'],
  ['satisfied', 'dissatisfied'],
];
