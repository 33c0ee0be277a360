import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../bot/start-bot.js';
import { VERBS } from '../../cards/verbs.js';
import { objectsIn, type Json } from '../cards/card-queries.js';
import { chatWith, shownText, submissionOf } from '../helpers/chat-driver.js';
import { putNewClusterIn } from '../helpers/databases.js';

// Questions the bot cannot place on one rule, through the real bot over HTTP as Teams sends them, nock as the
// Bot Connector: "Which did you mean?", its buttons pressed as Action.Execute and as Action.Submit (the
// fallback older clients send), the "Read as" line and "Not what you asked?".
const TENANT = '6c2d8e4f-1a3b-4c5d-9e8f-0a1b2c3d4e5f';
const TODAY = '2026-12-01T09:00:00Z'; // Tuesday 1 December 2026

let dataDir: string;
let bot: StartedBot;
const { say, press } = chatWith(() => bot, TENANT);

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-questions-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, { host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The rule ids a card's buttons carry, in order. */
const offered = (card: Json | undefined) =>
  objectsIn(card)
    .filter((object) => object['type'] === 'Action.Execute' && object['verb'] === VERBS.chooseRule)
    .map((object) => (object['data'] as Json)['ruleId']);

// Camden review on Tuesday 8 December 2026. Invitations: 10 working days before, counted back: 7, 4, 3, 2, 1 Dec,
// 30, 27, 26, 25, 24 Nov, so Tuesday 24 November 2026. Assessment report: 2 working days before, Friday 4 December.
const AMBIGUOUS = 'camden review on 8 dec 2026, what is due before it';

describe('a question two rules fit about as well', () => {
  it('asks "Which did you mean?" with the best rules as buttons, and gives no date', async () => {
    const asked = await say('ana', AMBIGUOUS, TODAY);
    const [card] = asked.cards;
    expect(shownText(card)).toContain('Which did you mean?');
    expect(shownText(card)).toContain('Read as: London Borough of Camden, the date you gave: Tuesday 8 December 2026');
    expect(offered(card)).toEqual(expect.arrayContaining(['camden.review-invitations.ten-working-days-before', 'camden.review-report.two-working-days-before']));
    expect(offered(card).length).toBeGreaterThanOrEqual(2);
    expect(offered(card).length).toBeLessThanOrEqual(4);
    expect(asked.said).not.toMatch(/24 November|4 December 2026/);
  });

  it('answers the rule pressed as Action.Execute with the date already given, remembered with the half-asked question', async () => {
    const asked = await say('ben', AMBIGUOUS, TODAY);
    const answered = await press('ben', VERBS.chooseRule, submissionOf(asked.cards[0], VERBS.chooseRule, {}, titleOf(asked.cards[0], 'camden.review-invitations.ten-working-days-before')), TODAY);
    expect(answered.said).toContain('Tuesday 24 November 2026');
    expect(answered.said).toContain('Read as: London Borough of Camden, send out the invitation letters for the CIN review, counted from Tuesday 8 December 2026');
  });

  it('answers the rule pressed as Action.Submit (the fallback), the verb in the submitted value', async () => {
    const asked = await say('cat', AMBIGUOUS, TODAY);
    const data = submissionOf(asked.cards[0], VERBS.chooseRule, {}, titleOf(asked.cards[0], 'camden.review-report.two-working-days-before'));
    const answered = await say('cat', '', TODAY, { value: { verb: VERBS.chooseRule, ...data } });
    expect(answered.said).toContain('Friday 4 December 2026');
  });

  it('answers a choice typed in words instead of pressed, with the date already given', async () => {
    await say('cy', AMBIGUOUS, TODAY);
    const answered = await say('cy', 'the invitations', TODAY);
    expect(answered.said).toContain('Tuesday 24 November 2026');
  });

  it('refuses a pressed rule it does not know, and gives no date', async () => {
    const answered = await press('dan', VERBS.chooseRule, { authorityId: 'camden', ruleId: 'camden.no.such-rule' }, TODAY);
    expect(answered.said).toMatch(/not one I know/);
    expect(answered.said).not.toMatch(/Due: /);
  });
});

describe('the seven questions of issue 12', () => {
  it('asks who chairs Blackburn\u2019s reviews, offering the Appletrees formal review (the only review whose chair is named)', async () => {
    const asked = await say('eve', 'who chairs CIN reviews in blackburn', TODAY);
    expect(offered(asked.cards[0])).toContain('blackburn-with-darwen.chair.appletrees-formal-review');
    const answered = await press('eve', VERBS.chooseRule, { authorityId: 'blackburn-with-darwen', ruleId: 'blackburn-with-darwen.chair.appletrees-formal-review' }, TODAY);
    expect(answered.said).toContain('the relevant Team Manager');
  });

  it('reads "moved from Camden" as Redbridge\u2019s transfer in, not as two authorities', async () => {
    // 18 December 2026 + 20 working days: 21-24 (4), 29-31 (7; 25 and 28 Dec are bank holidays), 4-8 Jan (12; 1 Jan too), 11-15 (17), 18-20 (20).
    const answered = await say('fay', 'A family became resident in Redbridge on 18 December 2026 having moved from Camden. When must the CIN meeting be convened?', '2026-12-21T09:00:00Z');
    expect(answered.said).toContain('Wednesday 20 January 2027');
    expect(answered.said).toContain('Read as: London Borough of Redbridge, seek to convene a Child in Need Meeting for a family who moved into Redbridge');
  });
});

describe('two questions of issue 16, in chat', () => {
  it('answers how often Blackburn with Darwen\u2019s joint CIN / SEN review is held with that review\u2019s own rule, and no date', async () => {
    const answered = await say('ida', 'BwD - how often is the joint CIN/SEN review for a child with an EHCP', TODAY);
    expect(shownText(answered.cards[0])).toContain('Rule id: blackburn-with-darwen.review.joint-sen-annual-review');
    expect(answered.said).toContain('Special Educational Needs annual review');
    expect(answered.said).not.toMatch(/Due: /);
  });

  // Redbridge: the review is chaired by a Team Manager or Senior Practitioner once the Plan has been in place 12
  // months: a plan started on Tuesday 3 March 2026 reaches 12 months on Wednesday 3 March 2027 (same day, 12 months on).
  it('answers Redbridge\u2019s "from when must the review be chaired by a team manager" with the 12-month date', async () => {
    const answered = await say('jo', 'LB Redbridge: cin plan started 3 march 2026 - from when must the review be chaired by a team manager?', TODAY);
    expect(answered.said).toContain('Wednesday 3 March 2027');
    expect(shownText(answered.cards[0])).toContain('Rule id: redbridge.escalation.twelve-month-review-chair');
  });

  it('counts from the date of the rule\u2019s own event when a message gives several, and asks when none is its own', async () => {
    // Decision Monday 16 February 2026 + 15 working days = Monday 9 March 2026 (the referral's 2 February would give 23 February).
    const answered = await say('liv', 'redbrige: referral came in 2 feb, c&f assessment done and TM decided on 16 feb that a cin plan is needed. when does the icinnm have to be convened by', '2026-02-20T09:00:00Z');
    expect(answered.said).toContain('Monday 9 March 2026');
    const asked = await say('mo', 'redbridge: referral came in 2 feb and the assessment was completed on 13 feb. when must the initial cin meeting be convened', '2026-02-20T09:00:00Z');
    expect(asked.said).toMatch(/What was the date of the decision/);
    const then = await say('mo', 'it was 16 feb', '2026-02-20T09:00:00Z');
    expect(then.said).toContain('Monday 9 March 2026');
  });

  it('gives no date for a child protection step, which no children in need procedure sets', async () => {
    const answered = await say('ola', 'slough - child on a cp plan, initial child protection conference was 14 sept. when is the first cp review conference', '2026-09-20T09:00:00Z');
    expect(answered.said).toContain('I will not give a date');
    expect(answered.said).not.toMatch(/\b20(26|27)\b/);
  });

  it('asks for the plan\u2019s start when the question gives no date, then gives the 12-month date', async () => {
    const asked = await say('kit', 'redbridge: from when must the review be chaired by a team manager', TODAY);
    expect(asked.said).toMatch(/What was the date of the start of the CiN plan\?/);
    expect(asked.said).not.toMatch(/Which did you mean\?/);
    const answered = await say('kit', 'it started on 3 March 2026', TODAY);
    expect(answered.said).toContain('Wednesday 3 March 2027');
  });
});

describe('a timescale the document does not set', () => {
  it('says so plainly for Redbridge’s review invitations, and does not turn the review’s date into a deadline', async () => {
    const answered = await say('lou', 'redbridge cin review next tuesday, when do the invites need to go out', TODAY);
    expect(answered.said.split('\n')[0]).toBe('London Borough of Redbridge: Invitations: timescale: No figure is set.');
    expect(shownText(answered.cards[0])).toContain('Read as: London Borough of Redbridge, a timescale for invitations');
    expect(answered.said).not.toMatch(/Due: |Which did you mean\?/);
  });

  it('quotes what the document says instead (Redbridge, transfer out), with "Not what you asked?" for the rest', async () => {
    const answered = await say('max', 'LBR case transferring out to thurrock - how quickly do we have to notify them', TODAY);
    const [card] = answered.cards;
    expect(shownText(card)).toContain('No figure is set');
    expect(shownText(card)).toContain('Rule id: redbridge.transfer-out.notify-and-share');
    expect(answered.said).not.toMatch(/Due: /);
  });

  it('does not borrow another meeting’s date for a transfer in that Brighton and Hove’s document does not cover', async () => {
    const answered = await say('ned', 'family moving to hove from camden next month, when\'s the transfer in meeting', TODAY);
    expect(answered.said.split('\n')[0]).toBe('Brighton and Hove: The meeting for a family moving into the area: timescale: No figure is set.');
    expect(answered.said).not.toMatch(/Due: /);
  });
});

describe('the date a meeting is booked for', () => {
  // Blackburn with Darwen: the updated initial plan is circulated within 5 working days of the IIPM: booked for
  // Friday 15 January 2027, so 18-22 January, Friday 22 January 2027.
  it('is the day the IIPM is held, which the plan’s circulation counts from', async () => {
    const answered = await say('ola', 'IIPM booked for 15/1/27 in blackburn, when must the updated plan go out to everyone', '2027-01-11T09:00:00Z');
    expect(answered.said).toContain('Friday 22 January 2027');
    expect(shownText(answered.cards[0])).toContain('Rule id: blackburn-with-darwen.plan-circulation.initial-plan-within-5-working-days');
  });
});

describe('an answer', () => {
  // Brighton and Hove: plan agreed at the meeting on Friday 20 November 2026; minutes within 10 working days:
  // 23-27 Nov (5), 30 Nov-4 Dec (10), so Friday 4 December 2026.
  const QUESTION = 'brighton: plan agreed today, when do minutes need to go out';

  it('says in one line of text the date, and the rest once, on the card; no rule id outside "Show source"', async () => {
    const answered = await say('gus', QUESTION, '2026-11-20T10:00:00Z');
    expect(answered.said.split('\n')[0]).toBe(
      'Brighton and Hove: Distribute the minutes of the Child in Need Network Meeting to all parties involved in the Child in Need Team and the participants by: Friday 4 December 2026.',
    );
    const [card] = answered.cards;
    const reading = objectsIn({ ...card, body: ((card?.['body'] as Json[]) ?? []).filter((element) => element['id'] !== 'source') });
    const shown = reading.filter((object) => object['type'] === 'TextRun' || object['type'] === 'TextBlock').map((object) => String(object['text']));
    expect(shown.join('\n')).not.toMatch(/brighton-and-hove\.[a-z-]+\./);
    expect(shown.filter((line, index) => line.length > 30 && shown.indexOf(line) !== index)).toEqual([]);
    expect(shownText(card)).toContain('Rule id: brighton-and-hove.minutes-circulation.within-ten-working-days');
  });

  it('says first what it read, and "Not what you asked?" answers another rule with the same date', async () => {
    const answered = await say('hal', QUESTION, '2026-11-20T10:00:00Z');
    const [card] = answered.cards;
    expect(shownText(card)).toMatch(/^Read as: Brighton and Hove, distribute the minutes/);
    expect(objectsIn(card).some((object) => object['type'] === 'Action.ToggleVisibility' && object['title'] === 'Not what you asked?')).toBe(true);
    const alternatives = offered(card);
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives).not.toContain('brighton-and-hove.minutes-circulation.within-ten-working-days');
    // The initial network meeting: 15 working days after the plan is established on 20 November 2026: 23-27 (5), 30-4 Dec (10), 7-11 (15).
    const other = await press('hal', VERBS.chooseRule, { authorityId: 'brighton-and-hove', ruleId: 'brighton-and-hove.initial-meeting.within-fifteen-working-days', anchorDate: '2026-11-20' }, '2026-11-20T10:05:00Z');
    expect(other.said).toContain('Friday 11 December 2026');
  });
});

function titleOf(card: Json | undefined, ruleId: string): string {
  const button = objectsIn(card).find((object) => object['type'] === 'Action.Execute' && (object['data'] as Json | undefined)?.['ruleId'] === ruleId);
  return String(button?.['title']);
}
