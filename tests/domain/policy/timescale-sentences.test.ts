import { describe, expect, it } from 'vitest';
import { figuresIn, statementsIn, timescalesIn } from '../../../domain/policy/timescale-sentences.js';

describe('reading what a sentence of a procedure states', () => {
  it('reads figures written in digits or words, day numbers and "six weekly"', () => {
    expect(figuresIn('Convened by day 15, reviewed at six weekly meetings and within 10 working days.')).toEqual([
      { text: 'day 15', amount: 15, unit: 'dayNumber' },
      { text: 'six weekly', amount: 6, unit: 'weeks' },
      { text: '10 working days', amount: 10, unit: 'workingDays' },
    ]);
    expect(figuresIn('Children aged 0-25 under section 17 of the Children Act 1989.')).toEqual([]);
  });

  it('tells a timescale, a frequency, a deadline and who decides apart', () => {
    expect(statementsIn('Child in need reviews are held every 3 months.')).toEqual(['timescale', 'frequency']);
    expect(statementsIn('Copies are sent within 10 working days of the meeting.')).toEqual(['timescale', 'deadline']);
    expect(statementsIn('A meeting should be held in a timely way before the order expires.')).toEqual(['deadline']);
    expect(statementsIn('Closure must be authorised by the Team Manager.')).toEqual(['who-decides']);
    expect(statementsIn('Parents will always be invited to attend reviews.')).toEqual([]);
  });

  it('reads the offset, its direction and the words it counts from', () => {
    const [within] = timescalesIn('Receiving local authorities should seek to convene a Child in Need Meeting within 20 working days of the family being resident in their area');
    expect(within).toMatchObject({ offset: { unit: 'workingDays', amount: 20, direction: 'after' }, anchorWords: 'the family being resident in their area', anchor: 'moved-in', recurring: false });
    const [before] = timescalesIn('Social workers will send out invitation letters at least 10 working days before the date of the scheduled review.');
    expect(before).toMatchObject({ offset: { unit: 'workingDays', amount: 10, direction: 'before' }, anchor: 'review-booked', topic: 'review-invitations' });
    const [first, then] = timescalesIn('The initial CiN Plan should be reviewed at 6 weeks and thereafter at a minimum frequency of 6 months.');
    expect([first?.offset, first?.recurring, then?.offset, then?.recurring, then?.anchor]).toEqual([{ unit: 'weeks', amount: 6, direction: 'after' }, false, { unit: 'months', amount: 6, direction: 'after' }, true, 'review-held']);
    const [once] = timescalesIn('Every child where there is social work involvement must have a CiN Plan within 3 months of the case being open to the team.');
    expect(once).toMatchObject({ recurring: false, anchor: 'case-opened', anchorWords: 'the case being open to the team' });
    expect(timescalesIn('A meeting should be held in a timely way before the order expires, so that the plan can be reviewed.')).toMatchObject([
      { offset: { unit: 'days', amount: 0, direction: 'before' }, anchorWords: 'the order expires', anchor: 'supervision-order-made' },
    ]);
  });
});
