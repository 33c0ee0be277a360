import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { datesIn } from '../../../bot/understanding/dates.js';

const today = '2026-03-10' as LocalDate; // Tuesday

describe('datesIn', () => {
  it.each([
    ['3/2/2026', '2026-02-03' /* UK order: 3 February */],
    ['03/02/2026', '2026-02-03'],
    ['3rd March', '2026-03-03'],
    ['3 Mar 26', '2026-03-03'],
    ['22.12.25', '2025-12-22'],
    ['phoned it through on 9.12.26', '2026-12-09' /* a one-figure day with dots is not a time */],
    ['2026-03-09', '2026-03-09'],
    ['Christmas Eve 2026', '2026-12-24'],
    ['boxing day 2025', '2025-12-26'],
    ['Easter Monday 2026', '2026-04-06'],
    ['yesterday', '2026-03-09'],
    ['today', '2026-03-10'],
    ['last Monday', '2026-03-09'],
    ['last Friday', '2026-03-06'],
    ['last tues' /* a short form chrono does not know */, '2026-03-03'],
    ['agreed on tues just gone', '2026-03-03'],
    ['friday just gone' /* the last one, not the coming one */, '2026-03-06'],
    ['thurs 5 march', '2026-03-05'],
    // Weekdays placed by a week (weeks run Monday to Sunday): chrono alone read most of these as another day.
    ['agreed tuesday last week', '2026-03-03'],
    ['last week thursday', '2026-03-05'],
    ['the friday before last', '2026-02-27'],
    ['monday this week', '2026-03-09'],
    ['thursday next week', '2026-03-19'],
    ['a week on monday', '2026-03-23'],
    ['monday week', '2026-03-23'],
    ['prev friday', '2026-03-06'],
    ['tuesday next' /* British: the coming one */, '2026-03-17'],
    ['the 3rd of last month', '2026-02-03'],
    ['last month on the 20th', '2026-02-20'],
    ['this time last week', '2026-03-03'],
    ['2 wks ago', '2026-02-24'],
    ['the 2nd cin network meeting was on 3 march' /* an ordinal before a thing counts it: not the 2nd of a month */, '2026-03-03'],
    ['a fortnight ago', '2026-02-24'],
    ['2 weeks ago', '2026-02-24'],
    ['3 days ago', '2026-03-07'],
    ['we decided on 9 March 2026 that a plan is needed', '2026-03-09'],
    ['it was 3 March', '2026-03-03'],
    ['had the meeting this morning', '2026-03-10'],
    ['family now living in redbridge since monday' /* "now" is where they are, not a date */, '2026-03-09'],
    ['review this afternoon, when do minutes go', '2026-03-10'],
    ['assessment started monday 2 mar, 20 wd deadline?' /* not 2020, whose 2 March is a Monday too */, '2026-03-02'],
  ])('reads %j as %s', (text, expected) => {
    expect(datesIn(text, today)[0]).toBe(expected);
  });

  it('finds no date where there is none', () => {
    expect(datesIn('How often do I visit in Slough?', today)).toEqual([]);
    expect(datesIn('a 6 week review', today)).toEqual([]);
  });

  it('gives no date for a span that names no day, rather than a guess', () => {
    for (const vague of ['when is the 3rd review due', 'the 2nd visit', 'we met last week', 'review next week, when do invites go', 'a few days ago', 'a couple of weeks ago', 'last month', 'the 31st of last month' /* February has none */]) {
      expect(datesIn(vague, today), vague).toEqual([]);
    }
  });

  it('counts relative days from the message date, not the server clock', () => {
    expect(datesIn('yesterday', '2027-01-01' as LocalDate)[0]).toBe('2026-12-31');
  });
});
