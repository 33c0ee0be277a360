import { englandAndWalesCalendar } from '../../domain/calendar/holiday-calendar.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { policyFor } from '../../domain/policy/registry.js';
import type { Policy, Rule, TimescaleRule } from '../../domain/policy/schema.js';
import { dueDate } from '../../domain/timescales/due-date.js';
import type { DueDate } from '../../domain/timescales/working.js';

export const calendar = englandAndWalesCalendar();

export function policyOf(authorityId: string): Policy {
  const policy = policyFor(authorityId);
  if (!policy.ok) throw new Error(`No policy ${authorityId}`);
  return policy.value;
}

export function ruleIn(policy: Policy, ruleId: string): Rule {
  const rule = policy.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  return rule;
}

export function ruleOf(authorityId: string, ruleId: string): Rule {
  return ruleIn(policyOf(authorityId), ruleId);
}

export function timescaleRuleOf(authorityId: string, ruleId: string): TimescaleRule {
  const rule = ruleOf(authorityId, ruleId);
  if (rule.kind !== 'timescale') throw new Error(`${ruleId} is a ${rule.kind} rule, not a timescale`);
  return rule;
}

/** The due date a timescale rule gives from an anchor date, with its working. */
export function dueUnder(authorityId: string, ruleId: string, anchorDate: string): DueDate {
  return dueDate(anchorDate as LocalDate, timescaleRuleOf(authorityId, ruleId).offset, calendar);
}
