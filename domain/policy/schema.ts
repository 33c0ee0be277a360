import { z } from 'zod';
import { EventKindSchema } from '../cases/event-kinds.js';
import { LocalDateSchema } from '../dates/local-date.js';
import { OffsetSchema } from '../timescales/offset.js';

/** What a rule is about, so a question ("when is the next review?") can find it. */
export const TopicSchema = z.enum([
  'initial-meeting',
  'outline-plan',
  'plan-required',
  'plan-circulation',
  'minutes-circulation',
  'first-review',
  'review',
  'review-invitations',
  'review-report',
  'cancelled-review',
  'review-written-report',
  'visit',
  'first-visit',
  'assessment',
  'assessment-update',
  'transfer-in',
  'transfer-out',
  'transfer-between-teams',
  'escalation',
  'supervision-order',
  'plan-duration',
  'chair',
  'authorisation',
  'closure',
  'step-down',
  'plan-content',
  'threshold',
  'meeting-agenda',
]);
export type Topic = z.infer<typeof TopicSchema>;

/** Cases that follow a different route through the procedure; a rule may apply only on, or never on, one. */
export const PathwaySchema = z.enum(['disabled-children', 'direct-payments', 'supervision-order']);
export type Pathway = z.infer<typeof PathwaySchema>;

/** Who a rule falls to, for routing reminders; `words` is how the procedure names them. */
export const ResponsibleSchema = z.strictObject({
  role: z.enum(['worker', 'manager', 'senior-practitioner', 'iro', 'chair']),
  words: z.string().min(3),
});
export type Responsible = z.infer<typeof ResponsibleSchema>;

/** A verbatim sentence (or the part of one that states the rule) and the heading it stands under in the body. */
export const CitationInputSchema = z.strictObject({
  section: z.string().min(1),
  quote: z.string().min(12),
});

const baseRule = {
  /** `<authority>.<topic>.<act>`; stable, since audit rows, logs and tests use it. */
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/),
  topic: TopicSchema,
  /** What must be done, in plain words, as an answer would say it. */
  requires: z.string().min(10),
  citation: CitationInputSchema,
  /** How an ambiguous sentence was read; every answer from the rule repeats it. */
  interpretation: z.string().min(10).optional(),
  /** The rule applies only to cases on this pathway. */
  pathway: PathwaySchema.optional(),
  /** The rule does not apply to cases on this pathway (another rule replaces it there). */
  exceptPathway: PathwaySchema.optional(),
  /** Set by `npm run policy:draft` on every candidate; the loader refuses a policy while any rule keeps it. */
  review: z.literal('needed').optional(),
};

export const ConflictSchema = z.strictObject({
  /** The other rule of the same document that gives a different figure for the same thing. */
  rule: z.string(),
  /** Reminders follow the stricter (earlier) date; answers name both. */
  follow: z.literal('stricter'),
});

export const TimescaleRuleSchema = z.strictObject({
  ...baseRule,
  kind: z.literal('timescale'),
  /** The events the timescale counts from; the latest one recorded on a case is used. */
  anchors: z.array(EventKindSchema).min(1),
  offset: OffsetSchema,
  /** Recurring rules count each time from the last actual occurrence, never from when it was due. */
  recurring: z.boolean(),
  responsible: ResponsibleSchema,
  /** Events that discharge the obligation, when recorded on or after the anchor. */
  fulfilledBy: z.array(EventKindSchema).min(1),
  conflictsWith: ConflictSchema.optional(),
  /**
   * Where the words and the heading name different starting events (Slough: "open for nine months" under "CIN
   * Plans open 9 months plus"), `earliest` counts from the earliest one recorded, the stricter reading.
   */
  anchorChoice: z.literal('earliest').optional(),
  /**
   * What the counted date is. `due` (the default): a deadline. `earliest`: the earliest the step may or should
   * happen ("from day 10", "in place for at least three months"), never a deadline of its own, so no obligation
   * and no reminder. `trigger`: the date from which the rule applies; the obligation is the next occurrence of
   * the rule named in `nextOf` on or after it (Redbridge: after 12 months, the next review is chaired by a Team
   * Manager or Senior Practitioner).
   */
  dateIs: z.enum(['due', 'earliest', 'trigger']).optional(),
  nextOf: z.string().optional(),
  /** `false`: a fact for answers only, with no obligation on a case (Camden's written follow-up to a telephone referral is the referrer's). */
  onCase: z.literal(false).optional(),
});

/**
 * Where a rule sets no figure but names an event it must come before (Brighton and Hove: "in a timely way
 * before the order expires"): that event is the outer limit, the case owes the step by then at the latest, and
 * reminders start `remindWorkingDaysBefore` it, as the rule's interpretation explains.
 */
export const OuterLimitSchema = z.strictObject({
  anchors: z.array(EventKindSchema).min(1),
  responsible: ResponsibleSchema,
  fulfilledBy: z.array(EventKindSchema).min(1),
  remindWorkingDaysBefore: z.array(z.number().int().positive().max(60)).min(1),
});

export const NoFigureSetRuleSchema = z.strictObject({
  ...baseRule,
  kind: z.literal('no-figure-set'),
  /** What the document says instead of a figure. */
  says: z.string().min(10),
  outerLimit: OuterLimitSchema.optional(),
});

export const RoleRuleSchema = z.strictObject({
  ...baseRule,
  kind: z.literal('role'),
  act: z.enum(['chairs', 'authorises', 'arranges', 'endorses', 'oversees', 'decides']),
  who: z.string().min(3),
  /**
   * The requests this rule lets people decide, and which of the case team's roles may. The bot authorises a
   * closure or step-down from this; where no rule of the authority names one, a manager of the team decides.
   */
  approves: z
    .strictObject({
      requests: z.array(z.enum(['closure', 'step-down'])).min(1),
      roles: z.array(z.enum(['manager', 'senior-practitioner'])).min(1),
    })
    .optional(),
});

/** The columns every action row of a plan has; an authority's rules may name them in its own words. */
export const PlanActionColumnSchema = z.enum(['action', 'owner', 'dueOn', 'outcome']);
export type PlanActionColumn = z.infer<typeof PlanActionColumnSchema>;

/**
 * Where the plan form asks for an element: a written section of its own, a column of every action row, or the
 * plan's review date. The label is what the form shows, in the procedure's words.
 */
export const PlanFormPlaceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('section'), section: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), label: z.string().min(3) }),
  z.strictObject({ kind: z.literal('action-column'), column: PlanActionColumnSchema, label: z.string().min(3) }),
  z.strictObject({ kind: z.literal('review-date'), label: z.string().min(3) }),
]);
export type PlanFormPlace = z.infer<typeof PlanFormPlaceSchema>;

export const PlanContentRuleSchema = z.strictObject({
  ...baseRule,
  kind: z.literal('plan-content'),
  /** A short name for the element, e.g. "contingency plan". */
  element: z.string().min(3),
  points: z.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() }).optional(),
  /** Where the plan form asks for it; an element without a place is shown beside the form as what the plan must be. */
  form: PlanFormPlaceSchema.optional(),
});

/** An automatic check the bot can make from a case's events before the worker confirms the rest. */
export const AutoCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event-recorded'), event: EventKindSchema }),
  z.strictObject({ kind: z.literal('in-place-for'), since: EventKindSchema, offset: OffsetSchema }),
  /** Met only by a review whose decision was one of these: a review held that decided to carry on does not count. */
  z.strictObject({ kind: z.literal('review-decided'), decisions: z.array(z.enum(['close', 'step-down'])).min(1) }),
  /** Met by the very authorisation the closure or step-down request asks for. */
  z.strictObject({ kind: z.literal('authorised-by-this-request') }),
]);

export const ConditionRuleSchema = z.strictObject({
  ...baseRule,
  kind: z.literal('condition'),
  appliesTo: z.array(z.enum(['closure', 'step-down', 'transfer-out', 'transfer-in', 'plan-start', 'transfer-between-teams'])).min(1),
  autoCheck: AutoCheckSchema.optional(),
  /**
   * What the worker may confirm instead when the automatic check is not met, where the procedure allows an
   * exception (Slough: a shorter plan with a recorded management decision).
   */
  alternative: z.strictObject({ requires: z.string().min(10), citation: CitationInputSchema }).optional(),
});

export const NeedLevelSchema = z.enum(['none', 'mild', 'moderate', 'severe', 'profound']);
export type NeedLevel = z.infer<typeof NeedLevelSchema>;

export const ThresholdRuleSchema = z.strictObject({
  ...baseRule,
  kind: z.literal('threshold'),
  service: z.string().min(3),
  /** The functions scored; a function the authority does not use is listed in `unscoredFunctions`. */
  functions: z.array(z.string().min(3)).min(1),
  unscoredFunctions: z.array(z.string()),
  /** Eligible when any clause holds: at least `count` functions scored at `level` or above. */
  eligibleWhenAnyOf: z
    .array(z.strictObject({ count: z.number().int().positive(), levelOrAbove: NeedLevelSchema }))
    .min(1),
});

/**
 * The document's own words, for reading questions: the places and adjectives that name the authority
 * ("Hove", "Ilford"), and its names for things, each read as words of the common vocabulary
 * ("ICINNM" as "initial network meeting", "Appletrees" as "disabled children").
 */
export const VocabularySchema = z.strictObject({
  places: z.array(z.string().min(2)),
  terms: z.record(z.string().min(2), z.string().min(2)),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

export const RuleInputSchema = z.discriminatedUnion('kind', [
  TimescaleRuleSchema,
  NoFigureSetRuleSchema,
  RoleRuleSchema,
  PlanContentRuleSchema,
  ConditionRuleSchema,
  ThresholdRuleSchema,
]);
export type RuleInput = z.input<typeof RuleInputSchema>;

export const PolicyInputSchema = z.strictObject({
  authority: z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(3),
    /** Other ways people write the authority's name ("B&H", "LB Redbridge"), for understanding questions. */
    alsoKnownAs: z.array(z.string().min(2)),
  }),
  source: z.strictObject({
    /** The seed file under shared/seeds/ that the rules quote. */
    file: z.string().regex(/^[\w.-]+\.txt$/),
    title: z.string().min(3),
    /** When someone last checked these rules against the source (OpenFisca's last_value_still_valid_on). */
    checkedOn: LocalDateSchema,
    /** The procedure's own date or version, as printed. */
    version: z.string().min(3),
    /** SHA-256 of the seed file's bytes: the exact text the rules were read from. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  rules: z.array(RuleInputSchema).min(1),
  vocabulary: VocabularySchema.optional(),
});
export type PolicyInput = z.input<typeof PolicyInputSchema>;

/** A checked policy: every rule's citation carries the seed file, so a rule can be cited on its own. */
export const PolicySchema = PolicyInputSchema.superRefine((policy, context) => {
  const unreviewed = policy.rules.filter((rule) => rule.review === 'needed').map((rule) => rule.id);
  if (unreviewed.length > 0) {
    context.addIssue({
      code: 'custom',
      path: ['rules'],
      message: `${policy.authority.id}: ${unreviewed.length} rules still marked review: 'needed' (confirm each against the document, then delete the mark): ${unreviewed.join(', ')}`,
    });
  }
  const ids = new Set<string>();
  policy.rules.forEach((rule, index) => {
    if (ids.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `Duplicate rule id ${rule.id}` });
    ids.add(rule.id);
    if (!rule.id.startsWith(`${policy.authority.id}.`)) {
      context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `Rule id must start with ${policy.authority.id}.` });
    }
  });
  policy.rules.forEach((rule, index) => {
    if (rule.kind !== 'timescale' || !rule.conflictsWith) return;
    const other = policy.rules.find((candidate) => candidate.id === rule.conflictsWith?.rule);
    // A pathway's own figure may stand against the general one, which keeps its conflict with its general twin.
    const namedBack = other?.kind === 'timescale' && (other.conflictsWith?.rule === rule.id || (rule.pathway !== undefined && other.pathway === undefined));
    if (other?.kind !== 'timescale' || other.id === rule.id || !namedBack) {
      context.addIssue({
        code: 'custom',
        path: ['rules', index, 'conflictsWith'],
        message: 'A conflict must name another timescale rule that names this one back (or, from a pathway rule, a general rule)',
      });
    }
  });
  policy.rules.forEach((rule, index) => {
    if (rule.kind !== 'timescale') return;
    const next = policy.rules.find((candidate) => candidate.id === rule.nextOf);
    if ((rule.dateIs === 'trigger') !== (rule.nextOf !== undefined) || (rule.nextOf !== undefined && (next?.kind !== 'timescale' || !next.recurring || next.offset.amount === 0 || next.offset.direction !== 'after'))) {
      context.addIssue({
        code: 'custom',
        path: ['rules', index, 'nextOf'],
        message: 'A trigger rule, and only a trigger rule, names the recurring timescale rule (counting forward) whose next occurrence it owes',
      });
    }
  });
}).transform((policy) => ({
  ...policy,
  rules: policy.rules.map((rule) => ({
    ...rule,
    authority: policy.authority.id,
    citation: { file: policy.source.file, ...rule.citation },
  })),
}));

export type Policy = z.output<typeof PolicySchema>;
export type Rule = Policy['rules'][number];
export type TimescaleRule = Extract<Rule, { kind: 'timescale' }>;
export type NoFigureSetRule = Extract<Rule, { kind: 'no-figure-set' }>;
/** A rule that sets no figure but names the event it must come before. */
export type OuterLimitRule = NoFigureSetRule & { readonly outerLimit: z.infer<typeof OuterLimitSchema> };
export type Citation = Rule['citation'];
