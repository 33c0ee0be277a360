import type { Citation, PlanActionColumn, Policy, Rule } from '../policy/schema.js';

type PlanContentRule = Extract<Rule, { kind: 'plan-content' }>;

/** A part of the plan form and the rules of the procedure that ask for it. */
export interface TemplatePlace {
  readonly label: string;
  readonly rules: readonly { readonly id: string; readonly requires: string; readonly citation: Citation }[];
}

export interface TemplateSection extends TemplatePlace {
  readonly id: string;
}

/** What an authority's CiN plan holds, built from its `plan-content` rules: each place cites the rules behind it. */
export interface PlanTemplate {
  readonly authorityId: string;
  readonly authorityName: string;
  /** Written sections, each required, in the order the procedure lists them. */
  readonly sections: readonly TemplateSection[];
  /** Every action row has these four columns; the label is the authority's word where it has one. */
  readonly columns: Readonly<Record<PlanActionColumn, TemplatePlace>>;
  readonly reviewDate: TemplatePlace;
  /** The most action rows (points) the plan may have, where the procedure sets a limit. */
  readonly pointsLimit?: { readonly max: number; readonly ruleId: string; readonly requires: string };
  /** What the procedure asks of the plan as a whole (SMART, clear language…): shown, not checked field by field. */
  readonly guidance: readonly { readonly ruleId: string; readonly element: string; readonly requires: string; readonly section: string }[];
}

// Where an authority names no column, these are the plain words; the checks are the same for every authority.
const COLUMN_LABELS: Readonly<Record<PlanActionColumn, string>> = {
  action: 'Action',
  owner: 'Who is responsible',
  dueOn: 'By when',
  outcome: 'Outcome',
};

/**
 * The plan template of an authority, from its policy data: sections, action columns and the review date where
 * its rules place them, the point limit, and the rest of its plan-content rules as guidance.
 *
 * @example
 * planTemplateFor(sloughPolicy)
 * //=> { authorityId: 'slough', sections: [{ id: 'contingency-plan', label: 'Contingency plan: …', rules: [ … ] }, …],
 * //     columns: { action: { label: 'Plan point: what will happen', … }, … }, pointsLimit: { max: 8, … }, … }
 */
export function planTemplateFor(policy: Policy): PlanTemplate {
  const contentRules = policy.rules.filter((rule): rule is PlanContentRule => rule.kind === 'plan-content' && rule.topic === 'plan-content');
  const cited = (rule: PlanContentRule) => ({ id: rule.id, requires: rule.requires, citation: rule.citation });
  const sections: TemplateSection[] = [];
  const columns = Object.fromEntries(
    (Object.keys(COLUMN_LABELS) as PlanActionColumn[]).map((column) => [column, { label: COLUMN_LABELS[column], rules: [] as ReturnType<typeof cited>[] }]),
  ) as Record<PlanActionColumn, { label: string; rules: ReturnType<typeof cited>[] }>;
  const reviewDate = { label: 'Date of the next review', rules: [] as ReturnType<typeof cited>[] };
  const guidance: PlanTemplate['guidance'][number][] = [];

  for (const rule of contentRules) {
    const place = rule.form;
    if (place?.kind === 'section') {
      const existing = sections.find((section) => section.id === place.section);
      if (existing) (existing.rules as ReturnType<typeof cited>[]).push(cited(rule));
      else sections.push({ id: place.section, label: place.label, rules: [cited(rule)] });
    } else if (place?.kind === 'action-column') {
      const column = columns[place.column];
      if (column.rules.length === 0) column.label = place.label;
      column.rules.push(cited(rule));
    } else if (place?.kind === 'review-date') {
      reviewDate.label = place.label;
      reviewDate.rules.push(cited(rule));
    } else {
      guidance.push({ ruleId: rule.id, element: rule.element, requires: rule.requires, section: rule.citation.section });
    }
  }
  const limited = contentRules.find((rule) => rule.points !== undefined);
  return {
    authorityId: policy.authority.id,
    authorityName: policy.authority.name,
    sections,
    columns,
    reviewDate,
    ...(limited?.points ? { pointsLimit: { max: limited.points.max, ruleId: limited.id, requires: limited.requires } } : {}),
    guidance,
  };
}
