import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { AUDIENCES, type CardRoute } from '../../bot/route-access.js';
import { GUIDE } from '../../bot/replies/command-guide.js';
import { CARD_ROUTES, MESSAGE_ROUTES, type CardRouteTable } from '../../bot/routes.js';
import { botContextOn } from '../../bot/start-bot.js';
import type { Database } from '../../bot/store/database.js';
import { VERBS, type CardVerb } from '../../cards/verbs.js';
import type { LocalDate } from '../../domain/dates/local-date.js';
import { DATABASE_ENGINES } from '../helpers/databases.js';
import { textOf, turnsWith } from '../helpers/in-process-turn.js';

/** The named groups a pattern has: an empty alternative matches '' and still lists every group. */
const groupsOf = (pattern: RegExp) => Object.keys(new RegExp(`${pattern.source}|`, pattern.flags).exec('')?.groups ?? {}).sort();

describe('the route table', () => {
  it('declares who may use every command and every card verb', () => {
    const routes = [...MESSAGE_ROUTES.map(({ route }) => route), ...Object.values<CardRoute>(CARD_ROUTES).map(({ route }) => route)];
    expect(routes).toHaveLength(MESSAGE_ROUTES.length + Object.keys(VERBS).length);
    for (const route of routes) {
      expect(route.who.length).toBeGreaterThan(0);
      expect(route.who.filter((audience) => !AUDIENCES.includes(audience))).toEqual([]);
      // A route for the case's team names the case it is on.
      if (route.who.includes('case team')) expect(route.caseReference).toBeTypeOf('function');
    }
  });

  it('routes every card verb', () => {
    expect(Object.keys(CARD_ROUTES).sort()).toEqual(Object.values(VERBS).sort());
  });

  it('hands each command exactly the named groups its pattern has', () => {
    for (const { pattern, groups } of MESSAGE_ROUTES) expect([...groups].sort(), String(pattern)).toEqual(groupsOf(pattern));
  });

  it('has the command guide that help shows agree with it: every example reaches a route open to the audience it is shown to', () => {
    const entries = GUIDE.flatMap((group) => group.entries);
    const routeOf = (example: string) => MESSAGE_ROUTES.find(({ pattern }) => pattern.test(example.replace(/ \(.*\)$/, '')));
    const reached = new Set<(typeof MESSAGE_ROUTES)[number]>();
    for (const entry of entries) {
      const found = routeOf(entry.example);
      // Recording is read from free text after every command was tried, so no command pattern takes it.
      if (entry.command.startsWith('record ')) {
        expect(found, entry.example).toBeUndefined();
        continue;
      }
      expect(found, entry.example).toBeDefined();
      if (!found) continue;
      reached.add(found);
      const who = found.route.who;
      const shownTo = { anyone: ['anyone'], team: ['anyone', 'case team'], manager: ['team manager'], admin: ['admin'] }[entry.audience];
      expect(who.some((audience) => shownTo.includes(audience)), `${entry.example}: shown to ${entry.audience}, open to ${who.join(', ')}`).toBe(true);
      if (entry.audience === 'admin') expect(who, entry.example).toEqual(['admin']);
    }
    const unexplained = MESSAGE_ROUTES.filter((route) => !reached.has(route)).map(({ pattern }) => String(pattern));
    // "what can you do" is help said another way.
    expect(unexplained).toEqual([String(/^what can (you|i) (ask|answer|do)\b/i)]);
  });

  it('does not compile with a verb that has no route', () => {
    type OneMoreVerb = CardVerb | 'case.archive';
    // @ts-expect-error 'case.archive' has no route, so the table is not a route table for it
    const routed: CardRouteTable<OneMoreVerb> = CARD_ROUTES;
    expect(Object.hasOwn(routed, 'case.archive')).toBe(false);
  });
});

describe.each(DATABASE_ENGINES)('the route resolver on $name', ({ open }) => {
  const TENANT = 'tenant-routes';
  const ADMIN = 'admin-object-id';
  const SAM = 'sam-object-id';
  const PRIYA = 'priya-object-id';
  const KIM = 'kim-object-id';
  const AT = '2026-03-10T09:00:00Z';
  let database: Database;
  let turns: ReturnType<typeof turnsWith>;

  beforeEach(async () => {
    database = await open();
    const config = loadConfig({ BOT_ADMINS: ADMIN });
    if (!config.ok) throw new Error(config.error.message);
    const context = botContextOn(database.db, config.value);
    await context.roles.assign(TENANT, { userId: SAM, role: 'worker', team: 'North' }, ADMIN, new Date(AT));
    await context.roles.assign(TENANT, { userId: KIM, role: 'manager', team: 'North' }, ADMIN, new Date(AT));
    await context.roles.assign(TENANT, { userId: PRIYA, role: 'manager', team: 'South' }, ADMIN, new Date(AT));
    const opened = await context.cases.openCase(
      { tenantId: TENANT, reference: 'AB12', initials: 'A.B.', authorityId: 'redbridge', team: 'North', workerId: SAM, pathways: [], openedOn: '2026-03-02' as LocalDate },
      { tenantId: TENANT, userId: SAM },
      new Date(AT),
    );
    if (!opened.ok) throw new Error('case not opened');
    turns = turnsWith(context, TENANT);
  });
  afterEach(() => database.close());

  it('tells someone outside the case team the same words whether the case is missing or not theirs', async () => {
    const notTheirs = textOf(await turns.say(PRIYA, 'case AB12', AT));
    const missing = textOf(await turns.say(PRIYA, 'case ZZ99', AT));
    expect(notTheirs).toMatch(/^You can't see or change AB12/);
    expect(missing.replaceAll('ZZ99', 'AB12')).toBe(notTheirs);
    expect(textOf(await turns.say(SAM, 'case AB12', AT))).toMatch(/AB12/);
    expect(textOf(await turns.say(SAM, 'case AB12', AT))).not.toMatch(/can't see/);
  });

  it('refuses a card of the case on the card for Save and in the chat for the others', async () => {
    const save = await turns.press(PRIYA, VERBS.saveClosureRequest, { caseReference: 'AB12', kind: 'closure' }, AT);
    expect(save).toEqual({ messages: [], invokeMessage: expect.stringMatching(/^You can't see or change AB12/) });
    const open = await turns.press(PRIYA, VERBS.openPlan, { caseReference: 'AB12' }, AT);
    expect(open.messages[0]?.text).toMatch(/^You can't see or change AB12/);
  });

  it('lets a team manager act on the cases of the teams they manage only, and an admin on any', async () => {
    expect(textOf(await turns.say(PRIYA, `reassign AB12 to ${KIM}`, AT))).toMatch(/^Only a manager of the case's team or an admin/);
    expect(textOf(await turns.say(PRIYA, `reassign ZZ99 to ${KIM}`, AT))).toMatch(/^Only a manager of the case's team or an admin/);
    expect(textOf(await turns.say(KIM, `reassign AB12 to ${PRIYA}`, AT))).toBe(`AB12 is now ${PRIYA}'s. Its deadlines and reminders follow them.`);
    expect(textOf(await turns.say(ADMIN, `reassign AB12 to ${SAM}`, AT))).toBe(`AB12 is now ${SAM}'s. Its deadlines and reminders follow them.`);
    expect(textOf(await turns.say(SAM, 'team deadlines', AT))).toMatch(/^Team deadlines are for managers/);
    expect(textOf(await turns.say(KIM, 'team deadlines', AT))).toMatch(/^Deadlines of team North/);
  });

  it('keeps the admin commands to admins, each with its own refusal', async () => {
    expect(textOf(await turns.say(KIM, 'remove case AB12', AT))).toBe('Only an admin can remove a case.');
    expect(textOf(await turns.say(KIM, `role ${SAM} manager of North`, AT))).toBe('Only an admin can give or remove roles. The first admins are set by BOT_ADMINS.');
    expect(textOf(await turns.say(ADMIN, `remove role ${SAM} worker of North`, AT))).toBe(`Removed: ${SAM} is worker of team North.`);
    expect(textOf(await turns.say(SAM, 'case AB12', AT))).toMatch(/AB12/);
  });
});
