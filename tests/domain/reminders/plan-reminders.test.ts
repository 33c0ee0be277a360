import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../domain/calendar/add-calendar-days.js';
import { isWorkingDay } from '../../../domain/calendar/is-working-day.js';
import type { CaseEvent, CaseFile } from '../../../domain/cases/case-events.js';
import { obligationsOn, type Obligation, type ObligationStatus } from '../../../domain/cases/timeline.js';
import { compareLocalDates, type LocalDate } from '../../../domain/dates/local-date.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Responsible } from '../../../domain/policy/schema.js';
import {
  planReminders,
  REMINDER_DEFAULTS,
  ReminderSettingsSchema,
  remindersToSendOn,
  type ReminderIntent,
  type ReminderSettings,
} from '../../../domain/reminders/plan-reminders.js';
import { reminderKeyFor } from '../../../domain/reminders/reminder-key.js';
import { aLocalDate } from '../../helpers/arbitraries.js';
import { calendar } from '../../helpers/policy.js';

const on = (date: string) => date as LocalDate;

/** Only the fields the planner reads matter; the rest are filled so the type is whole. */
function anObligation(dueOn: string, role: Responsible['role'] = 'worker', status: ObligationStatus = 'upcoming'): Obligation {
  return {
    ruleId: 'redbridge.initial-meeting.convene',
    topic: 'initial-meeting',
    requires: 'Convene the meeting that develops the CiN Plan',
    responsible: { role, words: 'the allocated social worker' },
    recurring: false,
    anchor: { event: 'plan-decision', date: on('2026-01-05') },
    dueOn: on(dueOn),
    status,
    working: {
      anchorDate: on('2026-01-05'),
      offset: { unit: 'workingDays', amount: 15, direction: 'after' },
      calendar: calendar.name,
      method: 'working days',
      skippedHolidays: [],
      landing: { kind: 'working-day' },
    },
    citation: { file: '000_382254547a6d8ff5.txt', section: '3', quote: 'should be convened within 15 working days' },
  };
}

const plan = (obligations: Obligation[], until: string, settings?: ReminderSettings) =>
  planReminders(obligations, on(until), calendar, settings).map(({ kind, sendOn, recipient }) => `${kind} ${sendOn} ${recipient}`);

describe('planReminders', () => {
  it('uses the issue’s defaults: 5 working days before, on the day, overdue weekly, the manager after 2', () => {
    expect(REMINDER_DEFAULTS).toEqual({ leadWorkingDays: [5, 0], overdueRepeatDays: 7, escalateAfterWorkingDays: 2 });
    expect(ReminderSettingsSchema.parse(REMINDER_DEFAULTS)).toEqual(REMINDER_DEFAULTS);
  });

  it('counts the 5 working days back across Easter 2026 for a due date of Thursday 9 April', () => {
    // Back from Thu 9 Apr: Wed 8 (1), Tue 7 (2), [Mon 6 Easter Monday, Sun 5, Sat 4, Fri 3 Good Friday],
    // Thu 2 (3), Wed 1 (4), Tue 31 Mar (5). Overdue from Fri 10 Apr, then Fri 17, Fri 24.
    // Escalation: Fri 10 (1), Mon 13 (2).
    expect(plan([anObligation('2026-04-09')], '2026-04-24')).toEqual([
      'before-due 2026-03-31 worker',
      'due-today 2026-04-09 worker',
      'overdue 2026-04-10 worker',
      'escalation 2026-04-13 manager',
      'overdue 2026-04-17 worker',
      'overdue 2026-04-24 worker',
    ]);
  });

  it('a due date on Easter Monday 6 April 2026 is reminded on Maundy Thursday, overdue from Tuesday 7', () => {
    // Last working day on or before Mon 6 Apr: Thu 2 Apr. Back 5 from Thu 2: Wed 1, Tue 31, Mon 30, Fri 27, Thu 26 Mar.
    // Next working day after Mon 6: Tue 7 (overdue); Tue 7 (1), Wed 8 (2): escalation.
    expect(plan([anObligation('2026-04-06')], '2026-04-08')).toEqual([
      'before-due 2026-03-26 worker',
      'due-today 2026-04-02 worker',
      'overdue 2026-04-07 worker',
      'escalation 2026-04-08 manager',
    ]);
  });

  it('counts across Christmas 2026 and New Year for a due date of Thursday 31 December', () => {
    // Back from Thu 31 Dec: Wed 30 (1), Tue 29 (2), [Mon 28 Boxing Day substitute, Sun 27, Sat 26, Fri 25 Christmas],
    // Thu 24 (3), Wed 23 (4), Tue 22 (5). After Thu 31: [Fri 1 Jan New Year's Day, Sat 2, Sun 3] Mon 4 Jan (overdue),
    // Mon 4 (1), Tue 5 (2): escalation. Weekly: Mon 11 Jan.
    expect(plan([anObligation('2026-12-31')], '2027-01-11')).toEqual([
      'before-due 2026-12-22 worker',
      'due-today 2026-12-31 worker',
      'overdue 2027-01-04 worker',
      'escalation 2027-01-05 manager',
      'overdue 2027-01-11 worker',
    ]);
  });

  it('weekly overdue reminders that fall on Christmas Day and New Year’s Day come the Thursday before', () => {
    // Due Thu 17 Dec 2026. Overdue Fri 18 Dec; Fri 25 Dec (Christmas) → Thu 24; Fri 1 Jan (New Year) → Thu 31 Dec; Fri 8 Jan.
    // Escalation: Fri 18 (1), Mon 21 (2). Before-due: Wed 16, Tue 15, Mon 14, Fri 11, Thu 10 Dec.
    expect(plan([anObligation('2026-12-17')], '2027-01-08')).toEqual([
      'before-due 2026-12-10 worker',
      'due-today 2026-12-17 worker',
      'overdue 2026-12-18 worker',
      'escalation 2026-12-21 manager',
      'overdue 2026-12-24 worker',
      'overdue 2026-12-31 worker',
      'overdue 2027-01-08 worker',
    ]);
  });

  it('a due date on Saturday 28 February 2026 is reminded on Friday 20 and Friday 27, overdue from Monday 2 March', () => {
    // Work due on a Saturday is in practice due on Friday 27 Feb; 5 working days before it: Thu 26, Wed 25, Tue 24,
    // Mon 23, Fri 20. Next working day after Sat 28: Mon 2 Mar; Mon 2 (1), Tue 3 (2): escalation.
    expect(plan([anObligation('2026-02-28')], '2026-03-03')).toEqual([
      'before-due 2026-02-20 worker',
      'due-today 2026-02-27 worker',
      'overdue 2026-03-02 worker',
      'escalation 2026-03-03 manager',
    ]);
  });

  it('escalates to the manager after the configured number of working days', () => {
    // Due Fri 6 Mar 2026: Mon 9 (1), Tue 10 (2), Wed 11 (3).
    const escalations = (escalateAfterWorkingDays: number) =>
      plan([anObligation('2026-03-06')], '2026-03-31', { ...REMINDER_DEFAULTS, escalateAfterWorkingDays }).filter((line) =>
        line.startsWith('escalation'),
      );
    expect(escalations(2)).toEqual(['escalation 2026-03-10 manager']);
    expect(escalations(3)).toEqual(['escalation 2026-03-11 manager']);
  });

  it('repeats overdue reminders weekly up to and including the horizon, and no further', () => {
    // Due Mon 2 Mar 2026: overdue Tue 3, 10, 17, 24 Mar.
    const overdue = (until: string) => plan([anObligation('2026-03-02')], until).filter((line) => line.startsWith('overdue'));
    expect(overdue('2026-03-24')).toEqual([
      'overdue 2026-03-03 worker',
      'overdue 2026-03-10 worker',
      'overdue 2026-03-17 worker',
      'overdue 2026-03-24 worker',
    ]);
    expect(overdue('2026-03-23')).toHaveLength(3);
  });

  it('plans nothing for a done obligation, and nothing beyond the horizon', () => {
    expect(plan([anObligation('2026-03-02', 'worker', 'done')], '2026-12-31')).toEqual([]);
    // Before-due for Mon 2 Mar 2026 is Mon 23 Feb.
    expect(plan([anObligation('2026-03-02')], '2026-02-22')).toEqual([]);
    expect(plan([anObligation('2026-03-02')], '2026-02-23')).toEqual(['before-due 2026-02-23 worker']);
  });

  it('does not escalate the manager’s own obligation to the manager', () => {
    expect(plan([anObligation('2026-03-06', 'manager')], '2026-03-10')).toEqual([
      'before-due 2026-02-27 manager',
      'due-today 2026-03-06 manager',
      'overdue 2026-03-09 manager',
    ]);
  });

  it('plans a reminder once however many lead times name the same day', () => {
    expect(plan([anObligation('2026-03-06')], '2026-03-06', { ...REMINDER_DEFAULTS, leadWorkingDays: [5, 5, 0, 0] })).toEqual([
      'before-due 2026-02-27 worker',
      'due-today 2026-03-06 worker',
    ]);
  });

  describe('the authority milestones go to the role their rule names', () => {
    const milestone = (authorityId: string, events: CaseEvent[], ruleId: string, until: string, pathways: CaseFile['pathways'] = []) => {
      const policy = policyFor(authorityId);
      if (!policy.ok) throw new Error(authorityId);
      const obligations = obligationsOn({ authorityId, pathways, events }, on('2026-03-10'), policy.value, calendar).filter(
        (obligation) => obligation.ruleId === ruleId,
      );
      expect(obligations).toHaveLength(1);
      return plan(obligations, until);
    };

    it('Slough: reflective case supervision at 9 months goes to the manager', () => {
      // Plan started Mon 2 Mar 2026 + 9 months = Wed 2 Dec 2026; 5 working days before: Wed 25 Nov.
      expect(milestone('slough', [{ kind: 'plan-started', on: on('2026-03-02') }], 'slough.escalation.nine-month-reflective-supervision', '2026-12-03')).toEqual([
        'before-due 2026-11-25 manager',
        'due-today 2026-12-02 manager',
        'overdue 2026-12-03 manager',
      ]);
    });

    it('Redbridge: the 12-month TM/SP chaired review goes to the manager, counted back over Christmas', () => {
      // Plan started Mon 5 Jan 2026 + 12 months = Tue 5 Jan 2027. Back: Mon 4 (1), [Fri 1 Jan, weekend] Thu 31 (2),
      // Wed 30 (3), Tue 29 (4), [Mon 28, weekend, Fri 25] Thu 24 Dec (5).
      expect(milestone('redbridge', [{ kind: 'plan-started', on: on('2026-01-05') }], 'redbridge.escalation.twelve-month-review-chair', '2027-01-06')).toEqual([
        'before-due 2026-12-24 manager',
        'due-today 2027-01-05 manager',
        'overdue 2027-01-06 manager',
      ]);
    });

    it('Camden: IRO oversight at 12 months goes to the IRO, and escalates to the manager', () => {
      // Case opened Mon 5 Jan 2026 + 12 months = Tue 5 Jan 2027; escalation Wed 6 (1), Thu 7 (2).
      expect(milestone('camden', [{ kind: 'case-opened', on: on('2026-01-05') }], 'camden.escalation.iro-oversight-after-twelve-months', '2027-01-07')).toEqual([
        'before-due 2026-12-24 iro',
        'due-today 2027-01-05 iro',
        'overdue 2027-01-06 iro',
        'escalation 2027-01-07 manager',
      ]);
    });

    it('Brighton and Hove: the network meeting before a supervision order expiring on Christmas Day goes to the worker, from 40 working days ahead', () => {
      // The expiry, Fri 25 Dec 2026 (Christmas), is the outer limit: in practice Thu 24 Dec; back 5: Wed 23, Tue 22,
      // Mon 21, Fri 18, Thu 17. Back 20: 23-21 Dec (3), 18-14 (8), 11-7 (13), 4-1 Dec (17), 30, 27, 26 Nov (20): Thu 26
      // Nov. Back 40: 25-23 Nov (23), 20-16 (28), 13-9 (33), 6-2 Nov (38), 30, 29 Oct (40): Thu 29 Oct (no bank
      // holiday in between). Overdue from Tue 29 Dec (after Christmas, the weekend and the Boxing Day substitute);
      // escalation Wed 30.
      expect(
        milestone(
          'brighton-and-hove',
          [{ kind: 'supervision-order-made', on: on('2026-03-01'), expiresOn: on('2026-12-25') }],
          'brighton-and-hove.supervision-order.meeting-before-expiry',
          '2026-12-30',
          ['supervision-order'],
        ),
      ).toEqual([
        'before-due 2026-10-29 worker',
        'before-due 2026-11-26 worker',
        'before-due 2026-12-17 worker',
        'due-today 2026-12-24 worker',
        'overdue 2026-12-29 worker',
        'escalation 2026-12-30 manager',
      ]);
    });
  });

  describe('laws', () => {
    const anObligationArbitrary = fc.record({
      dueOn: aLocalDate(),
      role: fc.constantFrom<Responsible['role']>('worker', 'manager', 'senior-practitioner', 'iro', 'chair'),
      status: fc.constantFrom<ObligationStatus>('upcoming', 'due-today', 'overdue', 'done'),
      ruleId: fc.constantFrom('slough.visit.at-most-four-weeks-apart', 'camden.review.every-three-months'),
    });
    const aSettings = fc.record({
      leadWorkingDays: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 4 }),
      overdueRepeatDays: fc.integer({ min: 1, max: 28 }),
      escalateAfterWorkingDays: fc.integer({ min: 1, max: 10 }),
    });
    const aPlan = fc
      .tuple(fc.array(anObligationArbitrary, { maxLength: 4 }), aSettings, fc.integer({ min: -30, max: 120 }))
      .map(([specs, settings, horizonDays]) => {
        const obligations = specs.map((spec) => ({ ...anObligation(spec.dueOn, spec.role, spec.status), ruleId: spec.ruleId }));
        const until = addCalendarDays(specs[0]?.dueOn ?? on('2026-03-02'), horizonDays);
        return { obligations, until, intents: planReminders(obligations, until, calendar, settings) };
      });
    const dueOf = (intent: ReminderIntent) => intent.dueOn;

    it('sends every reminder on a working day, on or before the horizon', () => {
      fc.assert(
        fc.property(aPlan, ({ intents, until }) =>
          intents.every((intent) => isWorkingDay(intent.sendOn, calendar) && compareLocalDates(intent.sendOn, until) <= 0),
        ),
      );
    });

    it('sends no before-due or due-today reminder after its due date, and no overdue one before it has passed', () => {
      fc.assert(
        fc.property(aPlan, ({ intents }) =>
          intents.every((intent) => {
            const order = compareLocalDates(intent.sendOn, dueOf(intent));
            return intent.kind === 'before-due' ? order < 0 : intent.kind === 'due-today' ? order <= 0 : order > 0;
          }),
        ),
      );
    });

    it('plans each (rule, due date, kind, send day) once, and nothing for done obligations', () => {
      fc.assert(
        fc.property(aPlan, ({ obligations, intents }) => {
          const keys = intents.map((intent) => reminderKeyFor('case', intent));
          const doneOnly = obligations.every((obligation) => obligation.status === 'done');
          return new Set(keys).size === keys.length && (!doneOnly || intents.length === 0);
        }),
      );
    });
  });
});

describe('reminderKeyFor', () => {
  it('joins case, rule, due date, kind and send day', () => {
    expect(
      reminderKeyFor('42', { ruleId: 'slough.visit.at-most-four-weeks-apart', dueOn: on('2026-12-25'), kind: 'due-today', sendOn: on('2026-12-24') }),
    ).toBe('42|slough.visit.at-most-four-weeks-apart|2026-12-25|due-today|2026-12-24');
  });
});

describe('remindersToSendOn: today\'s reminders, and the latest of a day no pass ran', () => {
  // Due Monday 30 March 2026: 5 working days before is Monday 23 March, escalation Wednesday 1 April.
  const planned = planReminders([anObligation('2026-03-30')], on('2026-04-10'), calendar);
  const kindsAndDays = (intents: readonly ReminderIntent[]) => intents.map((intent) => [intent.kind, intent.sendOn]);

  it("gives today's reminder on its day", () => {
    expect(kindsAndDays(remindersToSendOn(planned, on('2026-03-23'), calendar))).toEqual([['before-due', '2026-03-23']]);
  });

  it('gives a missed reminder under its own day on the days after, so its key is the one a pass that day would have made', () => {
    expect(kindsAndDays(remindersToSendOn(planned, on('2026-03-24'), calendar))).toEqual([['before-due', '2026-03-23']]);
    expect(kindsAndDays(remindersToSendOn(planned, on('2026-03-27'), calendar))).toEqual([['before-due', '2026-03-23']]);
  });

  it('gives only the latest of the reminders to the worker, and the escalation beside it', () => {
    // Thursday 2 April: "due today" (30 March) and "overdue" (31 March) have both passed; the overdue one stands.
    expect(kindsAndDays(remindersToSendOn(planned, on('2026-04-02'), calendar))).toEqual([
      ['overdue', '2026-03-31'],
      ['escalation', '2026-04-01'],
    ]);
  });

  it('catches up no further back than the given number of working days', () => {
    // Five working days before Wednesday 8 April 2026, over Good Friday (3 April) and Easter Monday, is Monday
    // 30 March: the lead reminder of 23 March is out of reach then, and within reach on the 30th.
    expect(kindsAndDays(remindersToSendOn(planned, on('2026-03-31'), calendar, 0))).toEqual([['overdue', '2026-03-31']]);
    const onlyTheLead = planned.filter((intent) => intent.kind === 'before-due');
    expect(remindersToSendOn(onlyTheLead, on('2026-04-08'), calendar)).toEqual([]);
    expect(kindsAndDays(remindersToSendOn(onlyTheLead, on('2026-03-30'), calendar))).toEqual([['before-due', '2026-03-23']]);
  });

  it('never gives a reminder of a day still to come', () => {
    fc.assert(
      fc.property(aLocalDate(), (today) => remindersToSendOn(planned, today, calendar).every((intent) => compareLocalDates(intent.sendOn, today) <= 0)),
    );
  });
});
