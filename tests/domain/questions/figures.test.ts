import { describe, expect, it } from 'vitest';
import { figuresIn, figuresOfRule } from '../../../domain/questions/figures.js';
import { ruleOf } from '../../helpers/policy.js';

describe('figuresIn: the spans of time a text names', () => {
  it.each([
    ['assessment started 2/3, 20 wd deadline?', [{ amount: 20, unit: 'workingDays' }]],
    ['the 6 week review', [{ amount: 6, unit: 'weeks' }]],
    ['cin open 9 months now', [{ amount: 9, unit: 'months' }]],
    ['a nine-month reflective supervision', [{ amount: 9, unit: 'months' }]],
    ['within fifteen working days', [{ amount: 15, unit: 'workingDays' }]],
    ['visits every 2 wks and a 3 monthly review', [{ amount: 2, unit: 'weeks' }, { amount: 3, unit: 'months' }]],
    ['review on 3/2/26', []],
  ])('%j names %j', (text, expected) => {
    expect(figuresIn(text)).toEqual(expected);
  });
});

describe('figuresOfRule', () => {
  it('holds the offset a timescale sets and the spans its own words name', () => {
    expect(figuresOfRule(ruleOf('slough', 'slough.escalation.nine-month-reflective-supervision'))).toContainEqual({ amount: 9, unit: 'months' });
    expect(figuresOfRule(ruleOf('redbridge', 'redbridge.initial-meeting.convene'))).toContainEqual({ amount: 15, unit: 'workingDays' });
  });
});
