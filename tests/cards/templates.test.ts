import { describe, expect, it } from 'vitest';
import { answerCard } from '../../cards/answer-card.js';
import { chooseAuthorityCard } from '../../cards/choose-authority-card.js';
import { whichDidYouMeanCard } from '../../cards/which-did-you-mean-card.js';
import { comparisonCard } from '../../cards/comparison-card.js';
import { notUnderstoodCard } from '../../cards/not-understood-card.js';
import { ruleListCard, type RuleListEntry } from '../../cards/rule-list-card.js';
import { VERBS } from '../../cards/verbs.js';
import { welcomeCard } from '../../cards/welcome-card.js';
import { caseFormCard } from '../../cards/case-form-card.js';
import { deadlineListCard } from '../../cards/deadline-list-card.js';
import { recordEventCard } from '../../cards/record-event-card.js';
import { timelineCard } from '../../cards/timeline-card.js';
import { reminderDigestCard } from '../../cards/reminder-digest-card.js';
import { escalationCard } from '../../cards/escalation-card.js';
import { teamWeekCard } from '../../cards/team-week-card.js';
import { planCompareCard } from '../../cards/plan-compare-card.js';
import { planFormCard } from '../../cards/plan-form-card.js';
import { planReviewCard } from '../../cards/plan-review-card.js';
import { planVersionCard } from '../../cards/plan-version-card.js';
import { noChangeComparison, sloughVersionWithoutCirculationFigure, twelveActionForm, twelveActionReview, twelveActionVersion, twelveChangeComparison } from './plan-sample-views.js';
import { closureApprovalCard } from '../../cards/closure-approval-card.js';
import { closureRequestCard } from '../../cards/closure-request-card.js';
import { approverViewOfRequest, otherViewOfRequest, refusedSloughClosureRequest, requesterViewOfReturned, returnRefusedWithoutComment } from './closure-sample-views.js';
import { objectsIn, objectsOfType, problemsParsing, sizeInBytes, templateFiles, textsIn, type Json } from './card-queries.js';
import {
  brightonVisitFrequencyAnswer,
  chooseAuthorityForMeeting,
  camdenReviewChoices,
  comparisonWithASilentProcedure,
  largeRuleCatalogue,
  notUnderstoodWithNearest,
  notUnderstoodWithNothingNear,
  redbridgeInitialMeetingAnswer,
  reviewFrequencyComparison,
  sloughReviewAnswerWithNotes,
  welcomeOnInstall,
  blankCaseForm,
  refusedCaseForm,
  refusedRecordEvent,
  twelveObligationTimeline,
  emptyTimeline,
  longDeadlineList,
  emptyDeadlineList,
  singleReminderDigest,
  mixedReminderDigest,
  tenReminderDigest,
  overdueEscalation,
  busyTeamWeek,
  quietTeamWeek,
} from './sample-views.js';

/** Teams refuses a message over 28 KB. */
const TEAMS_MESSAGE_LIMIT_BYTES = 28_000;

const BOUND_SAMPLES: readonly { readonly name: string; readonly template: string; readonly card: Json }[] = [
  { name: 'answer: Redbridge initial CiN meeting', template: 'answer.json', card: answerCard(redbridgeInitialMeetingAnswer) },
  { name: 'answer: Slough review, past, with notes and two citations', template: 'answer.json', card: answerCard(sloughReviewAnswerWithNotes) },
  { name: 'answer: Brighton and Hove visiting figure, no working', template: 'answer.json', card: answerCard(brightonVisitFrequencyAnswer) },
  { name: 'choose authority', template: 'choose-authority.json', card: chooseAuthorityCard(chooseAuthorityForMeeting) },
  { name: 'which did you mean: three Camden rules', template: 'which-did-you-mean.json', card: whichDidYouMeanCard(camdenReviewChoices) },
  { name: 'welcome', template: 'welcome.json', card: welcomeCard(welcomeOnInstall) },
  { name: 'not understood, with nearest rules', template: 'not-understood.json', card: notUnderstoodCard(notUnderstoodWithNearest) },
  { name: 'not understood, nothing near', template: 'not-understood.json', card: notUnderstoodCard(notUnderstoodWithNothingNear) },
  { name: 'comparison of review frequency', template: 'comparison.json', card: comparisonCard(reviewFrequencyComparison) },
  { name: 'comparison with a silent procedure', template: 'comparison.json', card: comparisonCard(comparisonWithASilentProcedure) },
  { name: 'rule list of 70 rules', template: 'rule-list.json', card: ruleListCard(largeRuleCatalogue) },
  { name: 'new case form', template: 'case-form.json', card: caseFormCard(blankCaseForm) },
  { name: 'new case form refused, input kept', template: 'case-form.json', card: caseFormCard(refusedCaseForm) },
  { name: 'record event refused, input kept', template: 'record-event.json', card: recordEventCard(refusedRecordEvent) },
  { name: 'timeline with 12 obligations and 12 events', template: 'timeline.json', card: timelineCard(twelveObligationTimeline) },
  { name: 'timeline of a new case', template: 'timeline.json', card: timelineCard(emptyTimeline) },
  { name: 'deadline list of 80 (40 shown)', template: 'deadline-list.json', card: deadlineListCard(longDeadlineList) },
  { name: 'deadline list, nothing due', template: 'deadline-list.json', card: deadlineListCard(emptyDeadlineList) },
  { name: 'reminder digest of one', template: 'reminder-digest.json', card: reminderDigestCard(singleReminderDigest) },
  { name: 'reminder digest: due soon, today, overdue, acknowledged, moved', template: 'reminder-digest.json', card: reminderDigestCard(mixedReminderDigest) },
  { name: 'reminder digest of 10 with long rule words', template: 'reminder-digest.json', card: reminderDigestCard(tenReminderDigest) },
  { name: 'escalation to the manager', template: 'escalation.json', card: escalationCard(overdueEscalation) },
  { name: "manager's weekly card, five overdue", template: 'team-week.json', card: teamWeekCard(busyTeamWeek) },
  { name: "manager's weekly card, nothing overdue", template: 'team-week.json', card: teamWeekCard(quietTeamWeek) },
  ...['redbridge', 'blackburn-with-darwen', 'camden', 'slough', 'brighton-and-hove'].flatMap((authorityId) => [
    { name: `plan form of 12 actions: ${authorityId}`, template: 'plan-form.json', card: planFormCard(twelveActionForm(authorityId, { refused: false })) },
    { name: `plan form of 12 actions refused, every field wrong: ${authorityId}`, template: 'plan-form.json', card: planFormCard(twelveActionForm(authorityId, { refused: true })) },
    { name: `agreed plan of 12 actions: ${authorityId}`, template: 'plan-version.json', card: planVersionCard(twelveActionVersion(authorityId)) },
  ]),
  { name: 'agreed plan where the procedure sets no circulation timescale', template: 'plan-version.json', card: planVersionCard(sloughVersionWithoutCirculationFigure) },
  { name: 'plan versions compared: 12 changes', template: 'plan-compare.json', card: planCompareCard(twelveChangeComparison) },
  { name: 'plan versions compared: nothing changed', template: 'plan-compare.json', card: planCompareCard(noChangeComparison) },
  { name: 'review of a 12-action plan', template: 'plan-review.json', card: planReviewCard(twelveActionReview({ refused: false })) },
  { name: 'review of a 12-action plan refused, input kept', template: 'plan-review.json', card: planReviewCard(twelveActionReview({ refused: true })) },
  { name: 'closure request refused, ticks kept', template: 'closure-request.json', card: closureRequestCard(refusedSloughClosureRequest) },
  { name: 'closure approval: the approver\u2019s view', template: 'closure-approval.json', card: closureApprovalCard(approverViewOfRequest) },
  { name: 'closure approval: return refused without a comment', template: 'closure-approval.json', card: closureApprovalCard(returnRefusedWithoutComment) },
  { name: 'closure approval: returned, as the requester sees it', template: 'closure-approval.json', card: closureApprovalCard(requesterViewOfReturned) },
  { name: 'closure approval: status only, for anyone else', template: 'closure-approval.json', card: closureApprovalCard(otherViewOfRequest) },
];

const TEMPLATES = templateFiles();

describe('card templates', () => {
  it('each has a bound sample below', () => {
    const sampled = new Set(BOUND_SAMPLES.map((sample) => sample.template));
    expect(TEMPLATES.map((file) => file.name).filter((name) => !sampled.has(name))).toEqual([]);
  });

  describe.each(TEMPLATES)('$name', ({ template }) => {
    it('is an Adaptive Card 1.5 with the schema named', () => {
      expect(template).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5' });
    });

    it('uses no templating but ${} bindings, $data and $when', () => {
      const templatingKeys = objectsIn(template).flatMap((object) => Object.keys(object).filter((key) => key.startsWith('$')));
      expect(templatingKeys.filter((key) => !['$schema', '$data', '$when'].includes(key))).toEqual([]);
    });

    it('binds plain names only: no functions or operators in the JSON', () => {
      const bindings = JSON.stringify(template).match(/\$\{[^}]*\}/g) ?? [];
      expect(bindings.filter((binding) => !/^\$\{\$?\w+(\.\w+)*\}$/.test(binding))).toEqual([]);
    });

    it('makes each $when a single view boolean, which bindCard can tell from a broken one', () => {
      const conditions = objectsIn(template).flatMap((object) => ('$when' in object ? [object['$when']] : []));
      expect(conditions.filter((condition) => typeof condition !== 'string' || !/^\$\{\w+\}$/.test(condition))).toEqual([]);
    });

    it('keeps bound text out of TextBlocks, so no view string is read as markdown', () => {
      const boundTextBlocks = objectsOfType(template, 'TextBlock').filter((block) => String(block['text']).includes('${'));
      expect(boundTextBlocks).toEqual([]);
    });

    it('wraps every TextBlock and fixes no column width, so nothing runs off a phone screen', () => {
      expect(objectsOfType(template, 'TextBlock').filter((block) => block['wrap'] !== true)).toEqual([]);
      const widths = objectsOfType(template, 'Column').map((column) => column['width']);
      expect(widths.filter((width) => width !== 'auto' && width !== 'stretch' && typeof width !== 'number')).toEqual([]);
    });

    it('wraps each Action.Execute in an ActionSet, falling back to an Action.Submit with the same title, verb and data', () => {
      // A card's `refresh.action` is no button: Teams runs it itself, and a client without refresh ignores it.
      const { refresh: _refresh, ...buttons } = template;
      const executes = objectsOfType(buttons, 'Action.Execute');
      const inActionSets = objectsOfType(template, 'ActionSet').flatMap((set) => (set['actions'] as Json[]).filter((action) => action['type'] === 'Action.Execute'));
      expect(inActionSets).toHaveLength(executes.length);
      for (const execute of executes) {
        expect(execute['fallback']).toEqual({
          type: 'Action.Submit',
          title: execute['title'],
          data: { verb: execute['verb'], ...(execute['data'] as Json) },
        });
      }
    });
  });
});

describe.each(BOUND_SAMPLES)('bound card: $name', ({ card }) => {
  it('parses and validates with the adaptivecards library', () => {
    expect(problemsParsing(card)).toEqual([]);
  });

  it('is version 1.5, with no binding left', () => {
    expect(card['version']).toBe('1.5');
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it(`stays under Teams' 28 KB`, () => {
    expect(sizeInBytes(card)).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
  });

  it('gives each element id once, and each toggle targets one of them', () => {
    const ids = objectsIn(card).flatMap((object) => (typeof object['id'] === 'string' ? [object['id']] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const targets = objectsOfType(card, 'Action.ToggleVisibility').flatMap((toggle) => toggle['targetElements'] as string[]);
    expect(targets.filter((target) => !ids.includes(target))).toEqual([]);
  });
});

describe('answerCard', () => {
  const redbridge = answerCard(redbridgeInitialMeetingAnswer);
  const slough = answerCard(sloughReviewAnswerWithNotes);
  const brighton = answerCard(brightonVisitFrequencyAnswer);

  it('puts the date near the top, large and bold, after what the question was read as (authority first) and what falls due', () => {
    const [readAs, label, headline] = objectsOfType(redbridge, 'TextRun');
    expect(readAs?.['text']).toBe(redbridgeInitialMeetingAnswer.readAs);
    expect(String(readAs?.['text'])).toMatch(/^Read as: London Borough of Redbridge, /);
    expect(label?.['text']).toBe('Convene the initial CiN meeting that develops the CiN Plan by');
    expect(headline).toMatchObject({ text: 'Monday 30 March 2026', size: 'ExtraLarge', weight: 'Bolder', color: 'Default' });
  });

  it('shows a date already past in the attention colour', () => {
    expect(objectsOfType(slough, 'TextRun').find((run) => run['size'] === 'ExtraLarge')).toMatchObject({
      text: 'Saturday 28 February 2026',
      color: 'Attention',
    });
  });

  it('lists each line of working under "How this was worked out"', () => {
    const texts = textsIn(redbridge);
    const heading = texts.indexOf('How this was worked out');
    expect(heading).toBeGreaterThan(-1);
    expect(texts.filter((text) => text !== '•').slice(heading + 1, heading + 6)).toEqual(redbridgeInitialMeetingAnswer.working);
  });

  it('leaves out the working heading when the answer is a figure with no working', () => {
    expect(textsIn(brighton)).not.toContain('How this was worked out');
  });

  it('shows notes in a warning container, and leaves it out when there are none', () => {
    const [notes, ...others] = objectsOfType(slough, 'Container').filter((container) => container['style'] === 'warning');
    expect(others).toEqual([]);
    expect(textsIn(notes)).toEqual(['Please note', ...sloughReviewAnswerWithNotes.notes]);
    expect(objectsOfType(redbridge, 'Container').filter((container) => container['style'] === 'warning')).toEqual([]);
  });

  it('hides the source behind "Show source": document, section and the quote in italics', () => {
    const [toggle] = objectsOfType(redbridge, 'Action.ToggleVisibility');
    expect(toggle).toMatchObject({ title: 'Show source', targetElements: ['source'] });
    const source = objectsIn(redbridge).find((object) => object['id'] === 'source');
    expect(source?.['isVisible']).toBe(false);
    const [citation] = redbridgeInitialMeetingAnswer.citations;
    expect(textsIn(source)).toEqual([
      `${citation?.authorityName}, ${citation?.document}`,
      `Rule id: ${citation?.ruleId}`,
      citation?.section,
      `\u201c${citation?.quote}\u201d`,
    ]);
    expect(objectsOfType(source, 'TextRun').at(-1)?.['italic']).toBe(true);
  });

  it('cites both passages when the document gives two figures', () => {
    const source = objectsIn(slough).find((object) => object['id'] === 'source');
    const quotes = objectsOfType(source, 'TextRun').filter((run) => run['italic'] === true).map((run) => run['text']);
    expect(quotes).toEqual(sloughReviewAnswerWithNotes.citations.map((citation) => `\u201c${citation.quote}\u201d`));
  });
});

describe('chooseAuthorityCard', () => {
  const card = chooseAuthorityCard(chooseAuthorityForMeeting);

  it('offers one button per authority, each in its own ActionSet so they stack on a phone', () => {
    const actionSets = objectsOfType(card, 'ActionSet');
    expect(actionSets.map((set) => (set['actions'] as Json[]).map((action) => action['title']))).toEqual(
      chooseAuthorityForMeeting.authorities.map((authority) => [authority.name]),
    );
  });

  it('sends the verb with the authority and the question, by Action.Execute or its Action.Submit fallback', () => {
    const { question } = chooseAuthorityForMeeting;
    const executes = objectsOfType(card, 'Action.Execute');
    expect(executes.map((execute) => [execute['verb'], execute['data']])).toEqual(
      chooseAuthorityForMeeting.authorities.map((authority) => [VERBS.chooseAuthority, { authorityId: authority.id, question }]),
    );
    expect(executes.map((execute) => (execute['fallback'] as Json)['data'])).toEqual(
      chooseAuthorityForMeeting.authorities.map((authority) => ({ verb: VERBS.chooseAuthority, authorityId: authority.id, question })),
    );
  });

  it('echoes the question, and leaves out "You asked" when there is none', () => {
    expect(textsIn(card)).toContain(chooseAuthorityForMeeting.question);
    expect(textsIn(chooseAuthorityCard({ ...chooseAuthorityForMeeting, question: '' }))).not.toContain('You asked: ');
  });
});

describe('whichDidYouMeanCard', () => {
  const card = whichDidYouMeanCard(camdenReviewChoices);

  it('asks which was meant, says what was read, and offers each rule in plain words as a button of its own', () => {
    expect(textsIn(card)).toEqual(expect.arrayContaining(['Which did you mean?', camdenReviewChoices.readAs]));
    expect(objectsOfType(card, 'ActionSet').map((set) => (set['actions'] as Json[]).map((action) => action['title']))).toEqual(
      camdenReviewChoices.choices.map((choice) => [choice.title]),
    );
    expect(JSON.stringify(textsIn(card))).not.toMatch(/camden\.[a-z-]+\./);
  });

  it('sends the rule and the authority by Action.Execute or its Action.Submit fallback', () => {
    const executes = objectsOfType(card, 'Action.Execute');
    expect(executes.map((execute) => [execute['verb'], execute['data']])).toEqual(
      camdenReviewChoices.choices.map((choice) => [VERBS.chooseRule, { authorityId: 'camden', ruleId: choice.ruleId }]),
    );
    expect(executes.map((execute) => (execute['fallback'] as Json)['data'])).toEqual(
      camdenReviewChoices.choices.map((choice) => ({ verb: VERBS.chooseRule, authorityId: 'camden', ruleId: choice.ruleId })),
    );
  });
});

describe('answerCard reading', () => {
  const card = answerCard(redbridgeInitialMeetingAnswer);

  it('says first what the question was read as', () => {
    expect(textsIn(card)[0]).toBe(redbridgeInitialMeetingAnswer.readAs);
  });

  it('offers the next best rules behind "Not what you asked?", each answered with the date already given', () => {
    const toggle = objectsOfType(card, 'Action.ToggleVisibility').find((action) => action['title'] === 'Not what you asked?');
    expect(toggle?.['targetElements']).toEqual(['alternatives']);
    const executes = objectsOfType(card, 'Action.Execute');
    expect(executes.map((execute) => [execute['title'], execute['data']])).toEqual(
      redbridgeInitialMeetingAnswer.alternatives.map((alternative) => [alternative.title, { authorityId: 'redbridge', ruleId: alternative.ruleId, anchorDate: '2026-03-09' }]),
    );
  });

  it('shows rule ids only under "Show source", never in the reading text', () => {
    const source = objectsIn(card).find((object) => object['id'] === 'source');
    const outsideSource = objectsIn({ ...card, body: (card['body'] as Json[]).filter((element) => element['id'] !== 'source') });
    const shown = outsideSource.filter((object) => object['type'] === 'TextRun' || object['type'] === 'TextBlock').map((object) => String(object['text']));
    expect(shown.join(' ')).not.toContain('redbridge.initial-meeting.convene');
    expect(textsIn(source)).toContain('Rule id: redbridge.initial-meeting.convene');
  });

  it('leaves out "Not what you asked?" when there is nothing else to offer', () => {
    expect(objectsOfType(answerCard(brightonVisitFrequencyAnswer), 'Action.ToggleVisibility').map((action) => action['title'])).toEqual(['Show source']);
  });
});

describe('welcomeCard', () => {
  it('names every authority, example question, and each group\u2019s commands with an example', () => {
    const texts = textsIn(welcomeCard(welcomeOnInstall));
    const commands = welcomeOnInstall.groups.flatMap((group) => group.commands);
    expect(texts).toEqual(expect.arrayContaining([...welcomeOnInstall.authorities, ...welcomeOnInstall.groups.map((group) => group.title), ...commands.flatMap((entry) => [entry.command, entry.example])]));
    expect(texts).toEqual(expect.arrayContaining(welcomeOnInstall.examples.map((example) => `\u201c${example}\u201d`)));
  });
});

describe('notUnderstoodCard', () => {
  it('lists what the bot can answer and the nearest rules with their authority and timescale, no rule ids', () => {
    const texts = textsIn(notUnderstoodCard(notUnderstoodWithNearest));
    expect(texts).toEqual(expect.arrayContaining([...notUnderstoodWithNearest.canAnswer, 'The nearest rules I know']));
    expect(texts).toEqual(expect.arrayContaining(notUnderstoodWithNearest.nearest.flatMap((rule) => [rule.requires, rule.detail])));
    expect(texts.some((text) => /\b(redbridge|slough)\.[a-z-]+\./.test(text))).toBe(false);
  });

  it('leaves out the nearest rules when there are none', () => {
    expect(textsIn(notUnderstoodCard(notUnderstoodWithNothingNear))).not.toContain('The nearest rules I know');
  });
});

describe('comparisonCard', () => {
  it('gives each authority a row of columns: name beside figure', () => {
    const card = comparisonCard(reviewFrequencyComparison);
    const rows = objectsOfType(card, 'ColumnSet').map((row) => textsIn(row));
    expect(rows).toEqual(reviewFrequencyComparison.rows.map((row) => [row.authorityName, row.figure]));
  });

  it('puts each quote behind its own toggle, with none for a procedure that says nothing', () => {
    const card = comparisonCard(comparisonWithASilentProcedure);
    const targets = objectsOfType(card, 'Action.ToggleVisibility').map((toggle) => toggle['targetElements']);
    expect(targets).toEqual([['quote-0'], ['quote-1'], ['quote-2'], ['quote-3']]);
    const hidden = objectsIn(card).filter((object) => object['isVisible'] === false);
    expect(hidden.map((quote) => textsIn(quote))).toEqual(
      comparisonWithASilentProcedure.rows.filter((row) => row.quote !== '').map((row) => [`\u201c${row.quote}\u201d`]),
    );
  });
});

describe('ruleListCard', () => {
  const card = ruleListCard(largeRuleCatalogue);

  it('lists all 70 rules, each in bold', () => {
    const requirements = objectsOfType(card, 'TextRun').filter((run) => run['weight'] === 'Bolder').map((run) => run['text']);
    expect(requirements).toEqual([largeRuleCatalogue.authorityName, ...largeRuleCatalogue.rules.map((rule) => rule.requires)]);
  });

  it('prints each section heading once, above its rules', () => {
    const headings = [...new Set(largeRuleCatalogue.rules.map((rule) => rule.section))];
    expect(textsIn(card).filter((text) => headings.includes(text))).toEqual(headings);
  });

  it('adds the timing after the rule, and nothing for a rule without one', () => {
    const lineFor = (rule: RuleListEntry | undefined) => objectsOfType(card, 'RichTextBlock').find((block) => textsIn(block)[0] === rule?.requires);
    const [timed, untimed] = [largeRuleCatalogue.rules[0], largeRuleCatalogue.rules[5]];
    expect(untimed?.timing).toBe('');
    expect(textsIn(lineFor(timed))).toEqual([timed?.requires, `: ${timed?.timing}`]);
    expect(textsIn(lineFor(untimed))).toEqual([untimed?.requires]);
  });
});
