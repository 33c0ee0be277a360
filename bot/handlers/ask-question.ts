import { eventKindWords } from '../../domain/cases/event-kinds.js';
import { formatLongDate, londonDateOf, type LocalDate } from '../../domain/dates/local-date.js';
import { describeTiming } from '../../domain/policy/describe-timing.js';
import { policyFor } from '../../domain/policy/registry.js';
import type { Policy, Rule } from '../../domain/policy/schema.js';
import { answerOn } from '../../domain/questions/answer-on.js';
import type { Question } from '../../domain/questions/question.js';
import { noFigureFor } from '../../domain/questions/no-figure.js';
import { decide, rankRules } from '../../domain/questions/rank.js';
import { functionalNeedsEligibility } from '../../domain/thresholds/functional-needs.js';
import { answerCard } from '../../cards/answer-card.js';
import { chooseAuthorityCard } from '../../cards/choose-authority-card.js';
import { notUnderstoodCard } from '../../cards/not-understood-card.js';
import { whichDidYouMeanCard } from '../../cards/which-did-you-mean-card.js';
import type { Asker, OutgoingMessage, PendingQuestion, Reply } from '../ports.js';
import { scoresIn } from '../understanding/functional-needs.js';
import { understand } from '../understanding/understand.js';
import { answerText, choiceTitle, dueDateView, noFigureView, outerLimitView, ruleView, type Reading } from '../replies/answer-reply.js';
import { WHAT_I_CAN_ANSWER } from '../replies/command-guide.js';
import type { QuestionContext } from './context.js';

/**
 * Answers a procedural question, or asks for the one thing missing (which authority, which date, which of the
 * rules that fit about as well) and remembers the half-asked question so that the next message or the button
 * pressed completes it.
 */
export async function askQuestion(text: string, receivedAt: Date, asker: Asker, context: QuestionContext): Promise<Reply> {
  const today = londonDateOf(receivedAt);
  const understood = understand(text, today, context.policies);
  // Taken, not just read: whatever this message turns out to be, the half-asked question is answered or replaced.
  const pending = await context.memory.takePendingQuestion(asker, receivedAt);
  if (understood.asksAChildProtectionStep) return { messages: [{ text: CHILD_PROTECTION_STEP_REPLY }] };
  const question = completing(pending, understood.question);
  const named = understood.authorityIds;
  const authorityId =
    named.length === 1 ? named[0] : named.length === 0 ? (pending?.authorityId ?? (await context.memory.authorityFor(asker))) : undefined;

  if (!saysWhatItAsks(question) && !(pending && question.anchorDate)) return notUnderstood(text, authorityId, context);
  if (!authorityId) {
    await context.memory.rememberPendingQuestion(asker, { missing: 'authority', question }, receivedAt);
    return askWhichAuthority(context.policies, named.length > 1 ? 'Your message names more than one authority.' : undefined);
  }
  const policy = policyFor(authorityId, context.policies);
  if (!policy.ok) return { messages: [{ text: `I do not know the procedure of "${authorityId}".` }] };
  return answer(policy.value, question, text, today, asker, receivedAt, context);
}

/**
 * A button of "Which did you mean?" or "Not what you asked?": answers the rule chosen with what the question
 * gave (its date, its events), from the half-asked question when it is still remembered, else from the button.
 */
export async function answerChosenRule(
  chosen: { readonly authorityId: string; readonly ruleId: string; readonly anchorDate?: LocalDate | undefined },
  receivedAt: Date,
  asker: Asker,
  context: QuestionContext,
): Promise<Reply> {
  const found = policyFor(chosen.authorityId, context.policies);
  const policy = found.ok ? found.value : undefined;
  if (!policy?.rules.some((rule) => rule.id === chosen.ruleId)) return { messages: [{ text: 'That rule is not one I know. Please ask the question again.' }] };
  const pending = await context.memory.takePendingQuestion(asker, receivedAt);
  const remembered = pending?.missing === 'rule' && pending.authorityId === chosen.authorityId ? pending.question : undefined;
  const question: Question = {
    ...(remembered ?? { events: [], asksFrequency: false }),
    ...(chosen.anchorDate && !remembered?.anchorDate ? { anchorDate: chosen.anchorDate } : {}),
    ruleId: chosen.ruleId,
  };
  return answer(policy, question, '', londonDateOf(receivedAt), asker, receivedAt, context);
}

async function answer(
  policy: Policy,
  question: Question,
  text: string,
  today: LocalDate,
  asker: Asker,
  receivedAt: Date,
  context: QuestionContext,
): Promise<Reply> {
  const ranking = rankRules(policy, question);
  const decision = decide(policy, ranking, question);
  // Asked when something is due that the document sets no figure for: say so, rather than ask back or give another rule's date.
  const noFigure = noFigureFor(policy, ranking, decision, question);
  if (noFigure) {
    const cited = new Set(noFigure.rules.map((rule) => rule.id));
    return cardReply(
      noFigureView(policy, noFigure, {
        alternatives: ranking.filter((ranked) => !cited.has(ranked.rule.id) && ranked.score > 0).slice(0, 3).map((ranked) => ranked.rule),
        ...(question.anchorDate ? { anchorDate: question.anchorDate } : {}),
        givenEvents: question.events,
      }),
    );
  }
  if (decision.kind === 'none') return notUnderstood(text, policy.authority.id, context);
  if (decision.kind === 'ask') {
    await context.memory.rememberPendingQuestion(asker, { missing: 'rule', authorityId: policy.authority.id, question }, receivedAt);
    return whichDidYouMean(policy, decision.choices, question);
  }
  const [main] = decision.rules;
  if (!main) return notUnderstood(text, policy.authority.id, context);
  const reading = (understood: string): Reading => ({
    understood,
    alternatives: decision.alternatives,
    ...(question.anchorDate ? { anchorDate: question.anchorDate } : {}),
    givenEvents: question.events,
  });
  if (main.kind === 'threshold') return thresholdAnswer(policy, main, text, reading(lowerFirst(main.requires)));
  if (decision.rules.length > 1) return cardReply(ruleView(policy, decision.rules, reading(`what the procedure sets out: ${lowerFirst(main.requires)}`)));
  const result = answerOn(policy, question, context.calendar, main);
  switch (result.kind) {
    case 'due-date':
      return cardReply(dueDateView(policy, result, today, reading(`${lowerFirst(main.requires)}, counted from ${formatLongDate(result.due.working.anchorDate)}`)));
    case 'rule':
      return cardReply(ruleView(policy, [result.rule], reading(lowerFirst(result.rule.requires)), result.conflict));
    case 'outer-limit':
      return cardReply(outerLimitView(policy, result, today, reading(`${lowerFirst(result.rule.requires)}: the outer limit, ${formatLongDate(result.limit.dueOn)}`)));
    case 'needs-date': {
      await context.memory.rememberPendingQuestion(asker, { missing: 'date', authorityId: policy.authority.id, question: { ...question, ruleId: main.id } }, receivedAt);
      const anchor = result.rule.anchors.map(eventKindWords).join(' or ');
      return {
        messages: [
          {
            text:
              `In ${policy.authority.name}: ${lowerFirst(result.rule.requires)}, ${describeTiming(result.rule)}. ` +
              `What was the date of ${anchor}? (For example "3 March 2026" or "yesterday".)`,
          },
        ],
      };
    }
    case 'no-match':
      return notUnderstood(text, policy.authority.id, context);
  }
}

/** No date or rule of another procedure is given in its place: a wrong date is worse than none. */
const CHILD_PROTECTION_STEP_REPLY =
  'That is a child protection step (a conference, a core group or a strategy discussion). The children in need procedures I know do not set it, so I will not give a date: please check your child protection procedures.';

/** Whether a message says anything a rule could be about (else it is not a question the bot can place). */
function saysWhatItAsks(question: Question): boolean {
  return question.ruleId !== undefined || (question.askTerms?.length ?? 0) > 0 || (question.contextTerms?.length ?? 0) > 0;
}

function whichDidYouMean(policy: Policy, choices: readonly Rule[], question: Question): Reply {
  const given = question.anchorDate ? `, the date you gave: ${formatLongDate(question.anchorDate)}` : '';
  const titles = choices.map((rule) => ({ ruleId: rule.id, title: choiceTitle(rule) }));
  return {
    messages: [
      {
        text: `Which did you mean? ${titles.map((choice, index) => `(${index + 1}) ${choice.title}`).join(' ')}`,
        card: whichDidYouMeanCard({ authorityId: policy.authority.id, readAs: `Read as: ${policy.authority.name}${given}`, choices: titles }),
      },
    ],
  };
}

function thresholdAnswer(policy: Policy, rule: Extract<Rule, { kind: 'threshold' }>, text: string, reading: Reading): Reply {
  const scores = scoresIn(text, rule.functions);
  const view = ruleView(policy, [rule], reading);
  if (Object.keys(scores).length === 0) return cardReply(view);
  const result = functionalNeedsEligibility(scores, rule);
  if (!result.ok) return cardReply(view);
  return cardReply({
    ...view,
    headlineLabel: `${rule.service}: threshold`,
    headline: result.value.eligible ? 'Meets the threshold' : 'Does not meet the threshold',
    ruleInWords: `${result.value.reason}`,
    working: Object.entries(scores).map(([name, level]) => `${name}: ${level}`),
  });
}

function cardReply(view: Parameters<typeof answerCard>[0]): Reply {
  const message: OutgoingMessage = { text: answerText(view), card: answerCard(view) };
  return { messages: [message] };
}

function askWhichAuthority(policies: readonly Policy[], reason?: string): Reply {
  const prompt = `${reason ? `${reason} ` : ''}Which authority\u2019s procedure should I use?`;
  const names = policies.map((policy) => policy.authority.name).join(', ');
  return {
    messages: [
      {
        text: `${prompt} I know ${names}. Reply with its name, or "set authority <name>" to remember it.`,
        card: chooseAuthorityCard({
          prompt,
          question: '',
          authorities: policies.map((policy) => ({ id: policy.authority.id, name: policy.authority.name })),
        }),
      },
    ],
  };
}

function notUnderstood(text: string, authorityId: string | undefined, context: QuestionContext): Reply {
  const nearest = context.nearestRules(text, authorityId, 3);
  return {
    messages: [
      {
        // One line; what the bot can answer and the nearest rules are on the card only (issue 14, item 6).
        text: `I could not place that question, so I will not guess: the card lists what I can answer${nearest.length > 0 ? ' and the nearest rules I know' : ''}.`,
        card: notUnderstoodCard({
          canAnswer: WHAT_I_CAN_ANSWER,
          nearest: nearest.map((entry) => ({ requires: entry.requires, detail: entry.timing ? `${entry.authorityName} \u00b7 ${entry.timing}` : entry.authorityName })),
        }),
      },
    ],
  };
}

/**
 * A follow-up ("it was 3 March", "Camden") fills in what the pending question lacked; a choice typed in words
 * after "Which did you mean?" ("the invitations") keeps the date and events the question gave.
 */
function completing(pending: PendingQuestion | undefined, latest: Question): Question {
  if (!pending) return latest;
  const earlier = pending.question;
  const addsOnlyDetail = (latest.askTerms?.length ?? 0) === 0 && latest.asked === undefined;
  if (addsOnlyDetail) {
    // The date given now is the one asked for: the question's earlier dates, each for another event, no longer stand.
    const { severalDates: _severalDates, datedEvents: _datedEvents, ...undated } = earlier;
    return {
      ...(latest.anchorDate ? undated : earlier),
      ...(latest.anchorDate ? { anchorDate: latest.anchorDate } : {}),
      events: latest.events.length > 0 ? latest.events : earlier.events,
      ...(latest.pathway ? { pathway: latest.pathway } : {}),
    };
  }
  if (pending.missing !== 'rule' || latest.anchorDate) return latest;
  return {
    ...latest,
    ...(earlier.anchorDate ? { anchorDate: earlier.anchorDate } : {}),
    events: latest.events.length > 0 ? latest.events : earlier.events,
    before: latest.before === true || earlier.before === true,
    ...(latest.pathway ?? earlier.pathway ? { pathway: latest.pathway ?? earlier.pathway } : {}),
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
