import type { Policy } from '../../domain/policy/schema.js';
import { ruleCatalogue } from '../../domain/policy/catalogue.js';
import { answerOn } from '../../domain/questions/answer-on.js';
import { describeTiming } from '../../domain/policy/describe-timing.js';
import { policyFor } from '../../domain/policy/registry.js';
import { comparisonCard } from '../../cards/comparison-card.js';
import { ruleListCard } from '../../cards/rule-list-card.js';
import { welcomeCard } from '../../cards/welcome-card.js';
import type { Asker, Reply } from '../ports.js';
import type { RoleAssignment } from '../store/roles.js';
import { commandsFor } from '../replies/command-guide.js';
import type { CaseContext } from './context.js';
import { authoritiesIn } from '../understanding/authority.js';
import { understand } from '../understanding/understand.js';
import { fitsPathway, rankRules } from '../../domain/questions/rank.js';
import { londonDateOf } from '../../domain/dates/local-date.js';
import { WHAT_I_CAN_ANSWER } from '../replies/command-guide.js';
import type { QuestionContext } from './context.js';

/** A comparison shows an authority's rule only when it fits the question this well (rank.ts's answering floor). */
const LEAST_TO_COMPARE = 3;

const EXAMPLES = [
  'Redbridge: we decided on 3 March that a CiN plan is needed. When is the initial CiN meeting due?',
  'How often do I visit in Slough?',
  'Camden: the last CIN review was on 10 June. When is the next one due?',
  'Who chairs the review in Brighton and Hove?',
];

/**
 * The welcome card (on install and for `help`): the authorities, example questions, and every command the
 * person's roles let them use, grouped, each with an example.
 */
export function welcome(policies: readonly Policy[], roles: readonly RoleAssignment[]): Reply {
  const view = {
    authorities: policies.map((policy) => policy.authority.name),
    examples: EXAMPLES,
    groups: commandsFor(roles),
  };
  const text = [
    'I am CiN Assistant. Ask me about your authority\u2019s Children in Need procedure in plain English; I give the date, how it was worked out, and the source.',
    `I know: ${view.authorities.join(', ')}.`,
    'I can answer:',
    ...WHAT_I_CAN_ANSWER.map((item) => `- ${item}`),
    'Commands you may use:',
    ...view.groups.flatMap((group) => [`${group.title}:`, ...group.commands.map((entry) => `- ${entry.command}: ${entry.description} (e.g. "${entry.example}")`)]),
  ].join('\n');
  return { messages: [{ text, card: welcomeCard(view) }] };
}

/** `help` for the person asking: the commands of their roles. */
export async function welcomeFor(asker: Asker, context: QuestionContext & Pick<CaseContext, 'roles'>): Promise<Reply> {
  return welcome(context.policies, await context.roles.rolesOf(asker.tenantId, asker.userId));
}

export async function setAuthority(name: string, asker: Asker, context: QuestionContext): Promise<Reply> {
  const [authorityId] = authoritiesIn(name, context.policies);
  const found = authorityId === undefined ? undefined : policyFor(authorityId, context.policies);
  if (!found?.ok) {
    const known = context.policies.map((candidate) => candidate.authority.name).join(', ');
    return { messages: [{ text: `I don\u2019t know an authority called "${name.slice(0, 80)}". I know: ${known}.` }] };
  }
  const policy = found.value;
  await context.memory.rememberUserAuthority(asker, policy.authority.id);
  return { messages: [{ text: `Done: I will answer from ${policy.authority.name}\u2019s procedure unless you name another authority.` }] };
}

export async function listRules(name: string, asker: Asker, context: QuestionContext): Promise<Reply> {
  const [named] = authoritiesIn(name, context.policies);
  const authorityId = named ?? (await context.memory.authorityFor(asker));
  const found = authorityId === undefined ? undefined : policyFor(authorityId, context.policies);
  if (!found?.ok) {
    const names = context.policies.map((candidate) => candidate.authority.name).join(', ');
    return { messages: [{ text: `Which authority? Say "rules" and its name, for example "rules Camden". I know: ${names}.` }] };
  }
  const policy = found.value;
  const rules = ruleCatalogue([policy]);
  const view = {
    authorityName: policy.authority.name,
    document: `${policy.source.title} (${policy.source.version})`,
    rules: rules.map((entry) => ({ requires: entry.requires, timing: entry.timing ?? '', section: entry.citation.section })),
  };
  const text = [
    `${policy.authority.name}: ${rules.length} rules from ${view.document}. Run "npm run rules -- --authority ${policy.authority.id}" for the full quotes.`,
    ...view.rules.map((rule) => `- ${rule.requires}${rule.timing ? ` (${rule.timing})` : ''} [${rule.section}]`),
  ].join('\n');
  return { messages: [{ text, card: ruleListCard(view) }] };
}

/** "Compare review frequency across authorities": the same question, read into parts, put to every authority's procedure. */
export function compareAcrossAuthorities(text: string, context: QuestionContext): Reply {
  const asked = text.replace(/\b(compare|comparison|across|authorities|each|every|all)\b/gi, ' ');
  const { question } = understand(/\w/.test(asked) ? asked : 'review frequency', londonDateOf(new Date()), context.policies);
  const compared = { ...question, asksFrequency: question.asksFrequency || /frequenc|often/i.test(text) };
  const bests = context.policies.map((policy) => ({ policy, best: rankRules(policy, compared)[0] }));
  // The topic is the best-fitting rule's across all authorities; an authority whose own best is about something
  // else says nothing on it (Redbridge has no first-visit rule: its initial meeting is not shown instead).
  const topic = [...bests].sort((left, right) => (right.best?.score ?? 0) - (left.best?.score ?? 0))[0]?.best?.rule.topic ?? 'review';
  const rows = bests.map(({ policy, best }) => {
    const fits = best !== undefined && best.score >= LEAST_TO_COMPARE && best.rule.topic === topic && fitsPathway(best.rule, compared);
    const result = fits ? answerOn(policy, compared, context.calendar, best.rule) : undefined;
    const rule = result?.kind === 'rule' || result?.kind === 'needs-date' || result?.kind === 'due-date' ? result.rule : undefined;
    const conflict = result?.kind === 'rule' ? result.conflict : undefined;
    const figure = rule
      ? `${rule.requires}: ${describeTiming(rule) ?? (rule.kind === 'no-figure-set' ? rule.says : rule.requires)}${conflict ? `; the document also says ${describeTiming(conflict)}` : ''}`
      : 'The procedure says nothing on this.';
    return { authorityName: policy.authority.name, figure, section: rule?.citation.section ?? '', quote: rule?.citation.quote ?? '' };
  });
  const title = `Compared across ${context.policies.length} authorities: ${topic.replace(/-/g, ' ')}`;
  const text_ = [title, ...rows.map((row) => `- ${row.authorityName}: ${row.figure}${row.section ? ` [${row.section}]` : ''}`)].join('\n');
  return { messages: [{ text: text_, card: comparisonCard({ title, rows }) }] };
}
