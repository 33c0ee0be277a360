import { describe, expect, it } from 'vitest';
import { englandAndWalesCalendar } from '../../../domain/calendar/holiday-calendar.js';
import type { CaseEvent, CaseFile } from '../../../domain/cases/case-events.js';
import { closureApproversFor } from '../../../domain/closures/closure-approvers.js';
import { alternativeKeyOf, closureChecklistOn, type ClosureKind, type ReviewOutcome } from '../../../domain/closures/closure-checklist.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import type { ReviewDecision } from '../../../domain/plans/review.js';
import { policyFor } from '../../../domain/policy/registry.js';
import type { Pathway, Policy } from '../../../domain/policy/schema.js';

const calendar = englandAndWalesCalendar();
const date = (text: string) => text as LocalDate;

function policyOf(id: string): Policy {
  const found = policyFor(id);
  if (!found.ok) throw new Error(id);
  return found.value;
}

/** The case's history: events, and reviews recorded on the review card (each also a `review-held` event, as the bot records it). */
function checklist(authorityId: string, kind: ClosureKind, history: readonly (CaseEvent | ReviewOutcome)[], confirmed: readonly string[] = [], today = '2026-03-10', pathways: readonly Pathway[] = []) {
  const reviews = history.filter((entry): entry is ReviewOutcome => 'decision' in entry);
  const events = history.map((entry): CaseEvent => ('decision' in entry ? reviewOn(entry.heldOn) : entry));
  const caseFile: CaseFile = { authorityId, pathways, events };
  return closureChecklistOn({ ...caseFile, reviews }, kind, new Set(confirmed), date(today), policyOf(authorityId), calendar);
}

/** A review recorded as held ("record review held …"), with no decision. */
const reviewOn = (on: string): CaseEvent => ({ kind: 'review-held', on: date(on) });
/** A review recorded on the review card, with what it decided. */
const decided = (on: string, decision: ReviewDecision): ReviewOutcome => ({ heldOn: date(on), decision });

describe('closureChecklistOn', () => {
  describe('Redbridge', () => {
    it('checks the review\u2019s decision itself and asks the worker to confirm the absent agencies were heard', () => {
      const list = checklist('redbridge', 'closure', [decided('2026-03-02', 'close')]);
      expect(list.items.map((item) => [item.ruleId, item.check])).toEqual([
        ['redbridge.closure.review-decision', { kind: 'review-decided', on: '2026-03-02', decision: 'close' }],
        ['redbridge.closure.absent-agency-views', { kind: 'to-confirm' }],
      ]);
      expect(list.missing).toEqual(['redbridge.closure.absent-agency-views']);
    });

    it('adds the step down Panel and the handover meeting to a step-down, and is complete once each is ticked', () => {
      const ticked = ['redbridge.closure.absent-agency-views', 'redbridge.step-down.manager-discussion', 'redbridge.step-down.final-meeting'];
      expect(checklist('redbridge', 'step-down', [decided('2026-03-02', 'step-down')], ticked.slice(0, 2)).missing).toEqual(['redbridge.step-down.final-meeting']);
      expect(checklist('redbridge', 'step-down', [decided('2026-03-02', 'step-down')], ticked).missing).toEqual([]);
    });

    it('is not met by a review held that decided to carry on, nor by a review held with no decision recorded', () => {
      const carriedOn = checklist('redbridge', 'closure', [decided('2026-03-02', 'continue')], ['redbridge.closure.absent-agency-views']);
      expect(carriedOn.items[0]?.check).toEqual({ kind: 'not-decided', latest: { heldOn: '2026-03-02', decision: 'continue' } });
      expect(carriedOn.missing).toEqual(['redbridge.closure.review-decision']);
      expect(checklist('redbridge', 'closure', [reviewOn('2026-03-02')], ['redbridge.closure.absent-agency-views']).missing).toEqual(['redbridge.closure.review-decision']);
    });

    it('goes by the latest review: a "close" overtaken by a later "continue" no longer counts', () => {
      const list = checklist('redbridge', 'closure', [decided('2026-01-12', 'close'), decided('2026-03-02', 'continue')], ['redbridge.closure.absent-agency-views']);
      expect(list.missing).toEqual(['redbridge.closure.review-decision']);
    });

    it('will not let a tick stand in for a review the case has not recorded', () => {
      const list = checklist('redbridge', 'closure', [], ['redbridge.closure.review-decision', 'redbridge.closure.absent-agency-views']);
      expect(list.missing).toEqual(['redbridge.closure.review-decision']);
      expect(list.items[0]?.check).toEqual({ kind: 'not-decided' });
      expect(list.items[0]?.confirmable).toBe(false);
    });
  });

  describe('Blackburn with Darwen', () => {
    it('lists the closure steps in the procedure\u2019s order, the review decision checked from the events', () => {
      const list = checklist('blackburn-with-darwen', 'closure', [decided('2026-02-27', 'close')]);
      expect(list.items.map((item) => item.ruleId)).toEqual([
        'blackburn-with-darwen.closure.decided-at-review-meeting',
        'blackburn-with-darwen.closure.recordings-finalised',
        'blackburn-with-darwen.closure.final-case-note-checklist',
        'blackburn-with-darwen.closure.close-plan-and-summary',
        'blackburn-with-darwen.closure.outcome-letters',
        'blackburn-with-darwen.step-down.consider-caf',
      ]);
      expect(list.missing).toHaveLength(5);
    });

    it('asks a step-down for the review, the outcome letters and the CAF only', () => {
      expect(checklist('blackburn-with-darwen', 'step-down', [decided('2026-02-27', 'step-down')]).missing).toEqual([
        'blackburn-with-darwen.closure.outcome-letters',
        'blackburn-with-darwen.step-down.consider-caf',
      ]);
    });
  });

  describe('Camden', () => {
    it('counts the manager\u2019s authorisation as met by the request itself, never as the worker\u2019s tick', () => {
      const list = checklist('camden', 'closure', [decided('2026-03-05', 'close')], ['camden.closure.network-notified']);
      expect(list.items.find((item) => item.ruleId === 'camden.closure.manager-authorises')?.check).toEqual({ kind: 'on-approval' });
      expect(list.missing).toEqual([]);
    });

    it('needs the final review that plans the step-down and names the new lead professional', () => {
      expect(checklist('camden', 'step-down', []).missing).toEqual(['camden.closure.agreed-at-review', 'camden.step-down.final-review-plans']);
      expect(checklist('camden', 'step-down', [decided('2026-03-05', 'step-down')]).missing).toEqual([]);
    });

    it('does not tick "closure is agreed at a CIN review" for a review that decided to continue with the plan', () => {
      const list = checklist('camden', 'closure', [decided('2026-03-05', 'continue')], ['camden.closure.network-notified']);
      expect(list.missing).toEqual(['camden.closure.agreed-at-review']);
      expect(checklist('camden', 'step-down', [decided('2026-03-05', 'close')]).missing).toEqual(['camden.step-down.final-review-plans']);
    });
  });

  describe('Slough', () => {
    const started = (on: string): CaseEvent => ({ kind: 'plan-started', on: date(on) });
    const ticks = [
      'slough.closure.no-longer-in-need',
      'slough.closure.records-complete',
      'slough.closure.rationale-recorded',
      'slough.closure.contingency-in-summary',
      'slough.closure.evaluate-impact',
      'slough.closure.views-case-note',
      'slough.closure.child-protection-or-care',
    ];

    it('finds the plan in place three months on the day the three months are up', () => {
      // Plan started Thursday 10 December 2025; + 3 calendar months = Tuesday 10 March 2026.
      const onTheDay = checklist('slough', 'closure', [started('2025-12-10'), reviewOn('2026-03-02')], ticks, '2026-03-10');
      expect(onTheDay.items[0]?.check).toEqual({ kind: 'in-place', since: '2025-12-10', reachedOn: '2026-03-10' });
      expect(onTheDay.missing).toEqual([]);
      const dayBefore = checklist('slough', 'closure', [started('2025-12-10'), reviewOn('2026-03-02')], ticks, '2026-03-09');
      expect(dayBefore.items[0]?.check).toEqual({ kind: 'not-in-place', event: 'plan-started', since: '2025-12-10', reachedOn: '2026-03-10' });
      expect(dayBefore.missing).toEqual(['slough.closure.plan-in-place-three-months']);
    });

    it('clamps to the month end: a plan started 30 November 2025 has run three months on 28 February 2026', () => {
      const list = checklist('slough', 'step-down', [started('2025-11-30'), reviewOn('2026-02-20')], ['slough.closure.no-longer-in-need'], '2026-02-28');
      expect(list.items[0]?.check).toEqual({ kind: 'in-place', since: '2025-11-30', reachedOn: '2026-02-28' });
      expect(list.missing).toEqual([]);
    });

    it('lets a shorter plan through only on a ticked management rationale, cited from the procedure', () => {
      const events = [started('2026-01-20'), reviewOn('2026-03-02')];
      const shorter = checklist('slough', 'closure', events, ticks);
      const item = shorter.items[0];
      expect(item?.met).toBe(false);
      expect(item?.alternative?.key).toBe('slough.closure.plan-in-place-three-months#alternative');
      expect(item?.alternative?.citation.quote).toBe('In these situations a management decision needs to be recorded providing a clear rationale for this outcome.');
      expect(item?.alternative?.citation.file).toBe(policyOf('slough').source.file);
      const withRationale = checklist('slough', 'closure', events, [...ticks, alternativeKeyOf('slough.closure.plan-in-place-three-months')]);
      expect(withRationale.items[0]?.check).toEqual({ kind: 'alternative-confirmed' });
      expect(withRationale.missing).toEqual([]);
    });

    it('counts from the latest plan start, and a tick of the plan rule itself meets nothing', () => {
      const list = checklist('slough', 'closure', [started('2025-06-02'), started('2026-02-02'), reviewOn('2026-03-02')], [...ticks, 'slough.closure.plan-in-place-three-months']);
      expect(list.missing).toEqual(['slough.closure.plan-in-place-three-months']);
    });
  });

  describe('Brighton and Hove', () => {
    it('needs the network meeting; the supervision-order meeting only on that pathway', () => {
      expect(checklist('brighton-and-hove', 'closure', [reviewOn('2026-03-03')]).missing).toEqual([]);
      const order = checklist('brighton-and-hove', 'closure', [reviewOn('2026-03-03')], [], '2026-03-10', ['supervision-order']);
      expect(order.missing).toEqual(['brighton-and-hove.closure.supervision-order-meeting']);
      expect(checklist('brighton-and-hove', 'step-down', []).missing).toEqual([
        'brighton-and-hove.closure.network-meeting-decision',
        'brighton-and-hove.step-down.considered-at-network-meeting',
      ]);
    });
  });
});

describe('closureApproversFor', () => {
  it('lets Camden\u2019s managers and seniors decide, as section 5 says', () => {
    const camden = closureApproversFor(policyOf('camden'), 'step-down');
    expect(camden.roles).toEqual(['manager', 'senior-practitioner']);
    expect(camden.ruleId).toBe('camden.authorisation.manager-or-senior');
  });

  it('gives Blackburn with Darwen\u2019s closures to the Team Manager', () => {
    expect(closureApproversFor(policyOf('blackburn-with-darwen'), 'closure')).toMatchObject({ roles: ['manager'], ruleId: 'blackburn-with-darwen.closure.team-manager-authorises' });
  });

  it('falls back to a manager of the team where the procedure names no one', () => {
    for (const id of ['redbridge', 'slough', 'brighton-and-hove']) expect(closureApproversFor(policyOf(id), 'closure')).toEqual({ roles: ['manager'] });
    expect(closureApproversFor(policyOf('blackburn-with-darwen'), 'step-down')).toEqual({ roles: ['manager'] });
  });
});
