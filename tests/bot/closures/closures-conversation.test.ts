import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBot, type StartedBot } from '../../../bot/start-bot.js';
import { VERBS } from '../../../cards/verbs.js';
import { objectsOfType, textsIn, type Json } from '../../cards/card-queries.js';
import { chatWith, standInConnector, type Traffic } from '../../helpers/chat-driver.js';
import { idsOfItsOwn } from '../../helpers/ids-of-its-own.js';
import { agreePlanAndReview } from '../../helpers/reviewed-plan.js';
import { putNewClusterIn } from '../../helpers/databases.js';

// Closure and step-down requests through activities as Teams sends them: the real bot on an embedded database,
// nock as the Bot Connector, recording every message the bot posts (replies, cards sent to managers) and every
// card it updates in place.
const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ADMIN = 'admin-object-id';
const TODAY = '2026-03-10T09:00:00Z';

const connector = standInConnector();
let dataDir: string;
let bot: StartedBot;
const chat = chatWith(() => bot, TENANT, { connector, named: true });

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-closures-'));
  await putNewClusterIn(dataDir);
  bot = await startBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN, REMINDER_INTERVAL_SECONDS: '0' }, { host: '127.0.0.1' });
});
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

const chatOf = (userId: string) => `a:chat-${userId}`;

/**
 * Cards and messages go out just after the turn; on a loaded machine that can take a few seconds. Real time: they
 * go through the bot's HTTP server and its embedded database, which faked timers would not move.
 */
const waitForDelivery = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

const say = (userId: string, text: string, timestamp = TODAY) => chat.say(userId, text, timestamp);
const press = (userId: string, verb: string, data: Json, timestamp = TODAY) => chat.press(userId, verb, data, timestamp);
const submit = (userId: string, cardMessageId: string, data: Json, timestamp = TODAY) => chat.submit(userId, cardMessageId, data, timestamp);
const talker = chat;

/** A proactive send: botbuilder posts it against the new activity id continueConversation makes up, never one of ours. */
const proactiveTo = (userId: string) => connector.sentTo(chatOf(userId)).filter((entry) => !/^activity-\d+$/.test(entry.activityId ?? ''));
const updatesTo = (userId: string) => connector.updatesTo(chatOf(userId));
const cardOf = (entry: Traffic | undefined): Json => ((entry?.body['attachments'] as { content: Json }[] | undefined) ?? [])[0]?.content ?? {};
const buttonsOf = (card: Json | undefined) => objectsOfType(card?.['body'], 'Action.Execute').map((action) => String(action['title']));
const dataOf = (card: Json | undefined, title: string) => objectsOfType(card?.['body'], 'Action.Execute').find((action) => action['title'] === title)?.['data'] as Json;
const tickable = (card: Json | undefined) => ((objectsOfType(card, 'Input.ChoiceSet')[0]?.['choices'] as Json[] | undefined) ?? []).map((choice) => String(choice['value']));

async function auditOf(action: string) {
  return bot.database.db.selectFrom('audit_log').select(['actor_id', 'case_reference', 'detail']).where('action', '=', action).orderBy('id').execute();
}

async function caseStatus(reference: string) {
  return (await bot.database.db.selectFrom('cases').select(['status', 'closed_on']).where('reference', '=', reference).executeTakeFirstOrThrow());
}

/**
 * A team of its own: a worker and two managers of North, a worker and a senior practitioner of South, everyone
 * having written to the bot once.
 */
async function teamWithRoles() {
  const team = idsOfItsOwn({ sam: 'sam', alex: 'alex', kim: 'kim', priya: 'priya', ruth: 'ruth', north: 'North', south: 'South', reference: 'AB12' });
  for (const [who, role] of [
    [team.sam, `worker of ${team.north}`],
    [team.alex, `manager of ${team.north}`],
    [team.kim, `manager of ${team.north}`],
    [team.priya, `worker of ${team.south}`],
    [team.ruth, `senior practitioner of ${team.south}`],
  ] as const) {
    expect((await say(ADMIN, `role ${who} ${role}`)).text).toContain(who);
  }
  for (const who of [team.sam, team.alex, team.kim, team.priya, team.ruth]) await say(who, 'help');
  return team;
}

/** Such a team, and a Redbridge case of North's worker whose plan's review decided to close. */
async function teamWithCaseToClose() {
  const team = await teamWithRoles();
  const opened = await press(team.sam, VERBS.createCase, { reference: team.reference, initials: 'A.B.', authorityId: 'redbridge', team: team.north, worker: 'me', openedOn: '2026-01-05', pathways: '' });
  expect(opened.text).toMatch(new RegExp(`Opened ${team.reference}`));
  await agreePlanAndReview(talker, team.sam, { authorityId: 'redbridge', reference: team.reference, agreedOn: '2026-03-02', reviewOn: '2026-04-10', actionDueOn: '2026-06-30', heldOn: '2026-03-09', decision: 'close' }, TODAY);
  return team;
}

type ClosureTeam = Awaited<ReturnType<typeof teamWithCaseToClose>>;

/** The worker sends the closure request with every item met; the approval card that reached the first manager. */
async function requestSent(team: ClosureTeam): Promise<Json> {
  const sent = await press(team.sam, VERBS.sendClosureRequest, { caseReference: team.reference, kind: 'closure', confirmed: 'redbridge.closure.absent-agency-views' });
  expect(sent.text).toContain(`${team.reference}: your closure request is with 2 people who may decide it`);
  await waitForDelivery(() => expect([proactiveTo(team.alex), proactiveTo(team.kim), proactiveTo(team.sam).filter((entry) => cardOf(entry)['refresh'])].map((sends) => sends.length)).toEqual([1, 1, 1]));
  return cardOf(proactiveTo(team.alex)[0]);
}

const auditOfCase = async (action: string, reference: string) => (await auditOf(action)).filter((row) => row.case_reference === reference);

describe('closure requests through chat and cards', () => {
  it('opens the request card: the review\u2019s decision checked from the record, the absent agencies\u2019 views for the worker to tick', async () => {
    const team = await teamWithCaseToClose();
    const opened = await say(team.sam, `close ${team.reference}`);
    const texts = textsIn(opened.cards[0]);
    expect(texts).toContain('Decided at the review of Monday 9 March 2026: to close');
    expect(tickable(opened.cards[0])).toEqual(['redbridge.closure.absent-agency-views']);
    expect(buttonsOf(opened.cards[0])).toEqual(['Save', 'Send for approval']);
  });

  it('will not send a request with an item missing, says which beside the checklist, and sends nothing to the managers', async () => {
    const team = await teamWithCaseToClose();
    const refused = await press(team.sam, VERBS.sendClosureRequest, { caseReference: team.reference, kind: 'closure', confirmed: '' });
    const texts = textsIn(refused.updatedCard);
    expect(texts.some((text) => text.startsWith('Not sent: 1 not met yet'))).toBe(true);
    expect(texts).toContain('Still to do:\n\u2022 The views of any key agency absent from the review have been sought');
    expect(proactiveTo(team.alex)).toEqual([]);
  });

  it('saves the ticks without sending, and brings them back when the card is opened again', async () => {
    const team = await teamWithCaseToClose();
    const saved = await press(team.sam, VERBS.saveClosureRequest, { caseReference: team.reference, kind: 'closure', confirmed: 'redbridge.closure.absent-agency-views,made-up.rule' });
    expect(textsIn(saved.updatedCard).some((text) => text.startsWith('Saved. Every item is met'))).toBe(true);
    const reopened = await say(team.sam, `close ${team.reference}`);
    expect(objectsOfType(reopened.cards[0], 'Input.ChoiceSet')[0]?.['value']).toBe('redbridge.closure.absent-agency-views');
    expect(proactiveTo(team.alex)).toEqual([]);
  });

  it('sends the request: an approval card to each manager in their chat, a status card to the worker, each refreshing for all three', async () => {
    const team = await teamWithCaseToClose();
    const sent = await press(team.sam, VERBS.sendClosureRequest, { caseReference: team.reference, kind: 'closure', confirmed: 'redbridge.closure.absent-agency-views' });
    expect(sent.text).toContain(`${team.reference}: your closure request is with 2 people who may decide it`);
    expect(buttonsOf(sent.updatedCard)).toEqual(['Refresh']);
    await waitForDelivery(() => expect([proactiveTo(team.alex), proactiveTo(team.kim), proactiveTo(team.sam).filter((entry) => cardOf(entry)['refresh'])].map((sends) => sends.length)).toEqual([1, 1, 1]));
    const approval = cardOf(proactiveTo(team.alex)[0]);
    expect(buttonsOf(approval)).toEqual(['Approve', 'Return']);
    expect(textsIn(approval)).toContain("Waiting for a manager's decision");
    expect(String(proactiveTo(team.alex)[0]?.body['text'])).toBe(`Closure requested: ${team.reference}. Waiting for a manager's decision.`);
    expect((approval['refresh'] as Json)['userIds']).toEqual([team.sam, team.alex, team.kim]);
    expect(buttonsOf(cardOf(proactiveTo(team.sam).find((entry) => cardOf(entry)['refresh'])))).toEqual(['Refresh']);
    const [requested] = await auditOfCase('closure.requested', team.reference);
    expect(requested?.actor_id).toBe(team.sam);
    expect(requested?.detail).toMatchObject({
      approverIds: [team.alex, team.kim],
      checklist: [
        { ruleId: 'redbridge.closure.review-decision', check: 'review-decided', met: true, on: '2026-03-09' },
        { ruleId: 'redbridge.closure.absent-agency-views', check: 'confirmed', met: true },
      ],
    });
  });

  it('gives each person their own view on refresh: approvers decide, the requester follows, others see the status only', async () => {
    const team = await teamWithCaseToClose();
    const approval = await requestSent(team);
    const approvalId = (approval['refresh'] as { action: { data: Json } }).action.data;
    expect(buttonsOf((await press(team.kim, VERBS.refreshClosure, approvalId)).updatedCard)).toEqual(['Approve', 'Return']);
    const requester = (await press(team.sam, VERBS.refreshClosure, approvalId)).updatedCard;
    expect(buttonsOf(requester)).toEqual(['Refresh']);
    expect(textsIn(requester)).toContain('The views of any key agency absent from the review have been sought');
    const other = (await press(team.priya, VERBS.refreshClosure, approvalId)).updatedCard;
    expect(textsIn(other)).toEqual(['Closure requested:', ` ${team.reference}`, "Waiting for a manager's decision"]);
  });

  it('refuses a worker of another team, the requester himself, card data claiming a manager, and a tampered case, auditing each', async () => {
    const team = await teamWithCaseToClose();
    const decision = dataOf(await requestSent(team), 'Approve');
    const notAnApprover = `Only a manager of team ${team.north} the procedure names may decide this. Nothing was decided.`;
    const other = await press(team.priya, VERBS.approveClosure, decision);
    expect(textsIn(other.updatedCard)).toContain(notAnApprover);
    const own = await press(team.sam, VERBS.approveClosure, decision);
    expect(textsIn(own.updatedCard)).toContain('You asked for this, so someone else must decide it. Nothing was decided.');
    const claiming = await press(team.priya, VERBS.approveClosure, { ...decision, userId: team.alex, aadObjectId: team.alex, role: 'manager', team: team.north });
    expect(textsIn(claiming.updatedCard)).toContain(notAnApprover);
    const tampered = await press(team.alex, VERBS.approveClosure, { ...decision, caseReference: 'ZZ99' });
    expect(textsIn(tampered.updatedCard)).toContain(`This card does not match the request for ${team.reference}. Nothing was decided.`);
    const ours = new Set([team.sam, team.alex, team.kim, team.priya, team.ruth]);
    expect((await auditOf('closure.refused')).filter((row) => ours.has(row.actor_id)).map((row) => [row.actor_id, (row.detail as Json)['reason']])).toEqual([
      [team.priya, 'not-an-approver'],
      [team.sam, 'own-request'],
      [team.priya, 'not-an-approver'],
      [team.alex, 'case-mismatch'],
    ]);
    expect((await caseStatus(team.reference)).status).toBe('open');
  });

  it('refuses a Return without a comment beside the comment box, deciding nothing', async () => {
    const team = await teamWithCaseToClose();
    const approval = await requestSent(team);
    const refused = await press(team.alex, VERBS.returnClosure, { ...dataOf(approval, 'Return'), comment: '   ' });
    expect(textsIn(refused.updatedCard)).toContain('Say why you are returning it, so the worker knows what to put right.');
    expect(buttonsOf(refused.updatedCard)).toEqual(['Approve', 'Return']);
    expect(await auditOfCase('closure.returned', team.reference)).toEqual([]);
  });

  it('lets one of two managers approving at once win; the other is told who did and when', async () => {
    const team = await teamWithCaseToClose();
    const decision = dataOf(await requestSent(team), 'Approve');
    const [byAlex, byKim] = await Promise.all([press(team.alex, VERBS.approveClosure, decision), press(team.kim, VERBS.approveClosure, decision)]);
    const texts = [byAlex, byKim].map((outcome) => textsIn(outcome.updatedCard));
    const approvedByEither = new RegExp(`^Approved by Name of (${team.alex}|${team.kim}) on Tuesday 10 March 2026 at 09:00$`);
    const winner = texts.findIndex((card) => card.some((text) => approvedByEither.test(text)));
    expect(winner).toBeGreaterThanOrEqual(0);
    const loser = texts[1 - winner];
    expect(loser?.find((text) => text.startsWith('Already decided: Approved by'))).toMatch(/Nothing was changed\.$/);
    expect(await auditOfCase('closure.approved', team.reference)).toHaveLength(1);
    expect((await auditOfCase('closure.refused', team.reference)).at(-1)?.detail).toMatchObject({ reason: 'already-decided' });
  });

  it('updates every card it sent in place, tells the worker, closes the case, and audits who, what, when and the checklist', async () => {
    const team = await teamWithCaseToClose();
    const approved = await press(team.alex, VERBS.approveClosure, dataOf(await requestSent(team), 'Approve'));
    expect(textsIn(approved.updatedCard).some((text) => text.startsWith(`Approved by Name of ${team.alex}`))).toBe(true);
    await waitForDelivery(() => expect([updatesTo(team.alex), updatesTo(team.kim), updatesTo(team.sam)].map((updates) => updates.length)).toEqual([1, 1, 1]));
    for (const who of [team.alex, team.kim, team.sam]) {
      const [update] = updatesTo(who);
      expect(update?.activityId).toBe(proactiveTo(who).find((entry) => cardOf(entry)['refresh'])?.sentId);
      expect(buttonsOf(cardOf(update))).toEqual([]);
      expect(textsIn(cardOf(update)).some((text) => text.startsWith('Approved by Name of'))).toBe(true);
    }
    await waitForDelivery(() =>
      expect(proactiveTo(team.sam).map((entry) => entry.body['text'])).toContain(`${team.reference}: your closure request was approved: the case is closed and its reminders have stopped.`),
    );
    expect(await caseStatus(team.reference)).toEqual({ status: 'closed', closed_on: '2026-03-10' });
    const [audited] = await auditOfCase('closure.approved', team.reference);
    expect(audited?.detail).toMatchObject({ requestedBy: team.sam, closedOn: '2026-03-10', checklist: [{ ruleId: 'redbridge.closure.review-decision', met: true }, { ruleId: 'redbridge.closure.absent-agency-views', met: true }] });
    expect((await say(team.sam, `close ${team.reference}`)).text).toBe(`${team.reference} is already closed.`);
  });

  it('takes the Action.Submit fallback the same way: a senior practitioner in Camden returns a step-down, and the pressed card is replaced', async () => {
    const { priya, ruth, south } = await teamWithRoles();
    const { reference } = idsOfItsOwn({ reference: 'CD34' });
    const opened = await press(priya, VERBS.createCase, { reference, initials: 'C.D.', authorityId: 'camden', team: south, worker: 'me', openedOn: '2026-01-05', pathways: '' });
    expect(opened.text).toMatch(new RegExp(`Opened ${reference}`));
    await agreePlanAndReview(talker, priya, { authorityId: 'camden', reference, agreedOn: '2026-03-02', reviewOn: '2026-04-10', actionDueOn: '2026-06-30', heldOn: '2026-03-09', decision: 'step-down' }, TODAY);
    const request = await say(priya, `step down ${reference}`);
    expect(tickable(request.cards[0])).toEqual([]);
    const sent = await submit(priya, 'request-card-message', { verb: VERBS.sendClosureRequest, caseReference: reference, kind: 'step-down' });
    expect(sent.text).toContain(`${reference}: your step-down request is with 1 person who may decide it`);
    expect(updatesTo(priya).find((entry) => entry.activityId === 'request-card-message')).toBeDefined();
    await waitForDelivery(() => expect(proactiveTo(ruth).filter((entry) => cardOf(entry)['refresh'])).toHaveLength(1));
    const card = cardOf(proactiveTo(ruth).find((entry) => cardOf(entry)['refresh']));
    expect(textsIn(card)).toContain('Met by the decision on this request');
    const refused = await submit(ruth, 'ruths-card', { verb: VERBS.returnClosure, ...dataOf(card, 'Return') });
    expect(textsIn(cardOf(updatesTo(ruth).find((entry) => entry.activityId === 'ruths-card')))).toContain('Say why you are returning it, so the worker knows what to put right.');
    expect(refused.text).toBe('');
    await submit(ruth, 'ruths-card', { verb: VERBS.returnClosure, ...dataOf(card, 'Return'), comment: 'The early help service has not yet agreed to be lead professional.' });
    const returnedCard = cardOf(updatesTo(ruth).filter((entry) => entry.activityId === 'ruths-card').at(-1));
    expect(textsIn(returnedCard).some((text) => text.startsWith(`Returned by Name of ${ruth} on Tuesday 10 March 2026`))).toBe(true);
    expect(textsIn(returnedCard)).toContain('The early help service has not yet agreed to be lead professional.');
    await waitForDelivery(() => expect(proactiveTo(priya).map((entry) => entry.body['text'])).toContain(`${reference}: your step-down request was returned: the reason is on the request card.`));
    expect((await caseStatus(reference)).status).toBe('open');
    const again = await submit(ruth, 'ruths-card', { verb: VERBS.approveClosure, ...dataOf(card, 'Approve') });
    expect(textsIn(cardOf(updatesTo(ruth).filter((entry) => entry.activityId === 'ruths-card').at(-1))).some((text) => text.startsWith('Already decided: Returned by'))).toBe(true);
    expect(again.text).toBe('');
    expect((await caseStatus(reference)).status).toBe('open');
    expect((await say(priya, `step down ${reference}`)).cards.map(textsIn).flat()).toContain('Your last request was returned: the reason is on its card. Put it right, then send again.');
  });
});

describe.each([
  { authorityId: 'redbridge', reference: 'RB1' },
  { authorityId: 'blackburn-with-darwen', reference: 'BW1' },
  { authorityId: 'camden', reference: 'CA1' },
  { authorityId: 'slough', reference: 'SL1' },
  { authorityId: 'brighton-and-hove', reference: 'BH1' },
])('the full paths for $authorityId', ({ authorityId, reference }) => {
  /**
   * A worker and a manager of a team of their own (the manager has written to the bot once), and the worker's
   * case `ref`: a plan agreed six months ago and a review that decided `decision`.
   */
  const teamWithCaseDecided = async (ref: string, decision: 'close' | 'step-down') => {
    const people = { worker: `worker-${ref}`, manager: `manager-${ref}` };
    const team = `Team-${ref}`;
    await say(ADMIN, `role ${people.worker} worker of ${team}`);
    await say(ADMIN, `role ${people.manager} manager of ${team}`);
    await say(people.manager, 'help');
    await press(people.worker, VERBS.createCase, { reference: ref, initials: 'E.F.', authorityId, team, worker: 'me', openedOn: '2025-08-04', pathways: '' });
    expect((await say(people.worker, `record plan started 1 September 2025 for ${ref}`)).text).toContain(`Recorded for ${ref}`);
    await agreePlanAndReview(talker, people.worker, { authorityId, reference: ref, meeting: 'review', agreedOn: '2026-03-02', reviewOn: '2026-04-10', actionDueOn: '2026-06-30', heldOn: '2026-03-09', decision }, TODAY);
    return people;
  };
  /** Opens the request card and ticks everything the worker may tick (no exception: the plan has run six months). */
  const everyTick = async (worker: string, kind: 'close' | 'step down', ref: string) => {
    const card = (await say(worker, `${kind} ${ref}`)).cards[0];
    return tickable(card).join(',');
  };
  const approvalCardFor = async (userId: string, count: number) => {
    await waitForDelivery(() => expect(proactiveTo(userId).filter((entry) => cardOf(entry)['refresh']).length).toBe(count));
    return cardOf(proactiveTo(userId).filter((entry) => cardOf(entry)['refresh']).at(-1));
  };

  it('returns a closure with a reason, tells the worker, leaves the case open; a second request is then approved and closes it', async () => {
    const { worker, manager } = await teamWithCaseDecided(reference, 'close');
    const ticks = await everyTick(worker, 'close', reference);
    const sent = await press(worker, VERBS.sendClosureRequest, { caseReference: reference, kind: 'closure', confirmed: ticks });
    expect(sent.text).toContain(`${reference}: your closure request is with 1 person`);
    const first = await approvalCardFor(manager, 1);
    const returned = await press(manager, VERBS.returnClosure, { ...dataOf(first, 'Return'), comment: 'Chronology not up to date.' });
    expect(textsIn(returned.updatedCard).some((text) => text.startsWith(`Returned by Name of ${manager}`))).toBe(true);
    await waitForDelivery(() => expect(proactiveTo(worker).map((entry) => entry.body['text'])).toContain(`${reference}: your closure request was returned: the reason is on the request card.`));
    expect((await caseStatus(reference)).status).toBe('open');

    const again = await press(worker, VERBS.sendClosureRequest, { caseReference: reference, kind: 'closure', confirmed: await everyTick(worker, 'close', reference) });
    expect(again.text).toContain('is with 1 person');
    const second = await approvalCardFor(manager, 2);
    const approved = await press(manager, VERBS.approveClosure, dataOf(second, 'Approve'));
    expect(textsIn(approved.updatedCard).some((text) => text.startsWith(`Approved by Name of ${manager}`))).toBe(true);
    expect(await caseStatus(reference)).toEqual({ status: 'closed', closed_on: '2026-03-10' });
    const audited = await auditOfCase('closure.approved', reference);
    expect(audited).toHaveLength(1);
    expect((audited[0]?.detail as { checklist: { met: boolean }[] }).checklist.every((item) => item.met)).toBe(true);
  });

  it('approves a step-down on its own checklist, and the case closes', async () => {
    const ref = `${reference}S`;
    const { worker, manager } = await teamWithCaseDecided(ref, 'step-down');
    const sent = await press(worker, VERBS.sendClosureRequest, { caseReference: ref, kind: 'step-down', confirmed: await everyTick(worker, 'step down', ref) });
    expect(sent.text).toContain(`${ref}: your step-down request is with 1 person`);
    const card = await approvalCardFor(manager, 1);
    expect(textsIn(card)[0]).toBe('Step-down requested:');
    await press(manager, VERBS.approveClosure, dataOf(card, 'Approve'));
    expect((await caseStatus(ref)).status).toBe('closed');
    expect(await auditOfCase('step-down.approved', ref)).toHaveLength(1);
  });
});

describe('a slow Bot Connector', () => {
  it('answers the decision at once; the card updates follow when Teams takes them', async () => {
    await say(ADMIN, 'role slow-worker worker of Slow');
    await say(ADMIN, 'role slow-manager manager of Slow');
    await say('slow-manager', 'help');
    await press('slow-worker', VERBS.createCase, { reference: 'SW1', initials: 'G.H.', authorityId: 'brighton-and-hove', team: 'Slow', worker: 'me', openedOn: '2026-01-05', pathways: '' });
    await say('slow-worker', 'record review held 9 March 2026 for SW1');
    await press('slow-worker', VERBS.sendClosureRequest, { caseReference: 'SW1', kind: 'closure', confirmed: '' });
    await waitForDelivery(() => expect(proactiveTo('slow-manager').filter((entry) => cardOf(entry)['refresh'])).toHaveLength(1));
    const card = cardOf(proactiveTo('slow-manager').find((entry) => cardOf(entry)['refresh']));
    // Updates of the manager's card are held back until the test lets them go.
    let release = () => {};
    connector.holdUpdates({ conversationId: chatOf('slow-manager'), until: new Promise<void>((resolve) => (release = resolve)) });
    const approved = await press('slow-manager', VERBS.approveClosure, dataOf(card, 'Approve'));
    expect(textsIn(approved.updatedCard).some((text) => text.startsWith('Approved by'))).toBe(true);
    expect(updatesTo('slow-manager')).toEqual([]);
    release();
    await waitForDelivery(() => expect(updatesTo('slow-manager')).toHaveLength(1));
    connector.holdUpdates(undefined);
    expect(textsIn(cardOf(updatesTo('slow-manager')[0])).some((text) => text.startsWith('Approved by'))).toBe(true);
  });
});
