import { describe, expect, it } from 'vitest';
import { heldOnTheBookedDate } from '../../../bot/understanding/booked-meeting.js';
import { understand } from '../../../bot/understanding/understand.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import type { Term } from '../../../domain/questions/vocabulary.js';

const terms = (...names: Term[]) => new Set<Term>(names);

describe('the date a meeting is booked for', () => {
  it('is the day it is held, for what follows the meeting', () => {
    expect(heldOnTheBookedDate(terms('plan', 'circulate', 'update'), terms('initial', 'meeting'))).toBe('initial-meeting-held');
    expect(heldOnTheBookedDate(terms('minutes'), terms('review'))).toBe('review-held');
  });

  it('is still the booked date, counted back from, for what comes before it', () => {
    expect(heldOnTheBookedDate(terms('invitations', 'circulate'), terms('review'))).toBeUndefined();
    expect(heldOnTheBookedDate(terms('report'), terms('review'))).toBeUndefined();
  });

  it('reads "IIPM booked for 15/1/27, when must the updated plan go out" as counting from the IIPM held that day', () => {
    const { question } = understand('IIPM booked for 15/1/27 in blackburn, when must the updated plan go out to everyone', '2027-01-11' as never, POLICIES);
    expect(question).toMatchObject({ anchorDate: '2027-01-15', before: false });
    expect(question.events).toContain('initial-meeting-held');
  });

  it('keeps the other date as the one counted from when one is given ("IIPM booked for 18/12, assessment started 1/12")', () => {
    const { question } = understand('blackburn: IIPM booked for 18/12/26, assessment started 1/12/26 - are we in timescale?', '2026-12-02' as never, POLICIES);
    expect(question.anchorDate).toBe('2026-12-01');
    expect(question.events).not.toContain('initial-meeting-held');
  });
});
