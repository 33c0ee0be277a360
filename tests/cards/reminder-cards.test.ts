import { describe, expect, expectTypeOf, it } from 'vitest';
import { escalationCard, escalationText, type EscalationView } from '../../cards/escalation-card.js';
import { reminderDigestCard, reminderDigestText, reminderStatusWords, snoozeInputId, type ReminderItemView } from '../../cards/reminder-digest-card.js';
import { VERBS } from '../../cards/verbs.js';
import { objectsIn, objectsOfType, sizeInBytes, textsIn, type Json } from './card-queries.js';
import { mixedReminderDigest, overdueEscalation, singleReminderDigest, tenReminderDigest } from './sample-views.js';

const mixed = reminderDigestCard(mixedReminderDigest);
const escalation = escalationCard(overdueEscalation);

/** Each reminder's block of the digest, in order. */
function itemsOf(card: Json): Json[] {
  return objectsOfType(card, 'Container').filter((container) => container['separator'] === true);
}

const buttonsOf = (item: Json) => objectsOfType(item, 'Action.Execute').map((action) => [action['title'], action['verb'], action['data']]);

describe('reminderDigestCard', () => {
  it('carries no initials: the views have no field for them, and no card text looks like them', () => {
    expectTypeOf<ReminderItemView>().not.toHaveProperty('initials');
    expectTypeOf<EscalationView>().not.toHaveProperty('initials');
    for (const card of [mixed, escalation, reminderDigestCard(tenReminderDigest)]) {
      expect(textsIn(card).filter((text) => /\b[A-Z]\.\s?[A-Z]\./.test(text))).toEqual([]);
    }
  });

  it('heads each item with its case reference and status, then what is due and by when', () => {
    const [upcoming] = itemsOf(mixed);
    expect(textsIn(upcoming).slice(0, 4)).toEqual([
      'CIN-2026-0142 \u00b7 ',
      'Due in 5 working days',
      'Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations, by ',
      'Tuesday 17 March 2026',
    ]);
  });

  it('words the status as due in working days, due today or overdue since the due date, overdue in the attention colour', () => {
    const statusRuns = itemsOf(mixed).map((item) => objectsOfType(item, 'TextRun')[1]);
    expect(statusRuns.map((run) => [run?.['text'], run?.['color']])).toEqual([
      ['Due in 5 working days', 'Default'],
      ['Due today', 'Default'],
      ['Overdue since Friday 6 March 2026', 'Attention'],
      ['Due in 5 working days', 'Default'],
      ['Due in 5 working days', 'Default'],
    ]);
    expect(reminderStatusWords({ kind: 'upcoming', workingDaysLeft: 1 }, 'Friday 13 March 2026')).toBe('Due in 1 working day');
  });

  it('cites the section (the rule id is not reading text), and gives each item a toggle that shows its own quote', () => {
    const items = itemsOf(mixed);
    expect(items.map((item) => textsIn(item)[4])).toEqual(mixedReminderDigest.items.map((item) => `Source: ${item.section}`));
    const toggles = objectsOfType(mixed, 'Action.ToggleVisibility').map((toggle) => toggle['targetElements']);
    expect(toggles).toEqual(mixedReminderDigest.items.map((item) => [`quote-${item.outboxId}`]));
    for (const [index, item] of items.entries()) {
      const [target] = toggles[index] as string[];
      const quote = objectsIn(item).find((object) => object['id'] === target);
      expect(quote?.['isVisible']).toBe(false);
      expect(textsIn(quote)).toEqual([`\u201c${mixedReminderDigest.items[index]?.quote}\u201d`]);
    }
  });

  it('offers record, acknowledge, a snooze date and open case, each sending its verb and the outbox id or case reference', () => {
    const [upcoming] = itemsOf(mixed);
    expect(buttonsOf(upcoming as Json)).toEqual([
      ['Record it done', VERBS.recordReminderDone, { outboxId: '4711' }],
      ['Acknowledge', VERBS.acknowledgeReminder, { outboxId: '4711' }],
      ['Snooze', VERBS.snoozeReminder, { outboxId: '4711' }],
      ['Open case', VERBS.openCase, { caseReference: 'CIN-2026-0142' }],
    ]);
    expect(objectsOfType(upcoming, 'Input.Date')).toEqual([
      { type: 'Input.Date', id: 'snooze-4711', label: 'Snooze until', min: '2026-03-11', max: '2026-03-16' },
    ]);
  });

  it('gives each snooze input an id of its own, and none to an item with no working day left before it is due', () => {
    const ids = objectsOfType(mixed, 'Input.Date').map((input) => input['id']);
    expect(ids).toEqual([snoozeInputId('4711'), snoozeInputId('4714')]);
    const tenIds = objectsOfType(reminderDigestCard(tenReminderDigest), 'Input.Date').map((input) => input['id']);
    expect(new Set(tenIds).size).toBe(10);
  });

  it('says when the reminder was acknowledged, and stops offering to acknowledge it', () => {
    const acknowledged = itemsOf(mixed)[3] as Json;
    expect(textsIn(acknowledged)).toContain('Acknowledged by you at 09:14 on Tuesday 10 March 2026.');
    expect(buttonsOf(acknowledged).map(([title]) => title)).toEqual(['Record it done', 'Snooze', 'Open case']);
    expect(textsIn(itemsOf(mixed)[0])).not.toContain(expect.stringMatching(/^Acknowledged/));
  });

  it('says when the case has moved to another worker, and offers nothing more', () => {
    const moved = itemsOf(mixed)[4] as Json;
    expect(textsIn(moved)).toContain('This case has moved to another worker; nothing more to do here.');
    expect(buttonsOf(moved)).toEqual([]);
    expect(objectsOfType(moved, 'Input.Date')).toEqual([]);
    expect(itemsOf(mixed).slice(0, 4).flatMap((item) => textsIn(item))).not.toContain('This case has moved to another worker; nothing more to do here.');
  });

  it('counts the reminders in the heading, one as a digest of one', () => {
    expect(textsIn(reminderDigestCard(singleReminderDigest)).slice(0, 2)).toEqual(['Reminders for Tuesday 10 March 2026', '1 reminder']);
    expect(textsIn(mixed)[1]).toBe('5 reminders');
  });

  it(`keeps ten reminders of the longest rule, every button showing, under Teams' 28 KB`, () => {
    const card = reminderDigestCard(tenReminderDigest);
    expect(itemsOf(card)).toHaveLength(10);
    expect(objectsOfType(card, 'Action.Execute')).toHaveLength(40);
    expect(sizeInBytes(card)).toBeLessThan(28_000);
  });
});

describe('reminderDigestText', () => {
  it('names each case reference, what is due, its date and status, one line each', () => {
    expect(reminderDigestText(mixedReminderDigest).split('\n')).toEqual([
      'Reminders for Tuesday 10 March 2026 (5 reminders):',
      '- CIN-2026-0142: Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations, due by Tuesday 17 March 2026 (Due in 5 working days).',
      '- CIN-2026-0007: Hold the next CIN review meeting, due by Tuesday 10 March 2026 (Due today).',
      '- CIN-2025-0931: Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations, due by Friday 6 March 2026 (Overdue since Friday 6 March 2026).',
      '- CIN-2026-0150: Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations, due by Tuesday 17 March 2026 (Due in 5 working days; acknowledged at 09:14 on Tuesday 10 March 2026).',
      '- CIN-2026-0151: Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations, due by Tuesday 17 March 2026 (Due in 5 working days; the case has moved to another worker).',
    ]);
  });
});

describe('escalationCard', () => {
  it('names the case, the worker, the overdue item, its date, how far overdue in the attention colour, and the rule', () => {
    expect(textsIn(escalation)).toEqual([
      'Overdue and not acknowledged',
      'CIN-2025-0931',
      'Allocated worker: ',
      '3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c',
      overdueEscalation.requires,
      'Due by ',
      'Friday 6 March 2026',
      ' \u00b7 ',
      '2 working days overdue',
      'Source: 9 The child in need plan',
    ]);
    expect(objectsOfType(escalation, 'TextRun').find((run) => run['text'] === '2 working days overdue')?.['color']).toBe('Attention');
    expect(textsIn(escalationCard({ ...overdueEscalation, workingDaysOverdue: 1 }))).toContain('1 working day overdue');
  });

  it('opens the case', () => {
    expect(buttonsOf(escalation)).toEqual([['Open case', VERBS.openCase, { caseReference: 'CIN-2025-0931' }]]);
  });
});

describe('escalationText', () => {
  it('names the case reference, worker, item, due date and days overdue', () => {
    expect(escalationText(overdueEscalation)).toBe(
      'Overdue and not acknowledged: CIN-2025-0931 (allocated worker: 3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c). ' +
        'Hold the initial CIN review meeting, where the full CIN plan is developed from the assessment\u2019s recommendations, due by Friday 6 March 2026, ' +
        '2 working days overdue (9 The child in need plan).',
    );
  });
});
