import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLongDate, londonDateOf, parseLocalDate, type LocalDate } from '../../../domain/dates/local-date.js';

describe('parseLocalDate', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '26-03-03', '2026-3-3', 'yesterday', ''])('refuses %j', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });

  it.each(['2028-02-29', '2026-12-28'])('accepts %s', (text) => {
    expect(parseLocalDate(text)).toBe(text);
  });
});

describe('londonDateOf', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01' /* 00:30 BST */],
    ['2026-12-31T23:30:00Z', '2026-12-31' /* GMT */],
    ['2026-03-29T00:30:00Z', '2026-03-29' /* the night the clocks go forward */],
    ['2026-10-24T23:30:00Z', '2026-10-25' /* 00:30 BST on the day the clocks go back */],
  ])('%s is %s in London', (instant, date) => {
    expect(londonDateOf(new Date(instant))).toBe(date);
  });

  it('gives each instant its own day, whatever instant came before (it remembers the last day it worked out)', () => {
    const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    const minute = 60_000;
    // Every minute either side of each midnight and clock change of 2026, one after another, then at random.
    const edges = ['2026-03-28T23:00:00Z', '2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T23:00:00Z', '2026-10-24T23:00:00Z', '2026-10-25T01:00:00Z', '2026-10-25T23:00:00Z', '2026-10-26T00:00:00Z'];
    for (const edge of edges) {
      for (const offset of [-1, 0, 1]) {
        const instant = new Date(Date.parse(edge) + offset * minute);
        expect(londonDateOf(instant)).toBe(london.format(instant));
      }
    }
    fc.assert(
      fc.property(fc.array(fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T23:59:59Z') }), { minLength: 1, maxLength: 20 }), (times) => {
        for (const time of times) {
          const instant = new Date(time - (time % minute));
          expect(londonDateOf(instant)).toBe(london.format(instant));
        }
      }),
    );
  });
});

describe('formatLongDate', () => {
  it('writes weekday, day, month and year', () => {
    expect(formatLongDate('2026-12-28' as LocalDate)).toBe('Monday 28 December 2026');
    expect(formatLongDate('2028-02-29' as LocalDate)).toBe('Tuesday 29 February 2028');
    expect(formatLongDate('2026-03-01' as LocalDate)).toBe('Sunday 1 March 2026');
  });
});
