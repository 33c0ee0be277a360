import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { reviewFindingsOn, type PlanReview } from '../../../domain/plans/review.js';

const today = '2026-05-08' as LocalDate; // Friday
const openedOn = '2026-03-02' as LocalDate;
const sound: PlanReview = {
  heldOn: '2026-05-08',
  progress: [{ progress: 'achieved', note: '' }, { progress: 'behind', note: 'Waiting list' }],
  childViews: 'Likes the new routine',
  familyViews: 'Mother wants more help with school',
  agreement: '',
  decision: 'continue',
};

describe('reviewFindingsOn', () => {
  it('finds nothing wrong with a review held today with every action\u2019s progress, both views and a decision', () => {
    expect(reviewFindingsOn(sound, today, openedOn)).toEqual([]);
  });

  it('names each missing piece beside its field', () => {
    const review: PlanReview = { ...sound, heldOn: '2026-05-09', progress: [{ progress: '', note: '' }, sound.progress[1] ?? { progress: '', note: '' }], childViews: ' ', familyViews: '', decision: 'maybe' };
    expect(reviewFindingsOn(review, today, openedOn).map((finding) => finding.field)).toEqual(['heldOn', 'progress:0', 'childViews', 'familyViews', 'decision']);
    expect(reviewFindingsOn(review, today, openedOn)[0]?.message).toBe('Saturday 9 May 2026 is after today: record the review once it has been held.');
  });

  it('refuses a review dated before the case opened', () => {
    expect(reviewFindingsOn({ ...sound, heldOn: '2026-03-01' }, today, openedOn)).toEqual([{ field: 'heldOn', message: 'Sunday 1 March 2026 is before the case opened (Monday 2 March 2026).' }]);
  });
});
