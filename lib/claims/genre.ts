/**
 * Sentences whose form marks them as something other than a news report, however many names,
 * figures and past-tense verbs they carry: an author's bio, a photo or video caption, a
 * conditional forecast, a passer-by's quoted feelings, the page talking to its reader, and
 * weather-and-light scene-setting. Each test is a pattern of general news English, the same on
 * any outlet's page; none knows an article.
 *
 * The trade-off, written once: each test is narrow (a bio needs a journalist's job title, a
 * caption a visible-action verb in the present, a quoted feeling a first-person feeling verb), so
 * a report that happens to share one feature keeps its other evidence and stays a claim.
 */

/** A journalist's job title: an author's bio names one ("X is the Post's diplomatic editor"). */
const BIO_ROLE_RE =
  /\b(?:editor|correspondent|reporter|journalist|columnist|contributor|contributing writer|staff writer|freelance writer|bureau chief|producer)\b/i;
/** One to three capitalised words, then "is/was a/an/the …": a name introduced, as bios do. */
const NAME_IS_RE = /^(?:\p{Lu}[\p{L}'’.-]+\s){1,3}(?:is|was|has been)\s+(?:a|an|the|\p{Lu})/u;
/** "X writes …", "X covers …": what an author does, in the present. */
const NAME_WRITES_RE = /^(?:\p{Lu}[\p{L}'’.-]+\s){1,3}(?:writes|covers|reports on)\b/u;
/** "… has reported on the war since 2014", "… has covered Ukraine since 2019". */
const REPORTED_SINCE_RE = /\bhas (?:covered|reported (?:on|from))\b.*\bsince (?:19|20)\d\d\b/;

export function isAuthorBio(s: string): boolean {
  return (NAME_IS_RE.test(s) && BIO_ROLE_RE.test(s)) || NAME_WRITES_RE.test(s) || REPORTED_SINCE_RE.test(s);
}

/** "Drone footage shows …", "Footage released by …", "Photo: …": the picture is described. */
const MEDIA_START_RE = /^(?:[\p{L}-]+\s)?(?:footage|video|videos|photo|photos|photograph|photographs|image|images|picture|pictures)\b/iu;
/**
 * Verbs of visible action in the present simple, as captions describe a picture ("Medinsky
 * delivers a statement", "Delegates arrive at the palace"). A report tells the same in the past.
 */
const CAPTION_VERB_RE =
  /^[^,;:]{3,90}?\b(?:delivers|deliver|speaks|speak|arrives|arrive|attends|attend|walks|walk|gestures|gesture|listens|listen|looks on|look on|poses|pose|stands|stand|sits|sit|shakes hands|shake hands|waits|wait|leaves|leave|enters|enter|holds|hold|addresses|address|greets|greet|signs|sign|pays tribute)\b/i;

/** A caption: a picture described, or a visible action told in the present with no past event. */
export function isCaption(s: string, reportedPast: boolean): boolean {
  return MEDIA_START_RE.test(s) || (!reportedPast && CAPTION_VERB_RE.test(s));
}

/** "If the offensive does materialise, the next round may …": a forecast on a condition. */
const CONDITIONAL_START_RE = /^(?:If|Unless|Should|Were)\b[^,]{3,}?,/;

/** Length of the sentence's opening condition ("If …,"), or 0 when it opens with none. */
export function conditionLength(s: string): number {
  return CONDITIONAL_START_RE.exec(s)?.[0].length ?? 0;
}

/** First person or a generic "you" inside a quotation. */
const QUOTE_PERSON_RE = /\b(?:I|I'm|I've|I'd|[Mm]e|[Mm]y|[Yy]ou|[Yy]ou're)\b/;
/** Verbs and words of feeling and private thought. */
const FEELING_RE =
  /\b(?:felt|feel|feels|feeling|hope|hoped|hoping|thought|think|fear|feared|afraid|worried|scared|happy|sad|honestly|learn not to|could see it)\b/i;

/**
 * A quoted feeling: a direct quotation whose speaker talks of what they felt or thought ("'I
 * honestly thought they would not even sit down,' said a taxi driver"). That it was said is all
 * there is to check, and nobody can check a feeling. `quoted` is the sentence's quoted material.
 */
export function isQuotedFeeling(quoted: string): boolean {
  return quoted.trim().length > 0 && QUOTE_PERSON_RE.test(quoted) && FEELING_RE.test(quoted);
}

/** Words of a bare speech tag ("she said", "a spokesman told reporters"). */
const SPEECH_TAG_MAX_WORDS = 6;

/**
 * A quoted remark: a quotation with only a bare speech tag, and nothing in the quotation a
 * reader could look up — no figure (`figure`: digits or number words), no name ("'That's a
 * powerful combination,' she said.").
 */
export function isQuotedRemark(s: string, quoted: string, figure: boolean): boolean {
  if (!/^"/.test(s) || !quoted || figure) return false;
  const tag = s.replace(/"[^"]*"/g, ' ').match(/[\p{L}'’-]+/gu) ?? [];
  // A quotation standing alone has its speaker in the next sentence: not judged here.
  if (tag.length < 2 || tag.length > SPEECH_TAG_MAX_WORDS || tag.some((w) => /^\p{Lu}/u.test(w))) return false;
  const inner = quoted.trim().split(/\s+/).slice(1);
  return !/\d/.test(quoted) && !inner.some((w) => /^\p{Lu}\p{Ll}/u.test(w) && w !== 'I');
}

/** A lead-in: the sentence ends with a colon and what was said follows ("The minister added:"). */
export function isLeadIn(s: string): boolean {
  return /:\s*$/.test(s);
}

/** The page addressing its reader ("you can read our full report here", "thank you for …"). */
const READER_ADDRESS_RE = /\b(?:thank you|thanks for|you can (?:read|watch|follow|find|sign up)|sign up|subscribe|click here|read more|read our)\b/i;
/** "This article appears in the June issue", "This story was first published …". */
const ABOUT_THE_PAGE_RE =
  /^This (?:article|story|piece|report|interview|essay|feature) (?:appears|appeared|was (?:first |originally )?published|has been (?:updated|amended|corrected)|was (?:updated|amended|corrected))\b/i;

export function addressesReader(s: string): boolean {
  return READER_ADDRESS_RE.test(s) || ABOUT_THE_PAGE_RE.test(s);
}

/** Weather and light: the words of a scene set, not of something that happened. */
const SCENE_RE =
  /\b(?:clouds?|cloudy|rain|raining|rained|drizzle|snow|snowing|sunshine|sunlight|sunny|windy|breeze|fog|foggy|mist|misty|dawn|dusk|twilight|skies)\b/i;

export function setsScene(s: string): boolean {
  return SCENE_RE.test(s);
}
