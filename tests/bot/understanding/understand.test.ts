import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { authoritiesIn } from '../../../bot/understanding/authority.js';
import { normaliseText } from '../../../bot/understanding/normalise.js';
import { understand } from '../../../bot/understanding/understand.js';

describe('authoritiesIn', () => {
  it.each([
    ['In Redbridge, when is the review?', ['redbridge']],
    ['LB Redbridge review', ['redbridge']],
    ['B&H: how often do I visit?', ['brighton-and-hove']],
    ['Brighton & Hove network meeting', ['brighton-and-hove']],
    ['brighton and hove', ['brighton-and-hove']],
    ['Brighton', ['brighton-and-hove']],
    ['camden\u2019s threshold', ['camden']],
    ['Slough: first visit', ['slough']],
    ['Blackburn with Darwen meeting', ['blackburn-with-darwen']],
    ['moving from Camden to Slough', ['camden', 'slough']],
    ['When is the initial CiN meeting due?', []],
    ['hovering over the plan', []],
  ])('%j names %j', (text, expected) => {
    expect(authoritiesIn(text, POLICIES)).toEqual(expected);
  });
});

describe('normaliseText', () => {
  it.each([
    ['When is the C&F asessment due?', 'when is the child and family assessment due?'],
    ['next CIN reveiw', 'next cin review'],
    ['child in need meeting', 'cin meeting'],
    ['the CP plan ended', 'the child protection plan ended'],
    ['minimum visiting frequency', 'minimum visiting frequency'],
    ['plans are reviewed', 'plans are reviewed'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});

describe('understand', () => {
  const today = '2026-03-10' as LocalDate;
  const read = (text: string, on: string = today) => understand(text, on as LocalDate, POLICIES).question;

  it.each([
    ['when is the initial CiN meeting due if we decided on 3 March?', 'initial-meeting', ['plan-decision'], '2026-03-03'],
    ['we decided on 3 March, when do I need the meeting by?', 'initial-meeting', ['plan-decision'], '2026-03-03'],
    ['Initial CIN meeting deadline? decision was 3/3/26', 'initial-meeting', ['plan-decision'], '2026-03-03'],
    ['the last review was held yesterday, when is the next one', 'review', ['review-held'], '2026-03-09'],
    ['visited the child last Monday - when is my next visit due?', 'visit', ['visit-made'], '2026-03-09'],
    ['family moved into the area a fortnight ago. when do we need the cin meeting?', 'initial-meeting', ['moved-in'], '2026-02-24'],
    ['review booked for 30 March 2026, when do the invites go out?', 'review-invitations', ['review-booked'], '2026-03-30'],
    ['C&F asessment started 2 March. When is it due?', 'assessment', ['assessment-started'], '2026-03-02'],
    ['the review on 4 March was cancelled, when must it be held instead', 'cancelled-review', ['review-cancelled'], '2026-03-04'],
  ])('%j', (text, topic, events, anchorDate) => {
    expect(read(text)).toMatchObject({ topic, events, anchorDate });
  });

  it('reads "how often" as a frequency question with no date', () => {
    expect(read('How often do I visit in Slough?')).toEqual({ topic: 'visit', events: [], asksFrequency: true });
  });

  it('reads a review on a date still to come as booked, and one past as held', () => {
    expect(read('review on 20 March: when do invitations go?').events).toEqual(['review-booked']);
    expect(read('review on 2 March: when is the next?').events).toEqual(['review-held']);
  });

  it('names the pathway: direct payments, disabled children', () => {
    expect(read('ICDDS direct payments case: how often must we visit?').pathway).toBe('direct-payments');
    expect(read('disabled child at Appletrees: how often are reviews?').pathway).toBe('disabled-children');
  });
});
