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
});

describe('formatLongDate', () => {
  it('writes weekday, day, month and year', () => {
    expect(formatLongDate('2026-12-28' as LocalDate)).toBe('Monday 28 December 2026');
  });
});
