import type { AdaptiveCardJson } from './adaptive-card-json.js';
import { bindCard } from './bind.js';
import template from './templates/rule-list.json' with { type: 'json' };

/** One rule of the catalogue. `timing` is '' for a rule with no timescale (a role, a condition, a plan's content). */
export interface RuleListEntry {
  readonly requires: string;
  readonly timing: string;
  readonly section: string;
}

/** One authority's rule catalogue, in the document's order. */
export interface RuleListView {
  readonly authorityName: string;
  readonly document: string;
  readonly rules: readonly RuleListEntry[];
}

/**
 * The rule-list card: the rules under their section headings, one line each ("requires: timing").
 * An authority has 40 to 70 rules, so a heading is printed once for each run of rules from the same
 * section rather than on every line: the card stays well under Teams' 28 KB and reads like the document.
 *
 * @example
 * ruleListCard({ authorityName: 'London Borough of Redbridge', document: '1.2.3 Children in Need (amended August 2018)',
 *   rules: [{ requires: 'Convene the initial CiN meeting', timing: 'within 15 working days of the CiN Plan decision',
 *   section: '3. Initial CiN Meetings and Subsequent Reviews' }] })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [ …, { type: 'Container', items: [ heading, rule ] } ] }
 */
export function ruleListCard(view: RuleListView): AdaptiveCardJson {
  return bindCard(template, { authorityName: view.authorityName, document: view.document, sections: sectionsOf(view.rules) });
}

interface SectionOfRules {
  readonly heading: string;
  readonly rules: { readonly requires: string; readonly timing: string; readonly hasTiming: boolean }[];
}

function sectionsOf(rules: readonly RuleListEntry[]): SectionOfRules[] {
  const sections: SectionOfRules[] = [];
  for (const { requires, timing, section } of rules) {
    const line = { requires, timing, hasTiming: timing !== '' };
    const current = sections.at(-1);
    if (current?.heading === section) current.rules.push(line);
    else sections.push({ heading: section, rules: [line] });
  }
  return sections;
}
