import type { EventKind } from '../../domain/cases/event-kinds.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import type { Policy } from '../../domain/policy/schema.js';
import { authoritiesIn } from './authority.js';
import { datesIn } from './dates.js';
import { normaliseText } from './normalise.js';

/** "record assessment completed 2 March for AB12", "visit yesterday for AB12": the event, its dates, the case. */
export interface RecordRequest {
  readonly caseReference: string;
  /** Undefined when the words name no event the bot knows; the record card then asks. */
  readonly kind?: EventKind;
  readonly dates: readonly LocalDate[];
  /** "Family moved to Camden": the authority named, to tell a move in from a move out. */
  readonly movedTo?: string;
}

/** The words for each event a worker records, most specific first. */
const EVENT_WORDS: readonly (readonly [EventKind, RegExp])[] = [
  ['review-cancelled', /\bcancel/],
  ['review-booked', /\b(review|meeting)\b.*\b(booked|scheduled|arranged)\b|\bbook(ed)? (the |a )?(review|meeting)\b/],
  ['oversight-review-held', /\boversight\b|\b(senior|manager)[- ]chaired\b/],
  ['reflective-supervision-held', /\breflective\b|\bcase supervision\b/],
  ['supervision-order-made', /\bsupervision order\b/],
  ['transfer-meeting-held', /\btransfer (in )?meeting\b/],
  ['invitations-sent', /\binvit/],
  ['minutes-circulated', /\bminutes\b|\breview (form|record)\b.*\b(sent|circulated|distributed)\b/],
  ['plan-circulated', /\bplan\b.*\b(circulated|sent out|distributed|shared)\b|\b(circulated|sent out|distributed) (the )?plan\b/],
  ['report-shared', /\breport\b.*\b(shared|sent|given)\b/],
  ['assessment-updated', /\bassessment updated\b|\bupdated (the )?assessment\b/],
  ['assessment-completed', /\bassessment\b.*\b(completed|complete|finished|authori[sz]ed|signed off|done)\b|\bcomplet\w* (the )?(child and family )?assessment\b/],
  ['assessment-started', /\bassessment\b.*\b(started|start|began|begun|opened|commenced)\b|\bstart\w* (the )?(child and family )?assessment\b/],
  ['outline-plan-completed', /\boutline plan\b/],
  ['cp-plan-ended', /\bchild protection plan\b.*\b(ended|closed)\b|\bstep(ped)? down from child protection\b/],
  ['returned-from-care', /\breturn\w* (home )?(from care)?\b.*\bcare\b|\breturned home\b|\bleft care\b/],
  ['plan-closed', /\b(plan|case)\b.*\b(closed|ended)\b|\bclos(ed|ure)\b/],
  ['plan-decision', /\bdecided\b|\bdecision\b/],
  ['plan-started', /\bplan\b.*\b(started|agreed|began|begun|established|in place)\b|\bplan start/],
  ['initial-meeting-held', /\b(initial|first)\b.*\bmeeting\b|\bintervention planning\b/],
  ['review-held', /\breview\b|\bnetwork meeting\b|\bcin meeting\b/],
  ['visit-made', /\bvisit/],
  ['referral-received', /\breferr/],
  ['case-opened', /\b(case )?opened\b/],
  ['moved-in', /\bmoved (in|into)\b|\bbecame resident\b|\barrived\b/],
  ['moved-out', /\bmoved (out|away|to)\b|\bmoving (out|away|to)\b|\bleft the (area|borough)\b/],
];

/** `... for <REF>` at the end: a case reference has letters or digits and at least one digit. */
const FOR_CASE = /^(?:record\s+)?(.+?)\s+for\s+(?:case\s+)?([a-z0-9][a-z0-9/-]{1,30})\s*[.!]?$/i;
const QUESTION_START = /^(when|how|what|who|which|by when|do|does|is|are|should|must|can|could|would|will)\b/i;

/**
 * Reads a message as a request to record something on a case, or undefined when it is not one (a question,
 * which goes to the question handler instead). Messages that start with "record" always are.
 *
 * @example
 * recordRequestIn('record assessment completed 2 March for AB12', '2026-03-10', POLICIES)
 * //=> { caseReference: 'AB12', kind: 'assessment-completed', dates: ['2026-03-02'] }
 */
export function recordRequestIn(text: string, today: LocalDate, policies: readonly Policy[]): RecordRequest | undefined {
  const trimmed = text.trim();
  const match = FOR_CASE.exec(trimmed);
  const startsWithRecord = /^record\b/i.test(trimmed);
  if (!match || !/\d/.test(match[2] ?? '')) return undefined;
  if (!startsWithRecord && (trimmed.includes('?') || QUESTION_START.test(trimmed))) return undefined;
  const words = match[1] ?? '';
  const normalised = normaliseText(words);
  const kind = EVENT_WORDS.find(([, pattern]) => pattern.test(normalised))?.[0];
  if (!startsWithRecord && kind === undefined) return undefined;
  const [movedTo] = kind === 'moved-out' || kind === 'moved-in' ? authoritiesIn(words, policies) : [];
  return {
    caseReference: (match[2] ?? '').toUpperCase(),
    ...(kind ? { kind } : {}),
    dates: datesIn(words, today),
    ...(movedTo ? { movedTo } : {}),
  };
}
