import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTurnHandler } from '../../bot/turn-handler.js';
import { loadConfig } from '../../bot/config.js';
import { botContextOn } from '../../bot/start-bot.js';
import { openDatabase, type Database } from '../../bot/store/database.js';
import { activityFixture, startBot, type BotUnderTest } from './teams/bot-framework-double.js';
import { chatWith, type Exchange } from '../helpers/chat-driver.js';
import { replyText } from '../../scripts/eval/expectations.js';

// A conversation with the real bot: real handlers, a real (embedded) database, nock as the Bot Connector.
let database: Database;
let bot: BotUnderTest;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  database = await openDatabase({});
  const config = loadConfig({ NODE_ENV: 'test' });
  if (!config.ok) throw new Error(config.error.message);
  bot = await startBot({ NODE_ENV: 'test' }, createTurnHandler(botContextOn(database.db, config.value)));
});
afterAll(async () => {
  await bot.close();
  await database.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const chat = chatWith(() => bot, TENANT);

interface Sent {
  readonly text: string;
  readonly cards: readonly Record<string, unknown>[];
  /** Every string of the activity, the text and all card text, as a user (and the evaluation) reads it. */
  readonly everything: string;
}

/** Each message the bot sent back, on its own. */
function sentIn(exchange: Exchange): Sent[] {
  expect(exchange.replies.length, 'the bot replied').toBeGreaterThan(0);
  return exchange.replies.map((reply) => ({
    text: String(reply['text'] ?? ''),
    cards: ((reply['attachments'] as { content: Record<string, unknown> }[] | undefined) ?? []).map((attachment) => attachment.content),
    everything: replyText([reply]),
  }));
}

/** Posts `text` as a personal-chat message from `user` at `timestamp`, and returns what the bot sent back. */
const say = async (text: string, { user = 'sam', timestamp = '2026-03-10T09:00:00Z' } = {}): Promise<Sent[]> => sentIn(await chat.say(user, text, timestamp));

const allText = (replies: readonly Sent[]) => replies.map((reply) => reply.everything).join('\n');

describe('asking CiN Assistant a question', () => {
  it.each([
    ['Redbridge: we decided on 9 March 2026 that a CiN plan is needed. When is the initial CiN meeting due?', 'Monday 30 March 2026'],
    ['Blackburn with Darwen: the initial CiN plan was agreed on 5 January 2026. When must it be reviewed by?', 'Monday 16 February 2026'],
    ['Camden: the last CIN review was on 10 June 2026. When is the next one due?', 'Thursday 10 September 2026'],
    ['Slough: referral received on 15 May 2026. By when must the first visit take place?', 'Friday 22 May 2026'],
    ['Brighton & Hove: network meeting held on 7 May 2026, when do the minutes go out?', 'Thursday 21 May 2026'],
  ])('%s → %s, on a card and as plain text', async (question, dueOn) => {
    const [reply, ...others] = await say(question, { timestamp: '2026-06-11T09:00:00Z' });
    expect(others).toEqual([]);
    expect(reply?.text).toContain(dueOn);
    expect(reply?.cards).toHaveLength(1);
    expect(JSON.stringify(reply?.cards[0])).toContain(dueOn);
    expect(reply?.everything).toMatch(/Show source/);
  });

  // Each answer as an independent reading of the five documents asked for it (issue 16), dates worked by hand in
  // tests/domain/policy/<authority>.test.ts.
  it.each([
    // A review on Wed 6 May 2026: + 3 months Thu 6 August (followed); the disabled children's 6-monthly minimum Fri 6 November.
    ['Slough: the last review for a disabled child was held on 6 May 2026. When is the next review due?', ['Thursday 6 August 2026', 'Friday 6 November 2026', 'minimum frequency of 6 monthly reviews']],
    // Case opened Mon 5 January 2026 + 9 months = Mon 5 October 2026; the heading's reading is cited too.
    ['Slough: the case was opened on 5 January 2026. When is the reflective case supervision due?', ['Monday 5 October 2026', 'CIN Plans open 9 months plus', 'earlier, stricter']],
    // The supervision order's expiry, Sun 27 December 2026, is the outer limit; reminders from 40 working days before.
    ['Brighton and Hove: the supervision order expires on 27 December 2026. When must the network meeting be held?', ['Sunday 27 December 2026', 'the outer limit', 'in time to return to court', '40 working days']],
    // Assessment started Mon 2 March 2026 (day 1): 20 working days Mon 30 March; the start is not named; 45 from referral.
    ['Slough: the child and family assessment started on 2 March 2026. When should it be completed?', ['Monday 30 March 2026', 'names no start', '45 working days from the point of referral']],
    // Plan started Mon 2 March 2026 + 3 months = Tue 2 June 2026, the earliest normal closure.
    ['Slough: the CIN plan started on 2 March 2026. What is the earliest date it can close?', ['from: Tuesday 2 June 2026', 'not a deadline']],
    // Plan started Mon 5 January 2026 + 12 months = Tue 5 January 2027: from then, the next review is chaired by a TM or SP.
    ['Redbridge: the CiN plan started on 5 January 2026. From when must the review be chaired by a team manager?', ['from: Tuesday 5 January 2027', 'A trigger, not a deadline']],
    // Assessment started Mon 2 March 2026 (day 1): day 10 is Fri 13 March.
    ['Blackburn with Darwen: the assessment started on 2 March 2026. When is the outline plan due?', ['from: Friday 13 March 2026', '"from day 10", not "by day 10"']],
    // Plan started Mon 9 March 2026 + 6 weeks = Mon 20 April 2026; the start event is not named.
    ['Redbridge: the CiN plan started on 9 March 2026. When is the first review?', ['Monday 20 April 2026', 'does not name the event the 6 weeks count from']],
    // Resident Fri 10 April 2026 + 20 working days (4 May skipped) = Mon 11 May 2026.
    ['Redbridge: a family moved into Redbridge on 10 April 2026. When should the CiN meeting be held?', ['Monday 11 May 2026', 'Seek to convene', '"should seek to convene"']],
    // Initial plan agreed Mon 5 January 2026 + 6 weeks = Mon 16 February 2026; the other reading is named.
    ['Blackburn with Darwen: the initial CiN plan was agreed on 5 January 2026. When must it be reviewed by?', ['Monday 16 February 2026', 'Another reading counts from the initial outline plan']],
  ])('%s', async (question, expected) => {
    const [reply] = await say(question, { user: 'issue-16', timestamp: '2026-06-11T09:00:00Z' });
    for (const words of expected) expect(reply?.everything).toContain(words);
  });

  it('asks which authority when none is named or chosen, and never guesses', async () => {
    const replies = await say('When is the initial CiN meeting due if we decided on 3 March?', { user: 'newcomer' });
    expect(replies[0]?.text).toMatch(/Which authority/);
    expect(allText(replies)).toMatch(/Redbridge[\s\S]*Camden[\s\S]*Slough/);
    expect(allText(replies)).not.toMatch(/2026-03-24|24 March/);
  });

  it('completes the half-asked question once the authority is given in the next message', async () => {
    await say('When is the initial CiN meeting due if we decided on 3 March?', { user: 'asks-twice', timestamp: '2026-03-04T09:00:00Z' });
    const replies = await say('Redbridge', { user: 'asks-twice', timestamp: '2026-03-04T09:01:00Z' });
    // 3 March 2026 (Tue) + 15 working days: 4-6 (3), 9-13 (8), 16-20 (13), 23, 24 (15)
    expect(replies[0]?.text).toContain('Tuesday 24 March 2026');
  });

  it('asks for the date it needs and completes the question from the reply "it was 10 June"', async () => {
    const asked = await say('Camden: when is the next CIN review due?', { user: 'no-date', timestamp: '2026-06-20T09:00:00Z' });
    expect(asked[0]?.text).toMatch(/What was the date of/);
    const answered = await say('it was 10 June', { user: 'no-date', timestamp: '2026-06-20T09:02:00Z' });
    expect(answered[0]?.text).toContain('Thursday 10 September 2026');
  });

  it('remembers "set authority Slough" for the next questions', async () => {
    const set = await say('set authority Slough', { user: 'sets-slough' });
    expect(set[0]?.text).toMatch(/Slough/);
    const replies = await say('I last visited the child on 5 August 2026. When is the next visit due?', { user: 'sets-slough', timestamp: '2026-08-06T09:00:00Z' });
    // 5 August 2026 + 4 weeks = Wednesday 2 September 2026
    expect(replies[0]?.text).toContain('Wednesday 2 September 2026');
  });

  it('reads relative dates from the message\u2019s own day in London: "yesterday" on 1 April 2026 at 00:30 BST is 31 March', async () => {
    // 2026-03-31T23:30Z is 00:30 on Wednesday 1 April in London (BST); yesterday is Tuesday 31 March.
    const replies = await say('Redbridge: we decided yesterday that a CiN plan is needed. When is the initial meeting due?', {
      user: 'late-night',
      timestamp: '2026-03-31T23:30:00Z',
    });
    // 31 March + 15 working days: 1, 2 Apr (2), Good Friday 3 and Easter Monday 6 skipped, 7-10 (6), 13-17 (11), 20-23 (15)
    expect(replies[0]?.text).toContain('Thursday 23 April 2026');
  });

  it('answers a question without a date with the rule, its figure and its source', async () => {
    const replies = await say('How often are network meetings held in Brighton and Hove?', { user: 'frequency' });
    expect(allText(replies)).toMatch(/3 months/);
    expect(allText(replies)).toMatch(/Show source/);
  });

  it('says where a document sets no figure, and what it says instead', async () => {
    const replies = await say('What is the minimum visiting frequency in Redbridge?', { user: 'gap' });
    expect(allText(replies)).toMatch(/no specific minimum/i);
    expect(allText(replies)).toMatch(/CiN Plan/);
  });

  it('offers what it can answer and the nearest rules for a question it cannot place', async () => {
    const replies = await say('Redbridge: what colour should the folder be?', { user: 'lost' });
    expect(allText(replies)).toMatch(/I can answer|can answer/i);
  });

  it('compares one rule across all five authorities in one card', async () => {
    const replies = await say('Compare review frequency across authorities', { user: 'comparer' });
    const text = allText(replies);
    for (const name of ['Redbridge', 'Blackburn with Darwen', 'Camden', 'Slough', 'Brighton and Hove']) expect(text).toContain(name);
    expect(replies[0]?.cards).toHaveLength(1);
  });

  it('strips the @mention in a channel before reading the question', async () => {
    const base = activityFixture('channel-message-with-mention');
    const replies = sentIn(await chat.post({ ...base, id: 'channel-1', text: '<at>CiN Assistant</at> Slough: how many points should a CIN plan have?' }));
    expect(allText(replies)).toMatch(/6\u20138|6-8|6 to 8/);
  });

  it('welcomes a new user with the commands when the app is installed', async () => {
    const replies = sentIn(await chat.post(activityFixture('conversation-update-bot-added')));
    expect(allText(replies)).toMatch(/set authority/);
    expect(replies[0]?.cards).toHaveLength(1);
  });

  it('answers the "choose authority" card button with the question it was asked', async () => {
    await say('When is the initial CiN meeting due if we decided on 3 March?', { user: 'presses', timestamp: '2026-03-04T09:00:00Z' });
    const replies = sentIn(await chat.press('presses', 'authority.choose', { authorityId: 'redbridge' }, '2026-03-04T09:01:00Z'));
    expect(allText(replies)).toContain('Tuesday 24 March 2026');
  });
});
