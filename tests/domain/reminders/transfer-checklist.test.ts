import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES, policyFor } from '../../../domain/policy/registry.js';
import type { Policy } from '../../../domain/policy/schema.js';
import { transferOutChecklistFor, transferOutRemindersFor } from '../../../domain/reminders/transfer-checklist.js';
import { calendar } from '../../helpers/policy.js';

const policy = (authorityId: string): Policy => {
  const found = policyFor(authorityId);
  if (!found.ok) throw new Error(authorityId);
  return found.value;
};
const on = (date: string) => date as LocalDate;

describe('transferOutChecklistFor', () => {
  it('Redbridge: notify the receiving authority and share the records, and seek consent, each cited', () => {
    const checklist = transferOutChecklistFor(policy('redbridge'), []);
    expect(checklist.map((item) => item.ruleId)).toEqual(['redbridge.transfer-out.notify-and-share', 'redbridge.transfer-out.consent']);
    expect(checklist[0]?.requires).toContain('share the social work assessment, the CiN Plan, the minutes of the latest CiN Review');
    expect(checklist[0]?.citation).toMatchObject({
      file: '000_382254547a6d8ff5.txt',
      section: '7. Children in Need Moving to Another Authority - Principles',
    });
  });

  it('Camden: arrange the transfer with the other authority and tell the professional network', () => {
    expect(transferOutChecklistFor(policy('camden'), []).map((item) => item.ruleId)).toEqual([
      'camden.transfer-in.arrange-with-authorities',
      'camden.transfer-out.notify-network',
    ]);
  });

  it('invents nothing for an authority whose procedure has no transfer-out conditions', () => {
    for (const authorityId of ['slough', 'brighton-and-hove', 'blackburn-with-darwen']) {
      expect(transferOutChecklistFor(policy(authorityId), [])).toEqual([]);
    }
  });

  it('takes every item from a condition rule that applies to transfer-out', () => {
    for (const each of POLICIES) {
      for (const item of transferOutChecklistFor(each, ['disabled-children', 'direct-payments', 'supervision-order'])) {
        const rule = each.rules.find((candidate) => candidate.id === item.ruleId);
        expect(rule?.kind === 'condition' && rule.appliesTo.includes('transfer-out')).toBe(true);
      }
    }
  });
});

describe('transferOutRemindersFor', () => {
  const checklist = transferOutChecklistFor(policy('redbridge'), []);

  it('reminds the worker of each item not done, the next working day after the move and then weekly', () => {
    // Moved out Thu 24 Dec 2026: next working day Tue 29 Dec (Christmas, weekend, Boxing Day substitute); Tue 5 Jan; Tue 12 Jan.
    const reminders = transferOutRemindersFor(on('2026-12-24'), checklist, on('2027-01-12'), calendar);
    expect(reminders.map(({ ruleId, sendOn, kind, dueOn, recipient }) => `${kind} ${ruleId} ${dueOn} ${sendOn} ${recipient}`)).toEqual([
      'transfer-out redbridge.transfer-out.notify-and-share 2026-12-24 2026-12-29 worker',
      'transfer-out redbridge.transfer-out.consent 2026-12-24 2026-12-29 worker',
      'transfer-out redbridge.transfer-out.notify-and-share 2026-12-24 2027-01-05 worker',
      'transfer-out redbridge.transfer-out.consent 2026-12-24 2027-01-05 worker',
      'transfer-out redbridge.transfer-out.notify-and-share 2026-12-24 2027-01-12 worker',
      'transfer-out redbridge.transfer-out.consent 2026-12-24 2027-01-12 worker',
    ]);
  });

  it('stops reminding of an item once it is done, and of everything once all are', () => {
    const outstanding = checklist.filter((item) => item.ruleId !== 'redbridge.transfer-out.notify-and-share');
    expect(transferOutRemindersFor(on('2026-12-24'), outstanding, on('2027-01-12'), calendar).map((reminder) => reminder.sendOn)).toEqual([
      '2026-12-29',
      '2027-01-05',
      '2027-01-12',
    ]);
    expect(transferOutRemindersFor(on('2026-12-24'), [], on('2027-01-12'), calendar)).toEqual([]);
  });
});
