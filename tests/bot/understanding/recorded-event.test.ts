import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../domain/policy/registry.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { recordRequestIn } from '../../../bot/understanding/recorded-event.js';

const TUESDAY_10_MARCH = '2026-03-10' as LocalDate;
const read = (text: string) => recordRequestIn(text, TUESDAY_10_MARCH, POLICIES);

describe('recordRequestIn', () => {
  it.each([
    ['record assessment completed 2 March for AB12', { caseReference: 'AB12', kind: 'assessment-completed', dates: ['2026-03-02'] }],
    ['visit yesterday for AB12', { caseReference: 'AB12', kind: 'visit-made', dates: ['2026-03-09'] }],
    ['family moved to Camden on 4 Jan for AB12', { caseReference: 'AB12', kind: 'moved-out', dates: ['2026-01-04'], movedTo: 'camden' }],
    ['record review held on 3/3/2026 for cin-2026-0142', { caseReference: 'CIN-2026-0142', kind: 'review-held', dates: ['2026-03-03'] }],
    ['Record CIN review booked for 7 April for AB12', { caseReference: 'AB12', kind: 'review-booked', dates: ['2026-04-07'] }],
    ['record decision that a plan is needed last Monday for AB12', { caseReference: 'AB12', kind: 'plan-decision', dates: ['2026-03-09'] }],
    ['record initial CiN meeting held today for AB12', { caseReference: 'AB12', kind: 'initial-meeting-held', dates: ['2026-03-10'] }],
    ['record child protection plan ended 2 March for AB12', { caseReference: 'AB12', kind: 'cp-plan-ended', dates: ['2026-03-02'] }],
    ['record review cancelled 9 March for AB12', { caseReference: 'AB12', kind: 'review-cancelled', dates: ['2026-03-09'] }],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('leaves the event open for the card when "record" is followed by words it does not know', () => {
    expect(read('record something odd on 2 March for AB12')).toEqual({ caseReference: 'AB12', dates: ['2026-03-02'] });
  });

  it.each([
    'When is the next review due for AB12?',
    'how often do I visit for AB12',
    'Camden: the last CIN review was on 10 June 2026. When is the next one due?',
    'visit for the family',
  ])('is no record request: %s', (text) => {
    expect(read(text)).toBeUndefined();
  });
});
