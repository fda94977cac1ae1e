/**
 * Page furniture that is never a claim: update notes, reporting/editing credits, photo credits,
 * copyright lines, "Opens in new window" / related-story link lines, newsletter and cookie text,
 * bylines, timestamps.
 *
 * Why separate from the linguistic markers in markers.ts: these lines are recognised by their
 * FORM (a credit label, a bracketed link, a copyright sign), not by what they assert, and a match
 * vetoes the sentence outright whatever actors or figures it names ("Additional reporting by our
 * Moscow and Kyiv bureaus" names two capitals). Each pattern is general page vocabulary, not a
 * phrase from one site.
 */

interface BoilerplateRule {
  /** Short label used in the detection reason: "boilerplate: <label>". */
  label: string;
  re: RegExp;
  /** Only applies to sentences of at most this many words (page furniture is short). */
  maxWords?: number;
}

/** Tunable limits of the boilerplate rules. */
export const BOILERPLATE_TUNING = {
  /**
   * Longest line (words) that a leading "Share", "Email", "Subscribe", "Comments" … marks as
   * site furniture: body sentences may start with those words ("Share prices fell …") but are
   * longer than a button label or a newsletter prompt.
   */
  furnitureMaxWords: 12,
  /** Longest byline ("By Elena Marsh in Istanbul and Tom Reddaway" is 8 words). */
  bylineMaxWords: 14,
} as const;

/** Credit labels that open a caption credit line: "Photograph: X", "Photo: Getty Images". */
const CREDIT_LABEL = String.raw`(?:photo(?:graph|graphy)?s?|pictures?|images?|illustrations?|video|graphics?|credits?|source|caption)`;

const RULES: readonly BoilerplateRule[] = [
  // Editorial notes about the article itself.
  {
    label: 'update note',
    re: /^(?:this|the) (?:story|article|report|piece|page|post|blog)\b.{0,30}\b(?:has been|have been|was|is being|were) (?:updated|corrected|amended|edited|changed|revised)\b/i,
  },
  { label: 'update note', re: /^an? (?:earlier|previous) version of this (?:story|article|report|piece)\b/i },
  { label: 'update note', re: /^(?:updated|corrected|correction|clarification|editor'?s note|update)\s*[:-]/i },
  { label: 'update note', re: /^(?:published|updated|last (?:updated|modified)|posted|first published)\b[^.]{0,40}\d/i },
  // Reporting / editing credits.
  { label: 'credit line', re: /^(?:additional|further|extra) reporting\b/i },
  { label: 'credit line', re: /^(?:reporting|reported|editing|edited|writing|written|compiled|produced|translated|research|graphics|fact-checking) by\b/i },
  { label: 'credit line', re: /\b(?:editing|additional reporting) by [A-Z]/ },
  { label: 'credit line', re: /\bcontributed (?:reporting|to this (?:report|story|article))\b/i },
  // Photo / image credits and captions with an agency credit.
  { label: 'photo credit', re: new RegExp(String.raw`^${CREDIT_LABEL}\s*(?:credit)?\s*:`, 'i') },
  { label: 'photo credit', re: new RegExp(String.raw`[.)]\s*${CREDIT_LABEL}\s*:\s*\S`, 'i') },
  { label: 'photo credit', re: /\([A-Z][^()]*\/[^()]*\)\s*\.?$/ }, // "(Murat Gok/Turkish Foreign Ministry/via Reuters Handout)"
  // Photo captions: positional or absence notes about who is in the picture.
  {
    label: 'caption',
    re: /\((?:left|right|centre|center|front|back|second (?:left|right)|\d(?:st|nd|rd|th) [LR]|[CLR]|not (?:shown|pictured|seen|in picture)|pictured|unseen|foreground|background|top|bottom)\b[^()]{0,20}\)/i,
  },
  { label: 'caption', re: /\b(?:is|are) (?:pictured|seen here|shown here)\b|\bposes? for (?:a )?(?:photo|picture)s?\b/i },
  { label: 'photo credit', re: /\b(?:getty images|via reuters|via getty|afp via|ap photo|epa-efe|shutterstock|handout photo)\b/i },
  { label: 'photo credit', re: /\/\s*(?:reuters|afp|ap|epa|anadolu|tass|ria novosti|pool)\s*\)?\s*\.?$/i }, // "… Name/AFP" at the end
  // Rights lines.
  { label: 'copyright', re: /\bcopyright\b|\u00A9|\(c\) \d{4}|\ball rights reserved\b/i },
  // Link lines: "[ Analysis: … ]", "Opens in new window", "Read more", "Related: …".
  { label: 'link line', re: /opens? in (?:a )?new (?:window|tab)/i },
  { label: 'link line', re: /^\[.*\]$/ },
  { label: 'link line', re: /^(?:read|see|watch|listen)(?: (?:more|next|also|our|the full story|the full article|here))\b/i },
  {
    label: 'link line',
    re: /^(?:related(?: stories| articles| content| coverage)?|see also|more on this(?: story)?|more from [\w ]+|recommended|most (?:read|viewed|popular)|further reading|explainer|analysis|opinion|live|factbox|timeline|fact ?check)\s*(?::|\||\s-\s)/i,
  },
  // Newsletter, subscription, sharing, cookies.
  {
    label: 'site furniture',
    re: /^(?:sign (?:up|in)|subscribe|log ?in|register|share(?: on| this)?|follow (?:us|our|the|live)|email|print|comments?)\b/i,
    maxWords: BOILERPLATE_TUNING.furnitureMaxWords,
  },
  {
    label: 'site furniture',
    re: /\b(?:newsletter|unsubscribe|privacy policy|terms (?:of (?:use|service)|and conditions)|cookie (?:policy|settings|preferences)|manage preferences|accept all)\b/i,
  },
  {
    label: 'cookie notice',
    re: /\bcookies?\b.{0,80}\b(?:use|accept|consent|store|similar technologies|advertising|personal data)\b|\b(?:use|accept|consent to)\b.{0,40}\bcookies?\b/i,
  },
  { label: 'site furniture', re: /\b(?:click here|tap here|download (?:the|our) app|advertisement|sponsored content|skip to (?:main )?content)\b/i },
  // Bylines: "By Elena Marsh in Istanbul and Tom Reddaway".
  { label: 'byline', re: /^[Bb]y [A-Z][\w'.-]+(?:(?:[ ,]+|\s&\s)(?:[A-Z][\w'.-]+|and|in))*\s*$/, maxWords: BOILERPLATE_TUNING.bylineMaxWords },
];

/**
 * Return the boilerplate label of a sentence (already normalised with normalizeChars and trimmed),
 * or null when it is ordinary prose.
 */
export function boilerplateLabel(sentence: string, wordCount: number): string | null {
  for (const rule of RULES) {
    if (rule.maxWords !== undefined && wordCount > rule.maxWords) continue;
    if (rule.re.test(sentence)) return rule.label;
  }
  return null;
}

/** True for a photo-credit line ("Photograph: …", "… (Name/Agency)"): its caption precedes it. */
export function isPhotoCredit(label: string | null): boolean {
  return label === 'photo credit';
}
