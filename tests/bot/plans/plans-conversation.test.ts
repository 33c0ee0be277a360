import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type StartedBot } from '../../../bot/start-bot.js';
import { planTemplateFor } from '../../../domain/plans/plan-template.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { chatWith, inputValue, shownText, submissionOf } from '../../helpers/chat-driver.js';
import { idsOfItsOwn } from '../../helpers/ids-of-its-own.js';
import { CONNECTOR } from '../teams/bot-framework-double.js';
import { putNewClusterIn } from '../../helpers/databases.js';

// CiN plans through the real bot: an embedded database in a folder, activities as Teams sends them, nock as
// the Bot Connector. Each authority's plan is written, refused, resumed after a restart, agreed and re-read,
// each test on a case of its own.
const TENANT = '4b1f6a2e-9c3d-4e8f-a1b2-7c6d5e4f3a21';
const ADMIN = 'admin-object-id';
const SAM = 'sam-object-id';
const PRIYA = 'priya-object-id';
const MEETING_DAY = '2026-03-27T10:00:00Z'; // Friday 27 March 2026, the initial CiN meeting

let dataDir: string;
let bot: StartedBot;
const CHROMIUM = '/usr/bin/chromium';
const env = () => ({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', BOT_ADMINS: ADMIN, ...(existsSync(CHROMIUM) ? { CHROMIUM_PATH: CHROMIUM } : {}) });
const { say, press } = chatWith(() => bot, TENANT);

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  dataDir = mkdtempSync(join(tmpdir(), 'cin-plans-'));
  await putNewClusterIn(dataDir);
  bot = await startBot(env(), { host: '127.0.0.1' });
  await say(ADMIN, `role ${SAM} worker of North`, MEETING_DAY);
  await say(ADMIN, `role ${PRIYA} worker of South`, MEETING_DAY);
});
afterAll(async () => {
  await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
  nock.cleanAll();
  nock.enableNetConnect();
});

interface AuthorityCase {
  readonly authorityId: string;
  readonly reference: string;
  /** The latest review date the authority's rule allows after an initial meeting on Friday 27 March 2026. */
  readonly reviewDueBy: string;
  readonly reviewOn: string;
  /** What the bot must say agreeing sets running, hand-worked. */
  readonly deadlines: readonly string[];
  /** Obligations that agreeing must put on the case: rule id → due date. */
  readonly obligations: Readonly<Record<string, string>>;
}

const CASES: readonly AuthorityCase[] = [
  {
    authorityId: 'redbridge',
    reference: 'RB101',
    // 6 weeks after the plan started on 27 March 2026
    reviewDueBy: 'Friday 8 May 2026',
    reviewOn: '2026-05-08',
    // 10 working days after the meeting, skipping Good Friday (3 April) and Easter Monday (6 April)
    deadlines: ['Tuesday 14 April 2026 (4. Recording the Plan)', 'Friday 8 May 2026 (5. Frequency of Planning and Review Meetings)'],
    obligations: { 'redbridge.plan-circulation.send-copies': '2026-04-14', 'redbridge.first-review.at-six-weeks': '2026-05-08' },
  },
  {
    authorityId: 'blackburn-with-darwen',
    reference: 'BD101',
    reviewDueBy: 'Friday 8 May 2026',
    reviewOn: '2026-05-01',
    // 5 working days after the meeting: 30, 31 March, 1, 2 April, (Easter) 7 April
    deadlines: ['Tuesday 7 April 2026 (Immediate Support)', 'Friday 8 May 2026 (Review of Child / Young Person\'s Initial Plan)'],
    obligations: {
      'blackburn-with-darwen.plan-circulation.initial-plan-within-5-working-days': '2026-04-07',
      'blackburn-with-darwen.first-review.initial-plan-within-6-weeks': '2026-05-08',
    },
  },
  {
    authorityId: 'camden',
    reference: 'CA101',
    // 3 calendar months after the initial CIN review: Saturday 27 June 2026 (a calendar date stays put)
    reviewDueBy: 'Saturday 27 June 2026',
    reviewOn: '2026-06-26',
    // 14 days after the meeting
    deadlines: ['Friday 10 April 2026 (10.4 Conduct of CIN reviews)', 'Saturday 27 June 2026 (10.1 Purpose and frequency)'],
    obligations: {
      'camden.review-written-report.within-fourteen-days': '2026-04-10',
      'camden.review.every-three-months': '2026-06-27',
      // the booked review on Friday 26 June 2026: invitations 10 working days before, the report 2 before
      'camden.review-invitations.ten-working-days-before': '2026-06-12',
      'camden.review-report.two-working-days-before': '2026-06-24',
    },
  },
  {
    authorityId: 'slough',
    reference: 'SL101',
    reviewDueBy: 'Saturday 27 June 2026',
    reviewOn: '2026-06-19',
    deadlines: ['sets no timescale for sending out copies of the CIN Plan', '(The Child in Need Plan)', 'Saturday 27 June 2026 (The Child in Need Meeting)'],
    obligations: { 'slough.first-review.within-three-months': '2026-06-27' },
  },
  {
    authorityId: 'brighton-and-hove',
    reference: 'BH101',
    reviewDueBy: 'Saturday 27 June 2026',
    reviewOn: '2026-06-26',
    deadlines: ['Tuesday 14 April 2026 (Child in Need Network Meeting Agenda)', 'Saturday 27 June 2026 (5. Arranging a Child in Need Network Meeting)'],
    obligations: {
      'brighton-and-hove.minutes-circulation.within-ten-working-days': '2026-04-14',
      'brighton-and-hove.review.network-meeting-every-three-months': '2026-06-27',
    },
  },
];

function templateOf(authorityId: string) {
  const policy = POLICIES.find((candidate) => candidate.authority.id === authorityId);
  if (!policy) throw new Error(authorityId);
  return planTemplateFor(policy);
}

/** A complete plan in the form's inputs: every section written, two actions, the review date. */
function completePlan(entry: AuthorityCase): Record<string, string> {
  const sections = Object.fromEntries(templateOf(entry.authorityId).sections.map((section) => [`section-${section.id}`, `${section.label}: written for ${entry.reference}.`]));
  return {
    ...sections,
    'action-0-action': 'Parenting course at the family hub',
    'action-0-owner': 'Family support worker',
    'action-0-dueOn': '2026-04-24',
    'action-0-outcome': 'Bedtime routine in place',
    'action-1-action': 'School attendance plan',
    'action-1-owner': 'Head of year',
    'action-1-dueOn': '2026-05-01',
    'action-1-outcome': 'Attendance above 95%',
    reviewOn: entry.reviewOn,
  };
}

/**
 * A case of Sam's under `entry`'s authority with a reference of its own, and its plan's draft with one action
 * written and a second row added: the updated form.
 */
async function draftWithTwoRows(entry: AuthorityCase) {
  const { reference } = idsOfItsOwn({ reference: entry.reference });
  const opened = await press(SAM, 'case.create', { reference, initials: 'A.B.', authorityId: entry.authorityId, team: 'North', worker: 'me', openedOn: '2026-03-02', pathways: '' }, MEETING_DAY);
  expect(opened.said).toMatch(new RegExp(`Opened ${reference}`));
  const form = await say(SAM, `plan ${reference}`, MEETING_DAY);
  const firstRow = Object.fromEntries(Object.entries(completePlan(entry)).filter(([id]) => !id.startsWith('action-1')));
  const added = await press(SAM, 'plan.add-action', submissionOf(form.cards[0], 'plan.add-action', firstRow), MEETING_DAY);
  return { reference, form, added };
}

/** Agreeing the draft with the review too late, an owner, a section and a date missing: refused, the input kept. */
async function incompleteAgreementRefused(entry: AuthorityCase, reference: string) {
  const form = (await say(SAM, `plan ${reference}`, MEETING_DAY)).cards[0];
  const lateReview = { ...completePlan(entry), reviewOn: '2026-07-31', 'action-1-owner': '', 'action-0-dueOn': '2026-03-20', ...(firstSectionOf(entry) ? { [`section-${firstSectionOf(entry)?.id}`]: '' } : {}) };
  return press(SAM, 'plan.agree', submissionOf(form, 'plan.agree', { ...lateReview, meeting: 'initial-meeting', heldOn: '2026-03-27' }), MEETING_DAY);
}

/** `entry`'s plan for a case of its own, complete, agreed at the initial CiN meeting of Friday 27 March 2026. */
async function planAgreed(entry: AuthorityCase) {
  const { reference } = await draftWithTwoRows(entry);
  const form = (await say(SAM, `plan ${reference}`, MEETING_DAY)).cards[0];
  const agreed = await press(SAM, 'plan.agree', submissionOf(form, 'plan.agree', { ...completePlan(entry), meeting: 'initial-meeting', heldOn: '2026-03-27' }), MEETING_DAY);
  expect(agreed.said).toContain(`Agreed: version 1 of ${reference}'s CiN plan.`);
  return { reference, agreed };
}

const firstSectionOf = (entry: AuthorityCase) => templateOf(entry.authorityId).sections[0];

describe.each(CASES)('a CiN plan for $authorityId', (entry) => {
  const template = templateOf(entry.authorityId);
  const firstSection = template.sections[0];

  it('opens a new plan with the authority\u2019s sections and columns, and adds an action keeping what was typed', async () => {
    const { reference, form, added } = await draftWithTwoRows(entry);
    const card = form.cards[0];
    expect(shownText(card)).toContain(`CiN plan for ${reference}`);
    for (const section of template.sections) expect(JSON.stringify(card)).toContain(JSON.stringify(section.label).slice(1, -1));
    expect(JSON.stringify(card)).toContain(template.columns.owner.label);
    expect(inputValue(added.updatedCard, 'action-0-owner')).toBe('Family support worker');
    expect(inputValue(added.updatedCard, 'action-1-action')).toBe('');
    expect(shownText(added.updatedCard)).toContain('Action added. Draft saved.');
  });

  it('refuses to agree an incomplete plan, naming each problem beside its field and keeping the input', async () => {
    const { reference } = await draftWithTwoRows(entry);
    const refused = await incompleteAgreementRefused(entry, reference);
    const text = shownText(refused.updatedCard);
    expect(text).toContain(`The next review is due by ${entry.reviewDueBy}`);
    expect(text).toContain(`Say who: "${template.columns.owner.label}"`);
    expect(text).toContain('Friday 20 March 2026 has passed');
    const requires = firstSection?.rules[0]?.requires ?? '';
    if (firstSection) expect(text).toContain(`Write this section: ${requires.charAt(0).toLowerCase()}${requires.slice(1)}`);
    expect(inputValue(refused.updatedCard, 'reviewOn')).toBe('2026-07-31');
    expect(inputValue(refused.updatedCard, 'action-1-action')).toBe('School attendance plan');
    expect(inputValue(refused.updatedCard, 'meeting')).toBe('initial-meeting');
    expect(
      await bot.database.db.selectFrom('plan_versions').innerJoin('cases', 'cases.id', 'plan_versions.case_id').select('plan_versions.status').where('cases.reference', '=', reference).where('plan_versions.status', '=', 'agreed').execute(),
    ).toEqual([]);
  });
});

describe('drafts', () => {
  it('survive the bot being stopped and started again: "plan <ref>" resumes each as typed', async () => {
    const drafts: string[] = [];
    for (const entry of CASES) {
      const { reference } = await draftWithTwoRows(entry);
      await incompleteAgreementRefused(entry, reference);
      drafts.push(reference);
    }
    await bot.stop();
    bot = await startBot(env(), { host: '127.0.0.1' });
    for (const reference of drafts) {
      const resumed = await say(SAM, `plan ${reference}`, MEETING_DAY);
      expect(resumed.said).toContain(`draft of ${reference}'s CiN plan (version 1)`);
      expect(inputValue(resumed.cards[0], 'reviewOn')).toBe('2026-07-31');
      expect(inputValue(resumed.cards[0], 'action-1-action')).toBe('School attendance plan');
    }
  });
});

describe.each(CASES)('agreeing $authorityId\u2019s plan', (entry) => {
  it('records version 1 and the meeting, and sets the circulation and review deadlines running', async () => {
    const { reference, agreed } = await planAgreed(entry);
    const card = shownText(agreed.updatedCard);
    for (const words of entry.deadlines) expect(card).toContain(words);
    expect(card).toContain('Agreed at the initial CiN meeting on Friday 27 March 2026; recorded by you');

    const obligations = await bot.database.db
      .selectFrom('obligations')
      .innerJoin('cases', 'cases.id', 'obligations.case_id')
      .select(['obligations.rule_id', 'obligations.due_on'])
      .where('cases.reference', '=', reference)
      .execute();
    const dueByRule = Object.fromEntries(obligations.map((row) => [row.rule_id, row.due_on]));
    expect(dueByRule).toMatchObject(entry.obligations);
  });

  it('re-renders the stored version in the form with the same values it was agreed with', async () => {
    const { reference } = await planAgreed(entry);
    const form = (await say(SAM, `plan ${reference}`, MEETING_DAY)).cards[0];
    expect(shownText(form)).toContain('Version 1 agreed Friday 27 March 2026');
    const plan = completePlan(entry);
    for (const [id, value] of Object.entries(plan)) expect(inputValue(form, id)).toBe(value);
  });
});

const REDBRIDGE = CASES[0] as AuthorityCase;
const REVIEW_DAY = '2026-05-08T10:00:00Z'; // Friday 8 May 2026

/** The review of Friday 8 May 2026: the first action achieved, the second behind, and the plan to change. */
async function reviewedToAmend(reference: string) {
  const card = (await say(SAM, `review ${reference}`, REVIEW_DAY)).cards[0];
  return press(
    SAM,
    'plan.review',
    submissionOf(card, 'plan.review', { 'progress-0': 'achieved', 'progress-1': 'behind', childViews: 'Likes the new routine', familyViews: 'Mother wants more help with school', decision: 'amend' }),
    REVIEW_DAY,
  );
}

/** Version 2 agreed at that review from the form it opened: the dates moved and a third action added. */
async function versionTwoAgreed(form: Record<string, unknown> | undefined) {
  const added = await press(SAM, 'plan.add-action', submissionOf(form, 'plan.add-action', { 'action-0-dueOn': '2026-05-29' }), REVIEW_DAY);
  return press(
    SAM,
    'plan.agree',
    submissionOf(added.updatedCard, 'plan.agree', {
      'action-1-dueOn': '2026-06-05',
      'action-2-action': 'Referral to the school nurse',
      'action-2-owner': 'Social worker',
      'action-2-dueOn': '2026-05-22',
      'action-2-outcome': 'Sleep checked',
      reviewOn: '2026-08-07',
    }),
    REVIEW_DAY,
  );
}

/** A Redbridge plan agreed, reviewed and agreed again as version 2: the reference and version 2's card. */
async function redbridgeVersionTwo() {
  const { reference } = await planAgreed(REDBRIDGE);
  const agreed = await versionTwoAgreed((await reviewedToAmend(reference)).updatedCard);
  expect(agreed.said).toContain(`Agreed: version 2 of ${reference}`);
  return { reference, versionCard: agreed.updatedCard };
}

describe('reviewing Redbridge\u2019s plan', () => {
  it('keeps anyone outside the case\u2019s team away from its plan and its review', async () => {
    const { reference } = await planAgreed(REDBRIDGE);
    const kept = new RegExp(`can't see or change ${reference}`);
    expect((await say(PRIYA, `plan ${reference}`, REVIEW_DAY)).said).toMatch(kept);
    expect((await say(PRIYA, `review ${reference}`, REVIEW_DAY)).said).toMatch(kept);
    expect((await press(PRIYA, 'plan.agree', { caseReference: reference, rowCount: 0, meeting: 'review', heldOn: '2026-05-08' }, REVIEW_DAY)).said).toMatch(kept);
    expect((await press(PRIYA, 'plan.show-version', { caseReference: reference, version: 1 }, REVIEW_DAY)).said).toMatch(kept);
  });

  it('refuses a review without the family\u2019s views or an action\u2019s progress, keeping what was typed', async () => {
    const { reference } = await planAgreed(REDBRIDGE);
    const card = (await say(SAM, `review ${reference}`, REVIEW_DAY)).cards[0];
    expect(shownText(card)).toContain('Parenting course at the family hub');
    const refused = await press(SAM, 'plan.review', submissionOf(card, 'plan.review', { 'progress-1': 'behind', childViews: 'Likes the new routine', decision: 'continue' }), REVIEW_DAY);
    expect(shownText(refused.updatedCard)).toContain('Record the family\u2019s views');
    expect(shownText(refused.updatedCard)).toContain('Say how far this action has got.');
    expect(inputValue(refused.updatedCard, 'childViews')).toBe('Likes the new routine');
    expect(inputValue(refused.updatedCard, 'progress-1')).toBe('behind');
  });

  it('records the review held, and on "change the plan" opens the form pre-filled for agreeing at that review', async () => {
    const { reference } = await planAgreed(REDBRIDGE);
    const reviewed = await reviewedToAmend(reference);
    expect(reviewed.said).toContain(`Review of Friday 8 May 2026 recorded for ${reference}: change the plan.`);
    const form = reviewed.updatedCard;
    expect(inputValue(form, 'meeting')).toBe('review');
    expect(inputValue(form, 'heldOn')).toBe('2026-05-08');
    expect(inputValue(form, 'action-0-action')).toBe('Parenting course at the family hub');
    // The review held re-computes the next: every six months from 8 May 2026
    expect((await say(SAM, `case ${reference}`, REVIEW_DAY)).said).toContain('Sunday 8 November 2026');

    const agreed = await versionTwoAgreed(form);
    expect(agreed.said).toContain(`Agreed: version 2 of ${reference}`);
    // Copies within 10 working days of the review: Friday 22 May 2026 (no bank holiday until the 25th)
    expect(shownText(agreed.updatedCard)).toContain('Friday 22 May 2026');
    expect(shownText(agreed.updatedCard)).toContain('Agreed at a review meeting on Friday 8 May 2026');
  });

  it('shows what changed between the versions, and each earlier version as it was agreed', async () => {
    const { reference, versionCard } = await redbridgeVersionTwo();
    const compared = await press(SAM, 'plan.compare', submissionOf(versionCard, 'plan.compare'), REVIEW_DAY);
    const text = compared.said;
    expect(text).toContain(`${reference}: version 1 to version 2.`);
    expect(shownText(compared.cards[0])).toContain('Referral to the school nurse');
    expect(shownText(compared.cards[0])).toMatch(/Task: added/);
    expect(shownText(compared.cards[0])).toMatch(/Date of the next review: changed/);

    const first = await press(SAM, 'plan.show-version', submissionOf(versionCard, 'plan.show-version'), REVIEW_DAY);
    expect(first.said).toContain(`${reference}'s CiN plan, version 1.`);
    expect(shownText(first.cards[0])).toContain('Friday 8 May 2026');
    expect(shownText(first.cards[0])).not.toContain('Referral to the school nurse');
  });

  it('serves the agreed plan as a printable page that escapes what was typed and names no child', async () => {
    const { reference, versionCard } = await redbridgeVersionTwo();
    const link = (JSON.stringify(versionCard).match(/https?:\/\/[^"]+\/downloads\/[\w.-]+/g) ?? [])[0];
    expect(link).toBeDefined();
    const page = await fetch(`${bot.url}${new URL(link ?? '').pathname}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain(`Child in Need plan: ${reference}`);
    expect(html).toContain('Referral to the school nurse');
    expect(html).toContain('Friday 7 August 2026');
    expect(html).not.toContain('A.B.');
    expect(html).not.toContain('<script');
  });

  it.skipIf(!existsSync(CHROMIUM))('prints the agreed plan to PDF through headless Chromium', async () => {
    const { reference, versionCard } = await redbridgeVersionTwo();
    const links = JSON.stringify(versionCard).match(/https?:\/\/[^"]+\/downloads\/[\w.-]+/g) ?? [];
    expect(links).toHaveLength(2);
    const pdf = await fetch(`${bot.url}${new URL(links[1] ?? '').pathname}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`${reference}-cin-plan-v2.pdf`);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('tells the team\u2019s manager of an "escalate" decision in their own chat, with the case reference only', async () => {
    const JULY = '2026-07-03T10:00:00Z';
    const MORGAN = 'morgan-object-id';
    const { reference } = await planAgreed(CASES[1] as AuthorityCase);
    await say(ADMIN, `role ${MORGAN} manager of North`, JULY);
    await say(MORGAN, 'help', JULY); // Morgan's chat is known from this message
    const card = (await say(SAM, `review ${reference}`, JULY)).cards[0];
    const toMorgan: Record<string, unknown>[] = [];
    nock(CONNECTOR)
      .post((uri) => uri.startsWith(`/uk/v3/conversations/${encodeURIComponent(`a:chat-${MORGAN}`)}/activities`), (body: Record<string, unknown>) => (toMorgan.push(body), true))
      .reply(200, { id: 'to-morgan' });
    const escalated = await press(SAM, 'plan.review', submissionOf(card, 'plan.review', { 'progress-0': 'behind', 'progress-1': 'not-started', childViews: 'Worried', familyViews: 'Not engaging', decision: 'escalate' }), JULY);
    expect(escalated.said).toContain(`Review of Friday 3 July 2026 recorded for ${reference}`);
    expect(escalated.said).toContain('The manager has been told in Teams (case reference only).');
    expect(toMorgan).toHaveLength(1);
    expect(toMorgan[0]?.['text']).toBe(
      `The review of ${reference} on Friday 3 July 2026 decided to escalate: the worker asks for your decision on the safeguarding route. "case ${reference}" shows its timeline, "plan ${reference}" its plan.`,
    );
    expect(JSON.stringify(toMorgan)).not.toMatch(/A\.B\.|Worried|Not engaging/);
  });

  it('hands "close" over to the closure request, with the review recorded first, and audits every plan change', async () => {
    const AUGUST = '2026-08-07T10:00:00Z';
    const { reference } = await redbridgeVersionTwo();
    const card = (await say(SAM, `review ${reference}`, AUGUST)).cards[0];
    const progress = { 'progress-0': 'achieved', 'progress-1': 'achieved', 'progress-2': 'achieved' };
    const closing = await press(SAM, 'plan.review', submissionOf(card, 'plan.review', { ...progress, childViews: 'Happy', familyViews: 'Ready to close', decision: 'close' }), AUGUST);
    expect(closing.said).toContain(`Review of Friday 7 August 2026 recorded for ${reference}: close the case.`);
    expect(closing.cards.length + (closing.updatedCard ? 1 : 0)).toBeGreaterThanOrEqual(1);

    const audit = await bot.database.db.selectFrom('audit_log').select(['action', 'detail']).where('case_reference', '=', reference).where('action', 'like', 'plan.%').orderBy('id').execute();
    const actions = audit.map((row) => row.action);
    expect(actions.filter((action) => action === 'plan.agreed')).toHaveLength(2);
    expect(actions.filter((action) => action === 'plan.reviewed')).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('Parenting course');
  });
});
