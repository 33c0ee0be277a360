import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Asked, Question } from '../../domain/questions/question.js';
import { figuresIn } from '../../domain/questions/figures.js';
import { stemsOf } from '../../domain/questions/stems.js';
import { CONTEXT_ONLY_TERMS, phrasePattern, termsIn } from '../../domain/questions/vocabulary.js';
import type { Policy } from '../../domain/policy/schema.js';
import { applyingAuthorities, namingsIn } from './authority.js';
import { heldOnTheBookedDate } from './booked-meeting.js';
import { datedEventsIn } from './dated-events.js';
import { datesIn, isAhead } from './dates.js';
import { eventsIn, pathwayIn, withoutNegatedPathways } from './events.js';
import { normaliseText } from './normalise.js';

export interface Understanding {
  /** Authorities whose procedure the message is about, in order of appearance (a family's old one left out). */
  readonly authorityIds: readonly string[];
  readonly question: Question;
  /** What is asked about is a child protection step (a conference, a core group), which no children in need procedure sets. */
  readonly asksAChildProtectionStep?: true;
}

/**
 * A message read into parts, deterministically: which authority, what is asked (a date, a frequency, who,
 * what a plan contains, how much notice, whether), the things named in the asking clause and in the rest, the
 * events and their date, before or after, the pathway. `today` is the message's own London date. Which rule it
 * is about is left to the ranking (domain/questions/rank.ts), which weighs all of these.
 *
 * @example
 * understand('brighton: plan agreed today, when do minutes need to go out', '2026-11-20', POLICIES)
 * //=> { authorityIds: ['brighton-and-hove'], question: { asked: 'date', askTerms: ['minutes', 'circulate'],
 * //     contextTerms: ['plan'], events: ['plan-started'], anchorDate: '2026-11-20', … } }
 */
export function understand(text: string, today: LocalDate, policies: readonly Policy[]): Understanding {
  const normalisedText = normaliseText(text);
  const namings = namingsIn(normalisedText, policies);
  const named = namings.map((naming) => naming.id);
  const normalised = inCommonWords(normalisedText.replace(ASKING_THE_BOT, ' ').replace(AFTER_THE_FIRST, 'subsequent').replace(DONE_FIRST, '$1 beforehand'), policies.filter((policy) => named.length === 0 || named.includes(policy.authority.id)));
  const pathway = pathwayIn(normalised);
  const meant = withoutNegatedPathways(normalised);
  const { asking, context } = clausesOf(meant);
  const { dates, booked } = anchorDatesIn(text, today);
  const [anchorDate] = dates;
  // Several dates: each event with its own, so that a rule counts from the date of its event, never another's.
  const severalDates = new Set(dates).size > 1;
  const datedEvents = severalDates ? datedEventsIn(text.replace(BOOKED_FOR, ' '), today) : [];
  const ahead = anchorDate !== undefined && isAhead(anchorDate, today);
  const events = eventsIn(normalised, ahead);
  if (ahead && /\b(review|meeting|conference)\b/.test(normalised) && !events.includes('review-held') && !events.includes('review-booked')) {
    events.push('review-booked');
  }
  const askedAbout = termsIn(asking);
  const contextTerms = termsIn(context);
  // "step down to early help - whats the process": an asking clause that names nothing asks about what the rest names.
  const namesNothing = [...askedAbout].every((term) => CONTEXT_ONLY_TERMS.has(term));
  const askTerms = namesNothing ? new Set([...askedAbout, ...contextTerms]) : askedAbout;
  const asked = askedIn(asking);
  // The only date given is the one a meeting is booked for ("booked for 15/1", or simply a date still to come: "the
  // IIPM is thursday"), and what is asked follows the meeting: it is held that day.
  const heldThen = booked || (ahead && events.includes('review-booked')) ? heldOnTheBookedDate(askTerms, contextTerms) : undefined;
  if (heldThen && !events.includes(heldThen)) events.push(heldThen);
  return {
    ...(CHILD_PROTECTION_STEP.test(asking) && !IN_NEED.test(asking) ? { asksAChildProtectionStep: true as const } : {}),
    authorityIds: applyingAuthorities(namings, askTerms.has('out') || (contextTerms.has('out') && !askTerms.has('into'))),
    question: {
      events,
      ...(anchorDate ? { anchorDate } : {}),
      ...(severalDates ? { severalDates, datedEvents } : {}),
      ...(pathway ? { pathway } : {}),
      asksFrequency: asked === 'frequency',
      ...(anchorDate === undefined && HOW_LONG.test(asking) ? { asksHowLong: true } : {}),
      ...(FROM_WHEN.test(asking) ? { asksFrom: true } : {}),
      ...(asked ? { asked } : {}),
      askTerms: [...askTerms],
      contextTerms: [...contextTerms],
      stems: [...new Set(stemsOf(meant))].slice(0, MOST_STEMS),
      ...figuresNamedIn(meant),
      ...roleNamedIn(asking),
      before: BEFORE.test(normalised) || (ahead && heldThen === undefined && events.includes('review-booked') && !/\bafter\b/.test(asking)),
    },
  };
}

/**
 * The dates a timescale could count from: when a message gives the date something is booked for and another date
 * ("IIPM booked for 18/12, assessment started 1/12 - are we in timescale?"), the booked date is what is checked
 * against the answer, so the other is the one counted from.
 */
function anchorDatesIn(text: string, today: LocalDate): { dates: LocalDate[]; booked: boolean } {
  const withoutBooked = text.replace(BOOKED_FOR, ' ');
  const unbooked = datesIn(withoutBooked, today);
  // Nothing booked: the text read again would give the same nothing.
  if (unbooked.length > 0 || withoutBooked === text) return { dates: unbooked, booked: false };
  const dates = datesIn(text, today);
  return { dates, booked: dates.length > 0 };
}

const BOOKED_FOR = /\b(booked|scheduled|planned|arranged|set|pencilled in)( in)? (for|on)\b[^,;.\n]*?(?=[,;.\n]|\s-\s|$)/gi;

/** A question's words past these say nothing more about which rule it means (and a pasted page is not kept). */
const MOST_STEMS = 60;

/**
 * "When is the first CP review conference", "who goes to core group": steps of child protection procedures, which
 * the children in need procedures do not set; "the first CIN meeting after the CP conference" or "is the plan drafted at
 * the CP conference" is still asked of them.
 */
const CHILD_PROTECTION_STEP = /\b(?:child protection|cp)\b(?:[\w ]{0,20})\b(?:conference|core group)s?\b|\b(?:icpc|rcpc|core groups?|strategy (?:meeting|discussion)s?|section 47|s47)\b/;
const IN_NEED = /\bcin\b|\bin need\b|(?<!\b(?:cp|protection) )\bplan\b/;

/** "Can you tell me", "pls let me know": words to the bot, not a family being told or notified. */
const ASKING_THE_BOT = /\b(?:(?:can|could|would|will) you (?:please |pls )?)?(?:please |pls )?(?:tell|let) me(?: know)?\b/g;

/** "Reviews after the first one" are the later ones, not the first. */
const AFTER_THE_FIRST = /\b(after|following|since) the (first|initial|1st)( one| review| meeting| cin review)?\b/g;

/** "Without doing a review first": before something else, not the first of a series. */
const DONE_FIRST = /\b(review|meeting|visit|assessment|plan)s? first\b/g;

/** The asking words want a figure ("how many working days do we have", "how long for minutes to go out"). */
const HOW_LONG = /\bhow (long|many (working |calendar )?(days|weeks|months)|quickly|soon)\b|\bwhat('s| is) the timescale\b/;

/** The asking words want the date from which something applies ("from when must the review be chaired by a TM"). */
const FROM_WHEN = /\bfrom (when|what (date|point|time|stage))\b|\bat what (point|stage)\b|\bafter how long\b|\bhow long (until|till|before) (it|this|that|the \w+) (applies|starts|kicks in)\b|\bwhen does (it|this|that|the \w+ )?(start to apply|kick in|apply|come in)\b/;

/** The date asked for lies before an event. */
const BEFORE = /\bbefore\b|\bahead of\b|\bprior to\b|\bnotice\b|\bin advance\b|\bin time for\b|\bbeforehand\b/;

/**
 * A yes/no question, also after a leading clause of its own ("before i start a cin plan do i need to check for a CAF",
 * "in camden can the health visitor request…").
 */
const YES_NO = /^(do|does|is|are|can|must|should|will|would|could|has|have|am)\b|\b(do|does|can|must|should|will|would|could|have|am) (i|we|you|they|the|a|an|my|our|their)\b/;

/** How the asking words say what kind of answer is wanted; the first that matches wins. */
const ASKED_PATTERNS: readonly (readonly [Asked, RegExp])[] = [
  ['who', /\bwho\b|\bwhos\b|\bwhose\b|\bwhich (person|role|manager)\b/],
  ['threshold', /\beligib|\bthreshold\b|\bqualif|\b(moderate|severe|profound) needs?\b/],
  ['frequency', /\bhow (often|frequently|regularly)\b|\bfrequency\b|\bhow many times\b|\bevery how\b|\bhow frequent\b/],
  ['notice', /\bnotice\b|\bhow (long|many (working )?days|much time|far) (before|ahead|in advance)\b|\bin advance\b/],
  ['contents', /\bwhat ([a-z]+ )?(should|must|does|do|needs? to|has to|goes|go|is|are|to|has)\b.*\b(contain|include|cover|in it|be in|go in|look like|discuss|covered|agenda|record|explore|address|consider|set out|sets out|detail|details|say|says|state|states|show|shows|specify|list)|\bpoints\b|\bagenda\b|\bwhat('?s| is) in\b|\bwhat goes\b|\blength\b|\bwhat (do|does|should|must) (i|we|you|they) (need to |have to |must )?(send|share|give|pass on|provide)\b|\bwhat (should|must) (be )?(the |a )?(cin )?plan\b/],
  ['duration', /\bhow long\b.*\b(in place|last|open|stay|remain|minimum)\b|\bminimum (length|duration|period|time)\b|\bshortest\b/],
  ['whether', /\bwhat (has|have|needs?|must) (to )?(happen|be done)\b|\bwhat do (i|we) (need to|have to|must) do\b|\bwhat needs doing\b|\bwhat (else )?(do|should) (i|we) (do|check)\b|\banything (i|we) (need|have|must) to (do|check)\b|\b(steps|requirements|conditions|checklist|process|procedure|rules?)\b|\bwhat happens\b|\bwhat if\b|\bwhat (does|do|must|should|will) (the |a |an |our |my )?[a-z' ]{1,40}? (need to |have to |has to |must |should )?(do|consider|think about|look at|decide)\b|\b(what|which) age\b|\bhow old\b/],
  // "When is the draft plan drawn up", "when is the next review's date set": the step at which it happens, not a date.
  ['whether', /\bwhen (is|are) (the |a |an )?[\w' ]{0,40}?\b(set|agreed|decided|fixed|drawn up|formulated)$/],
  // "Does the plan need the review date on it": whether an item is in it, which names a date without asking one.
  ['whether', /^(do|does|is|are|can|must|should|will|would|has|have)\b.*\b(on it|in it|on the plan|in the plan|include|included|contain|contained|mention|set out|recorded|written down)\b/],
  ['date', /\bwhen\b|\bdeadline\b|\bdue\b|\bdate\b|\bhow long\b|\bhow many (working )?(days|weeks)\b|\btimescales?\b|\bby what\b|\blatest\b|\bhow (soon|quickly)\b|\bwithin\b|\bby\s*$/],
  ['place', /\bwhere\b/],
  ['manner', /\bhow (do|does|can|could|should|would|will|must|to|is|are)\b/],
  ['whether', YES_NO],
];

/**
 * "Who do the minutes go to", "who gets copies", "who should be at it": who receives or attends, which the rule on
 * sending or holding it says, not a role; nor is it a date because "when" follows ("who gets letters when it closes").
 */
const WHO_RECEIVES = /\bwho(?:'?s)?\s+(?:(?:do|does|should|must|will|is|are|has|have|gets?|needs?)\s+)?(?:(?:they|it|the \w+|\w+)\s+)?(?:go|goes|get|gets|receives?|sent|send|copied|invite|invites|invited|attends?|be at|be there|come|comes|copies|a copy)\b/;

/**
 * "Who writes up and circulates the notes", "who arranges it": who does a step, which the rule on that step says
 * (its responsible person), not a role that chairs or authorises.
 */
const WHO_DOES =
  /\bwho(?:'?s)?\s+(?:(?:is|has|needs?|should|must|will|does|do)\s+)?(?:(?:to|responsible for|meant to|supposed to)\s+)?(?:writes?|writing|types?|circulates?|circulating|sends?|sending|records?|recording|arranges?|arranging|organises?|organising|convenes?|convening|completes?|completing|books?|booking|sets?|updates?|updating|distributes?|does|do)\b/;

/** "Who is the lead professional for…", "who's the key worker": the part whose holder is asked. */
const WHO_IS = /\bwho(?:'?s| is| are| will be)\s+(?:the|a|an|their|his|her|my|our)\s+([a-z ]+?)(?=\s+(?:for|of|on|in|at|to|when|if|now)\b|$)/;

function figuresNamedIn(text: string): { figures?: ReturnType<typeof figuresIn> } {
  const figures = figuresIn(text);
  return figures.length > 0 ? { figures } : {};
}

function roleNamedIn(asking: string): { roleNamed?: readonly string[] } {
  const role = WHO_IS.exec(asking)?.[1];
  const stems = role === undefined ? [] : stemsOf(role);
  return stems.length > 0 ? { roleNamed: stems } : {};
}

function askedIn(asking: string): Asked | undefined {
  if (WHO_RECEIVES.test(asking)) return 'recipients';
  if (WHO_DOES.test(asking)) return 'doer';
  return ASKED_PATTERNS.find(([, pattern]) => pattern.test(asking))?.[0];
}

/** A short choice of two ("sw or tm", "the iro or the manager"). */
const EITHER_OR = /^(?:the |a |an )?[a-z'&]+(?: [a-z'&]+)? or (?:the |a |an )?[a-z'&]+(?: [a-z'&]+)?$/;

/** Words that mark the clause that asks. */
const ASKING_WORDS = /\b(when|whens|how|what|whats|who|whos|which|whose|where|deadline|due|timescales?|latest|notice|often|frequency)\b/;

/**
 * The asking clause ("when do minutes need to go out") and the rest ("plan agreed today"): the last clause
 * with an asking word, else the last that starts like a question, else the whole message.
 */
function clausesOf(text: string): { asking: string; context: string } {
  const clauses: { text: string; asks: boolean }[] = [];
  const pattern = /([^.?!;:\n,]+?)(\?|[.!;:\n]|,\s|\s-\s|$)/g;
  for (let match = pattern.exec(text); match && match[0] !== ''; match = pattern.exec(text)) {
    const clause = (match[1] ?? '').trim();
    if (clause !== '') clauses.push({ text: clause, asks: match[2] === '?' || ASKING_WORDS.test(clause) || /\bby\s*$/.test(clause) });
  }
  // "Who chairs it, TM or SP?": the choice offered at the end belongs to the question before it.
  const last = clauses.at(-1);
  if (last && clauses.length > 1 && EITHER_OR.test(last.text) && !ASKING_WORDS.test(last.text)) {
    clauses.pop();
    const before = clauses.pop();
    if (before) clauses.push({ text: `${before.text} ${last.text}`, asks: true });
  }
  const asking =
    clauses.filter((clause) => clause.asks).at(-1)?.text ?? clauses.filter((clause) => YES_NO.test(clause.text)).at(-1)?.text;
  if (!asking || clauses.length === 1) return { asking: asking ?? text, context: asking ? '' : text };
  return { asking, context: clauses.filter((clause) => clause.text !== asking).map((clause) => clause.text).join(' . ') };
}

/** Each authority's own names put in the common words ("ICINNM" read as "initial network meeting"). */
function inCommonWords(text: string, policies: readonly Policy[]): string {
  let result = text;
  for (const { pattern, words } of authorityTermsOf(policies)) result = result.replace(pattern, (match) => `${match.startsWith(' ') ? ' ' : ''}${words}`);
  return result;
}

const AUTHORITY_TERMS = new WeakMap<Policy, readonly { readonly pattern: RegExp; readonly words: string }[]>();

function authorityTermsOf(policies: readonly Policy[]) {
  return policies.flatMap((policy) => {
    let known = AUTHORITY_TERMS.get(policy);
    if (!known) {
      known = Object.entries(policy.vocabulary?.terms ?? {}).map(([phrase, words]) => ({
        pattern: new RegExp(phrasePattern([normaliseText(phrase)]).source, 'g'),
        words,
      }));
      AUTHORITY_TERMS.set(policy, known);
    }
    return known;
  });
}
