import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../bot/store/database.js';
import { databaseQuestionMemory, setTenantAuthority } from '../../../bot/store/question-memory.js';
import type { PendingQuestion, QuestionMemory } from '../../../bot/ports.js';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';

const SAM = { tenantId: 'tenant-a', userId: 'sam-object-id', conversationId: 'a:sams-chat' };
const PRIYA = { tenantId: 'tenant-a', userId: 'priya-object-id', conversationId: 'a:priyas-chat' };
const AT_NINE = new Date('2026-03-10T09:00:00Z');
const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

const HALF_ASKED: PendingQuestion = {
  missing: 'date',
  authorityId: 'camden',
  question: { topic: 'review', events: ['review-held'], asksFrequency: false },
};

describe.each(DATABASE_ENGINES)('question memory on $name', ({ open }) => {
  let database: Database;
  let memory: QuestionMemory;
  beforeEach(async () => {
    database = await open();
    memory = databaseQuestionMemory(database.db);
  });
  afterEach(() => database.close());

  it('knows no authority until the user or the tenant chooses one', async () => {
    expect(await memory.authorityFor(SAM)).toBeUndefined();
  });

  it('prefers the user\u2019s own choice to the tenant\u2019s default', async () => {
    await setTenantAuthority(database.db, 'tenant-a', 'slough');
    await memory.rememberUserAuthority(SAM, 'camden');
    expect(await memory.authorityFor(SAM)).toBe('camden');
    expect(await memory.authorityFor(PRIYA)).toBe('slough');
  });

  it('changes a user\u2019s choice in place', async () => {
    await memory.rememberUserAuthority(SAM, 'camden');
    await memory.rememberUserAuthority(SAM, 'redbridge');
    expect(await memory.authorityFor(SAM)).toBe('redbridge');
  });

  it('keeps a half-asked question for its user and conversation only, for 30 minutes', async () => {
    await memory.rememberPendingQuestion(SAM, HALF_ASKED, AT_NINE);
    expect(await memory.takePendingQuestion(PRIYA, minutesAfter(AT_NINE, 1))).toBeUndefined();
    expect(await memory.takePendingQuestion({ ...SAM, conversationId: 'another' }, minutesAfter(AT_NINE, 1))).toBeUndefined();
    expect(await memory.takePendingQuestion(SAM, minutesAfter(AT_NINE, 29))).toEqual(HALF_ASKED);
    await memory.rememberPendingQuestion(SAM, HALF_ASKED, AT_NINE);
    expect(await memory.takePendingQuestion(SAM, minutesAfter(AT_NINE, 30))).toBeUndefined();
  });

  it('clears half-asked questions nobody came back to when another is remembered', async () => {
    await memory.rememberPendingQuestion(SAM, HALF_ASKED, AT_NINE);
    await memory.rememberPendingQuestion(PRIYA, HALF_ASKED, minutesAfter(AT_NINE, 20));
    expect(await database.db.selectFrom('pending_questions').select('user_id').orderBy('user_id').execute()).toEqual([
      { user_id: PRIYA.userId },
      { user_id: SAM.userId },
    ]);
    await memory.rememberPendingQuestion(PRIYA, HALF_ASKED, minutesAfter(AT_NINE, 31));
    expect(await database.db.selectFrom('pending_questions').select('user_id').execute()).toEqual([{ user_id: PRIYA.userId }]);
  });

  it('keeps every part of a question as read, "how long" included', async () => {
    const howLong: PendingQuestion = {
      missing: 'authority',
      question: {
        events: [],
        asksFrequency: false,
        asksHowLong: true,
        asked: 'date',
        askTerms: ['initial', 'meeting'],
        contextTerms: [],
        stems: ['initi'],
        before: false,
        // A question asked back with the span of time and the role it named ("open 9 months", "who is the lead professional").
        figures: [{ amount: 9, unit: 'months' }],
        roleNamed: ['lead', 'profe'],
      },
    };
    await memory.rememberPendingQuestion(SAM, howLong, AT_NINE);
    expect(await memory.takePendingQuestion(SAM, minutesAfter(AT_NINE, 1))).toEqual(howLong);
  });

  it('gives a half-asked question once: taking it removes it', async () => {
    await memory.rememberPendingQuestion(SAM, HALF_ASKED, AT_NINE);
    expect(await memory.takePendingQuestion(SAM, minutesAfter(AT_NINE, 1))).toEqual(HALF_ASKED);
    expect(await memory.takePendingQuestion(SAM, minutesAfter(AT_NINE, 2))).toBeUndefined();
  });

  it('replaces a half-asked question with the newer one', async () => {
    const newer: PendingQuestion = {
      missing: 'authority',
      question: { topic: 'initial-meeting', events: ['plan-decision'], anchorDate: '2026-03-03' as LocalDate, asksFrequency: false },
    };
    await memory.rememberPendingQuestion(SAM, HALF_ASKED, AT_NINE);
    await memory.rememberPendingQuestion(SAM, newer, minutesAfter(AT_NINE, 1));
    expect(await memory.takePendingQuestion(SAM, minutesAfter(AT_NINE, 2))).toEqual(newer);
  });

  it('refuses to store a pending question that is not one (nothing invalid is written)', async () => {
    const broken = { ...HALF_ASKED, question: { ...HALF_ASKED.question, topic: 'DROP TABLE cases' } } as unknown as PendingQuestion;
    await expect(memory.rememberPendingQuestion(SAM, broken, AT_NINE)).rejects.toThrow();
    expect(await memory.takePendingQuestion(SAM, AT_NINE)).toBeUndefined();
  });
});
