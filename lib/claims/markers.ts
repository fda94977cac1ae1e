/**
 * Linguistic markers for claim detection, as precompiled regexes over normalizeChars() text.
 *
 * Positive markers say a sentence REPORTS something checkable: an attribution ("X said"), an
 * event/outcome verb ("agreed", "rejected", "killed"), a figure, a date, a named actor.
 * Negative markers say it is the writer's own voice rather than a report: questions, evaluation
 * ("thin", "a reason for hope"), hedged speculation ("may", "perhaps", "one reading is"),
 * generalisation ("often", "in talks like these"), normative judgement ("deserve", "ought to"),
 * first-person editorial voice.
 *
 * The lists are general English news vocabulary, grouped by function; none is keyed to one
 * article. Each matcher returns the matched text so the detector can give a readable reason.
 */

const words = (list: string): string => list.trim().split(/\s+/).join('|');
const wordRe = (list: string, flags = 'i'): RegExp => new RegExp(String.raw`\b(?:${words(list)})\b`, flags);

/** Verbs and phrases of saying: their presence makes an opinion a reported (checkable) one. */
export const ATTRIBUTION_RE = new RegExp(
  // Not after "to": an infinitive ("too early to say", "hard to tell") reports no one's words.
  String.raw`(?<!\bto )\b(?:${words(`
    said says say saying told tells telling added adds adding stated stating argued argues
    claimed claims insisted insists noted announced announces confirmed confirms reported
    reports warned warns wrote writes posted tweeted explained explains acknowledged acknowledges
    admitted admits denied denies asserted asserts maintained maintains emphasised emphasized
    emphasising emphasizing stressed stresses declared declares alleged alleges estimated estimates
    predicted predicts promised promises pledged pledges vowed vows threatened threatens hinted
    hints indicated indicates suggested suggests revealed reveals disclosed conceded concedes
    complained complains replied replies responded described describes called urged urges
    accused accuses quoted cited recalled recalls countered disputed disputes believes believed
    expects welcomed welcomes condemned condemns criticised criticized praised warn argue claim
    insist believe estimate predict report confirm deny admit allege fear fears feared
  `)}|according to|in a statement|told reporters|quoted as|as saying|in an interview|on condition of anonymity)\b`,
  'i',
);

/** Event and outcome verbs: what happened, was agreed, counted or done. */
export const OUTCOME_VERB_RE = wordRe(`
  agree agrees agreed reject rejects rejected refuse refuses refused fail fails failed propose
  proposes proposed offer offers offered sign signs signed kill kills killed fire fires fired
  strike strikes struck meet meets met hold holds held lead leads led exchange exchanges exchanged
  swap swaps swapped release releases released free frees freed return returns returned confirm
  confirms confirmed accuse accuses accused demand demands demanded launch launches launched
  attack attacks attacked destroy destroys destroyed capture captures captured seize seizes seized
  withdraw withdraws withdrew invade invades invaded annex annexes annexed shot wound wounded injure
  injured die dies died end ends ended begin begins began start starts started open opens opened
  conclude concludes concluded last lasted reach reaches reached won lost send sends sent receive
  receives received hand hands handed deliver delivers delivered announce announces announced
  approve approves approved impose imposes imposed lift lifted hit hits target targets targeted
  downed intercept intercepted arrest arrested detain detained deport deported evacuate evacuated
  visit visits visited travel travels travelled traveled arrive arrives arrived left attend attends
  attended chair chairs chaired host hosts hosted discuss discusses discussed negotiate negotiated
  call calls called urge urges urged warn warns warned threaten threatens threatened pledge pledges
  pledged promise promised decline declines declined accept accepts accepted back backs backed
  support supports supported oppose opposes opposed condemn condemned sanction sanctioned deploy
  deploys deployed mass massed advance advances advanced retreat retreated shell shelled bomb bombed
  cross crossed brought produce produced ran run faced spent took give gave given form formed create
  created draft drafted submit submitted present presented publish published vote voted elect
  elected appoint appointed resign resigned dismiss dismissed suspend suspended resume resumed
  postpone postponed cancel cancelled canceled delay delayed schedule scheduled rose fell increase
  increased decrease decreased doubled tripled total totalled totaled number numbered estimate
  estimated count counted record recorded report reported claim claimed occupy occupies occupied
  control controls controlled liberate liberated recapture recaptured shoot
`);

/** Past participles / past forms ending in -ed that are not verbs (adjectives, nouns). */
const ED_STOPWORDS = new Set([
  'need',
  'indeed',
  'seed',
  'speed',
  'bed',
  'red',
  'hundred',
  'shed',
  'breed',
  'feed',
  'creed',
  'greed',
  'united',
  'limited',
  'related',
  'detailed',
  'sophisticated',
  'interested',
  'talented',
  'naked',
  'wicked',
  'sacred',
  'kindred',
  'rugged',
  'ragged',
  'wretched',
  'beloved',
  'dogged',
  'learned',
  'aged',
  'wed',
  'shred',
  'embed',
]);
const ED_WORD_RE = /\b[a-z]{3,}ed\b/g;

/** True when the sentence has some past-tense verb ending in -ed (weak event evidence). */
export function pastTenseWord(s: string): string | null {
  ED_WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ED_WORD_RE.exec(s))) if (!ED_STOPWORDS.has(m[0])) return m[0];
  return null;
}

/** Common irregular past forms (the -ed test misses them): weak event evidence. */
export const IRREGULAR_PAST_RE = wordRe(`
  sat stood went came saw made took gave got kept put set thought knew found spoke wore became
  began brought built bought caught chose drew drove fled flew fought grew heard hid laid led lent
  lay lost meant met paid rode rose ran sought sold sent shook shot shut sank slept split spread
  stole struck swore swept taught tore threw understood woke won wrote fell held left told broke
  froze hung overcame undertook withheld upheld oversaw bore beat blew dealt dug fed forgave lit
  mistook overtook rang sang slid stuck swung wept withdrew
`);

/** Past-tense markers: auxiliaries and forms that place the main event in the past (see also -ed and IRREGULAR_PAST_RE). */
export const PAST_AUX_RE = wordRe('was were had did been');

/** Finite verbs and auxiliaries: a line without any of these is a headline/caption fragment. */
export const FINITE_VERB_RE = wordRe(`
  is are was were be been being am has have had do does did will would can could may might shall
  should must ought says said told want wants need needs remain remains continue continues seek
  seeks plan plans hope hopes include includes involve involves keep keeps make makes take takes
  give gives get gets go goes come comes see sees know knows think thinks believe believes appear
  appears seem seems become becomes stand stands allow allows require requires mean means show
  shows lie lies sit sits look looks feel feels offer offers
`);

/**
 * Role nouns of people and bodies who act and speak (general news English; names are found by
 * their capitals, not listed).
 */
export const ACTOR_WORD_RE = wordRe(`
  delegation delegations delegates delegate officials official minister ministers ministry
  president presidents presidential spokesman spokeswoman spokesperson aide aides envoy envoys
  negotiator negotiators government governments army armies troops forces military soldiers
  soldier commander commanders authorities prosecutors police diplomats diplomat leaders leader
  chancellor premier parliament lawmakers senator governor mayor generals sides side
  countries country state administration agency agencies ministries team
`);

/**
 * Event nouns of war and diplomacy: the sentence is about something that happens. Weak evidence,
 * since commentary is about the same events ("such a summit", "a third round").
 */
export const EVENT_NOUN_RE = wordRe(`
  talks meeting meetings negotiations negotiation summit ceasefire truce exchange swap swaps
  agreement deal attack attacks strike strikes offensive invasion war conflict operation
  operations memorandum memoranda statement proposal proposals demands sanctions round session
  visit election vote fighting clashes shelling battle battles assault bombardment airstrike
  airstrikes raid raids barrage
`);

/** Figures: digits, or number words that count things. */
export const DIGIT_FIGURE_RE = /\d[\d,.:]*(?:\s?(?:%|percent|per cent))?/;
export const WORD_FIGURE_RE = wordRe(`
  two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
  sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion
  billions dozen dozens half third quarter fifth sixth tenth
`);

/** Spelled-out durations ("an hour", "half a day", "two weeks"): checkable quantities. */
export const DURATION_RE =
  /\b(?:an?|one|half an?|two|three|four|five|six|seven|eight|nine|ten|several|a few) (?:minutes?|hours?|days?|weeks?|months?|years?)\b/i;

/**
 * Dates and times. Names are matched capitalised only ("March", "May" and "Sept" are also common
 * words/modals in lowercase); "May" counts only next to a day number or after a preposition.
 */
const DATE_NAME_RE =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?=\s|[,.;:]|$)|\b(?:in|on|since|until|by|of|early|late|mid-?)\s+May\b|\bMay\s+\d|\d\s+May\b/;
const DATE_RELATIVE_RE =
  /\b(?:yesterday|today|tonight|overnight|last (?:week|month|year|night)|earlier (?:this|that) (?:week|month|year|day)|the (?:day|week|night) (?:before|after)|the (?:previous|following|next) (?:day|week|month)|(?:hours|days|weeks) (?:later|earlier|before|after))\b/i;
const DATE_NUMERIC_RE = /\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b/;

/** The first date/time expression of the sentence, or null. */
export function findDate(s: string): string | null {
  return (DATE_NAME_RE.exec(s) ?? DATE_RELATIVE_RE.exec(s) ?? DATE_NUMERIC_RE.exec(s))?.[0] ?? null;
}

/** Direct question, or a sentence opening with an interrogative. */
export const QUESTION_END_RE = /\?["')\]]*\s*$/;
export const WH_START_RE = /^(?:and |but |so |yet )?(?:why|how|whether)\b/i;
export const WHAT_START_RE = /^(?:and |but |so |yet )?what\b/i;
/** Test against the sentence with its first letter lowercased (the subject check is case-sensitive). */
export const INVERTED_START_RE =
  /^(?:and |but |so )?(?:is|are|was|were|will|would|can|could|should|shall|do|does|did|has|have|had|might|must|isn't|aren't|won't|can't|doesn't|didn't)\s+(?:a|an|the|this|that|these|those|it|they|he|she|we|you|there|any|anyone|anything|such|[A-Z][a-z]+)\b/;

/**
 * Evaluation, speculation and editorial-voice phrases. Each entry: [reason label, regex].
 * Matched against the sentence with quotations blanked out, so a quoted speaker's opinion does
 * not count as the writer's.
 */
export const OPINION_MARKERS: ReadonlyArray<readonly [string, RegExp]> = [
  // Open questions and uncertainty stated by the writer.
  [
    'uncertainty',
    /\b(?:anyone'?s guess|remains? to be seen|an open question|time will tell|no one knows|nobody knows|who knows|it is (?:unclear|uncertain|not clear|doubtful)|it's (?:unclear|uncertain|not clear)|(?:too early|too soon) to (?:say|tell|judge|know))\b/i,
  ],
  [
    'evaluation',
    /\b(?:hard|difficult|easy|impossible) to (?:say|see|tell|know|imagine|predict|judge|overstate|exaggerate|miss|ignore|believe|avoid|escape|dismiss)\b/i,
  ],
  ['uncertainty', /\b(?:much|everything|a lot|a great deal|more|so much) (?:now |still |will |may |might )?(?:depends?|hinges?|rests?) on\b/i],
  [
    'evaluation',
    /\bthe (?:question|issue|problem|challenge|test|puzzle|mystery)s? (?:now |then |still )?(?:is|are|remains?|will be|was) (?:whether|how|why|what|if)\b/i,
  ],
  ['dismissal', /\b(?:is|was|are|were|remains?|will be) (?:another|a different|a separate) (?:matter|story|question|thing)\b/i],
  ['interpretation', /\b(?:one|another|a|the) (?:reading|interpretation|explanation|possibility|theory|view|answer)s? (?:is|was|would be)\b|\banother is\b/i],
  ['interpretation', /\b(?:seen|viewed|judged|measured) (?:from|against|by)\b/i],
  ['interpretation', /\b(?:in (?:my|our) (?:view|opinion)|from (?:my|our) (?:perspective|point of view)|to (?:my|our) mind)\b/i],
  [
    'evaluation',
    /\b(?:the|a) (?:real|true|bigger|biggest|key|main|larger|hard|harder|ultimate) (?:test|question|problem|challenge|issue|lesson|story|point|worry|risk)s? (?:is|are|was|will|may|might|remains?|lies)\b/i,
  ],
  [
    'hedge',
    /\b(?:hardly|scarcely|arguably|perhaps|presumably|seemingly|supposedly|doubtless|undoubtedly|surely|of course|no doubt|at best|at worst|to say the least|if anything|by no means|in the end|after all|in truth|the truth is|frankly|admittedly|to be sure|to be fair|ironically|tellingly|inevitably|needless to say|wishful thinking|clearly|evidently|obviously|plainly)\b/i,
  ],
  ['hedge', /\bcertainly (?:not|no)\b|\bnot necessarily\b|\b(?:it|this|that|they|he|she) (?:seems|seemed|appears|appeared)\b/i],
  [
    'evaluation',
    /\b(?:little|scant|every|few|slim) (?:sign|signs|reason|reasons|incentive|comfort|hope|chance|chances|prospect|prospects|appetite|indication|evidence)\b/i,
  ],
  [
    'evaluation',
    /\b(?:is|was|are|were|remains?|seems?|looks?) (?:a|an|another|the|just a|only a|merely a) (?:start|beginning|reminder|testament|lesson|symbol|measure|sign|signal|indication|setback|blow|gamble|bet|charade|performance|show|sideshow|step forward|step in the right direction)\b/i,
  ],
  [
    'vague generalisation',
    /^(?:(?:and|but|yet|still),? )?(?:few|many|most|some|nobody|no one) (?:in|outside|here|there|observers|analysts|commentators|people|diplomats|experts|watchers|expected|believe|believed|doubt|doubted|would|will|can|could)\b|^(?:nothing|little) (?:about|in|here)\b/i,
  ],
  ['conditional speculation', /^(?:(?:but|and|yet),? )?(?:if|unless|should)\b.{0,120}\b(?:will|would|could|may|might)\b|\bare any guide\b|\bis any guide\b/i],
  [
    'hope or worry',
    /\b(?:reason|reasons|cause|grounds) (?:for|to) (?:hope|optimism|pessimism|worry|concern|doubt|cheer|alarm|celebration|despair|scepticism|skepticism)\b|\b(?:reason|reasons|cause|grounds) to be (?:cautious|sceptical|skeptical|hopeful|optimistic|pessimistic|worried|wary|concerned|doubtful)\b/i,
  ],
  [
    'normative',
    /\b(?:deserves?|deserved) (?:to|a|an|the|more|less|better|credit|praise|blame)\b|\bought to\b|\bshould be (?:judged|seen|measured|read|understood|welcomed)\b/i,
  ],
  ['generalisation', /\b(?:like|such as) (?:these|this|those)\b|\bon offer\b|\b(?:as a rule|in general|by and large|more often than not)\b/i],
  ['evaluation', /\bmatters?\s*(?:[,.;]|$|\b(?:but|more|less|most|little|greatly|enormously|a great deal)\b)/i],
  [
    'evaluation',
    new RegExp(
      String.raw`\b(?:is|are|was|were|seems?|seemed|looks?|looked|remains?|remained|feels?|felt|proved|proves)(?: \w+ly)?(?: (?:a|an|the))?(?: \w+ly)? (?:thin|meagre|meager|modest|hollow|empty|slim|paltry|poor|disappointing|underwhelming|encouraging|promising|remarkable|striking|telling|ironic|absurd|naive|naïve|premature|welcome|worrying|troubling|sobering|grim|bleak|depressing|farcical|theatrical|cosmetic|symbolic|predictable|familiar|honest|dishonest|crucial|vital|essential|meaningful|notable|ominous|pointless|futile|laughable|dim|sad|tragic|shameful|bitter|sweet|fragile|elusive|unlikely|inevitable|obvious|clear|understandable|puzzling|baffling|curious|odd|strange|revealing|instructive|significant|important|unmistakable|stark|glaring|awkward|extraordinary|unclear|uncertain|doubtful|debatable|questionable|misguided|overdue|overblown|exaggerated|hopeful|optimistic|pessimistic|cynical|risky|dangerous|worth|tempting|wise|unwise|foolish|right|wrong|enormous|immense|vast)\b`,
      'i',
    ),
  ],
  ['evaluation', /\b(?:most|least) (?:honest|telling|revealing|important|striking|significant|interesting|reliable|useful|obvious|likely)\b/i],
  [
    'evaluation',
    /\b(?:a|the) (?:thin|meagre|meager|paltry|hollow|modest|slim) (?:harvest|result|results|outcome|yield|return|haul|gain|gains|achievement|showing)\b/i,
  ],
];

/** Habitual adverbs: generic statements about how things usually are (weak evidence of opinion). */
export const HABITUAL_RE = /\b(?:often|usually|typically|generally|always|rarely|seldom|tends? to|tend to)\b/i;

/** Modal verbs of speculation; "may"/"might" are weighted more than "could/would/should". */
export const STRONG_MODAL_RE = /\b(?:may|might|must)\b/;
export const WEAK_MODAL_RE = /\b(?:could|should|would)\b/i;
/** A modal inside a relative/subordinate clause: "… when these exchanges would take place". */
export const SUBORDINATE_MODAL_RE =
  /\b(?:that|which|who|whom|when|whether|if|where|how|until|unless)\b[^,;:]{0,60}?\b(?:may|might|must|could|should|would)\b/gi;

/** Modal + stative/speculative verb: "may depend", "could prove", "might mean". */
export const SPECULATIVE_MODAL_RE =
  /\b(?:may|might|could|would|will)(?: well| yet| not| only| also)? (?:depend|hinge|prove|turn out|mean|signal|matter|decide|determine|tell|come down)\b/i;

/** Writer's first-person voice (outside quotations). */
export const FIRST_PERSON_RE = /\b(?:I|we|We|us|our|Our|my|My|me)\b/;

/** Words that cannot start a name: sentence-initial capitals that are ordinary words. */
export const NON_NAME_CAPS = new Set([
  'I',
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'He',
  'She',
  'It',
  'They',
  'We',
  'You',
  'But',
  'And',
  'Or',
  'So',
  'Yet',
  'In',
  'On',
  'At',
  'For',
  'From',
  'To',
  'With',
  'By',
  'After',
  'Before',
  'During',
  'When',
  'While',
  'Since',
  'As',
  'If',
  'Although',
  'Though',
  'However',
  'Meanwhile',
  'Still',
  'Then',
  'Also',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
]);
