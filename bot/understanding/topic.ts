import type { Topic } from '../../domain/policy/schema.js';

/**
 * What a question asks for, by the words workers use. Order matters: the more specific phrase wins ("minutes"
 * before "meeting", "next review" before "initial meeting").
 */
const TOPIC_PATTERNS: readonly (readonly [Topic, RegExp])[] = [
  ['threshold', /\b(threshold|eligib\w*|cypds|functional needs?|qualify)\b/],
  ['plan-content', /\bpoints?\b|\bcontingency\b|\bsmart\b|five questions|plan content|what (should|must|does|do) (the |a )?(cin )?plan (contain|include|cover|have|say)|(in|on) the (cin )?plan\b/],
  ['chair', /\bchair(s|ed|ing)?\b/],
  ['authorisation', /\bwho (approves?|authori[sz]es?|signs? off|ratifies|endorses)\b|\bauthori[sz]|\bapprov|\bsigns? off\b|\bratif/],
  ['review-invitations', /\binvit/],
  ['review-written-report', /written (report|record)|report of the (review|meeting)|review report|chair'?s report/],
  ['review-report', /assessment report|updated assessment|report (to|for|go to|goes to|reach) the (family|parents)|report\b.*\bbefore\b/],
  ['minutes-circulation', /\bminutes\b|meeting notes|\bnotes\b|review form|review record/],
  ['plan-circulation', /circulat|\bcopies\b|\bcopy of the plan|\bsen[dt](ing)? out\b|distribut|\bshare the plan|\bsend the plan/],
  ['cancelled-review', /\bcancel|re-?schedul|rearrang|\binstead\b/],
  ['escalation', /reflective|case supervision|\b(9|nine|12|twelve) months?\b|\boversight\b|escalat|open (for )?(more than|over) a year/],
  ['supervision-order', /supervision order/],
  ['first-visit', /first (home )?visit|initial (home )?visit/],
  ['visit', /\bvisit/],
  ['assessment-update', /updat\w* (the |an? )?(child and family )?assessment|assessments? (be |are |is )?updat/],
  ['outline-plan', /outline (cin )?plan/],
  ['plan-required', /\b(have|need|get) a (cin )?plan\b|plan (be )?in place\b(?! for)|must have a (cin )?plan|\bthere be a (cin )?plan\b/],
  ['plan-duration', /how long\b.*\bplan|plan\b.*\bin place for|minimum (length|duration)|shortest/],
  ['transfer-in', /\b(transfer(red)?|moved?|moving)[ -](in|into)\b|transfer-in/],
  ['transfer-out', /\b(transfer(red)?|moved?|moving)[ -](out|away)\b|another (local )?authority|new (borough|authority)/],
  ['transfer-between-teams', /between (hubs|teams)|case transfer|\bhubs?\b|transfer meeting/],
  ['step-down', /step(ping|ped|s)?[ -]?down|early help/],
  ['closure', /\bclos(e|ed|ing|ure)\b|\bend(ing)? (the|a) (cin )?(plan|case)\b/],
  ['first-review', /\b(first|initial) (cin )?review\b|\bsix[ -]week review\b|\b6[ -]week review\b/],
  ['initial-meeting', /\binitial\b|\bfirst\b.*\bmeeting\b|intervention planning|planning meeting/],
  ['review', /\bnext (one|review|meeting|cin|network)\b|\breview|how often\b.*\bmeetings?\b|meetings? (are |be )?held\b|\bnetwork meetings\b/],
  ['initial-meeting', /\bmeeting\b/],
  ['assessment', /\bassessment\b/],
];

/**
 * The topic a question asks about: first from the sentence that asks (the one with "when", "how", "who" or a
 * question mark), then from the whole message.
 *
 * @example
 * topicIn('the initial cin meeting was held on 22 december 2025. by when must copies of the plan be sent out?')
 * //=> 'plan-circulation'
 */
export function topicIn(normalisedText: string): Topic | undefined {
  return firstTopic(askingClauseOf(normalisedText)) ?? firstTopic(normalisedText);
}

/** "How often…?" and its kin: the question wants a frequency, not a date. */
export function asksFrequency(normalisedText: string): boolean {
  return /\bhow (often|frequently|regularly)\b|\bfrequency\b|\bhow many times\b|\bevery how\b/.test(normalisedText);
}

function firstTopic(text: string): Topic | undefined {
  return TOPIC_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

function askingClauseOf(text: string): string {
  const clauses = text.split(/[.?!;:\n]+|\s-\s/).map((clause) => clause.trim()).filter(Boolean);
  const asking = clauses.filter((clause) => /\b(when|how|what|who|which|by when|do|does|is|are|should|must|can)\b/.test(clause));
  return asking.at(-1) ?? text;
}
