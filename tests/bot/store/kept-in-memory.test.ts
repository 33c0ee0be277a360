import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import nock from 'nock';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../bot/config.js';
import { createTurnHandler } from '../../../bot/turn-handler.js';
import { botContextOn, startBot as startWholeBot, type StartedBot } from '../../../bot/start-bot.js';
import { dropSchema, openDatabase, type Database } from '../../../bot/store/database.js';
import { newPglite, putNewClusterIn } from '../../helpers/databases.js';
import { ConversationStore } from '../../../bot/store/conversation-references.js';
import { setTenantAuthority } from '../../../bot/store/question-memory.js';
import { listenerName } from '../../../bot/store/store-changes.js';
import { chatWith } from '../../helpers/chat-driver.js';
import { startBot, type BotUnderTest } from '../teams/bot-framework-double.js';

// Two bot instances on one database (one schema), as two replicas behind Teams: each keeps what a question turn
// reads in memory, and must still honour at once what the other changed. On PGlite both instances share the one
// embedded database in this process; on PostgreSQL each has its own connections and listens on its own.
const TENANT = 'tenant-kept';
const JUNE_20 = '2026-06-20T09:00:00Z';
const JUNE_20_LATER = '2026-06-20T09:05:00Z';

interface TwoInstances {
  readonly first: Database;
  readonly second: Database;
  /** Cuts every connection the instances listen on (PostgreSQL); undefined where there is none to cut. */
  readonly cutListeners?: () => Promise<void>;
  /** Drops the schema (and closes the embedded database) once both are closed. */
  readonly dispose: () => Promise<void>;
}

const ENGINES: readonly { readonly name: string; readonly open: () => Promise<TwoInstances> }[] = [
  {
    name: 'PGlite',
    open: async () => {
      const embedded = newPglite();
      const schema = `kept_${randomUUID().replace(/-/g, '')}`;
      return {
        first: await openDatabase({ embedded, schema }),
        second: await openDatabase({ embedded, schema }),
        dispose: () => embedded.close(),
      };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          open: async () => {
            const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
            const schema = `kept_${randomUUID().replace(/-/g, '')}`;
            return {
              first: await openDatabase({ databaseUrl, schema }),
              second: await openDatabase({ databaseUrl, schema }),
              dispose: () => dropSchema(databaseUrl, schema),
              cutListeners: async () => {
                const admin = new pg.Client({ connectionString: databaseUrl });
                await admin.connect();
                await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [listenerName(schema)]);
                await admin.end();
              },
            };
          },
        },
      ]
    : []),
];

/** Counts the statements an instance sends, whatever they are. */
function statementCounter(): KyselyPlugin & { count: number } {
  const counter = {
    count: 0,
    transformQuery: ({ node }: Parameters<KyselyPlugin['transformQuery']>[0]) => {
      counter.count += 1;
      return node;
    },
    transformResult: async ({ result }: Parameters<KyselyPlugin['transformResult']>[0]) => result,
  };
  return counter;
}

describe.each(ENGINES)('what a question turn reads, kept in memory by two instances on $name', ({ open }) => {
  let instances: TwoInstances;
  let botA: BotUnderTest;
  let botB: BotUnderTest;
  const statementsOfA = statementCounter();
  const onA = chatWith(() => botA as never, TENANT);
  const onB = chatWith(() => botB as never, TENANT);

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    instances = await open();
    const config = loadConfig({ NODE_ENV: 'test' });
    if (!config.ok) throw new Error(config.error.message);
    const { first, second } = instances;
    botA = await startBot({ NODE_ENV: 'test' }, createTurnHandler(botContextOn(first.db.withPlugin(statementsOfA), config.value, undefined, { changes: first.changes })));
    botB = await startBot({ NODE_ENV: 'test' }, createTurnHandler(botContextOn(second.db, config.value, undefined, { changes: second.changes })));
  });
  afterAll(async () => {
    await botA.close();
    await botB.close();
    await instances.first.close();
    await instances.second.close();
    await instances.dispose();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('sends no statement for a question once nothing it reads has changed', async () => {
    // The first messages store the chat's address and find that nothing is pending and which authority applies.
    await onA.say('reads-nothing', 'set authority Slough', JUNE_20);
    await onA.say('reads-nothing', 'I last visited the child on 5 August 2026. When is the next visit due?', '2026-08-06T09:00:00Z');
    const before = statementsOfA.count;
    const replies = await onA.say('reads-nothing', 'I last visited the child on 5 August 2026. When is the next visit due?', '2026-08-06T09:01:00Z');
    // 5 August 2026 + 4 weeks = Wednesday 2 September 2026 (Slough, from the remembered choice)
    expect(replies.said).toContain('Wednesday 2 September 2026');
    expect(statementsOfA.count - before).toBe(0);
  });

  it('honours on one instance a "set authority" made on the other, on the next message', async () => {
    await onB.say('sam', 'set authority Slough', JUNE_20);
    // B now holds Slough for Sam: 5 August 2026 + 4 weeks = Wednesday 2 September 2026
    expect((await onB.say('sam', 'I last visited the child on 5 August 2026. When is the next visit due?', JUNE_20)).said).toContain('Wednesday 2 September 2026');
    expect((await onA.say('sam', 'set authority Camden', JUNE_20_LATER)).said).toContain('Camden');
    // Camden reviews every 3 months: 10 June 2026 -> Thursday 10 September 2026
    const replies = await onB.say('sam', 'The last CIN review was on 10 June 2026. When is the next one due?', JUNE_20_LATER);
    expect(replies.said).toContain('Camden');
    expect(replies.said).toContain('Thursday 10 September 2026');
  });

  it('completes on one instance a question half asked on the other, and only once', async () => {
    // B has found that Priya has nothing pending in her chat.
    expect((await onB.say('priya', 'Camden: the last CIN review was on 10 June 2026. When is the next one due?', JUNE_20)).said).toContain('Thursday 10 September 2026');
    expect((await onA.say('priya', 'Camden: when is the next CIN review due?', JUNE_20)).said).toMatch(/What was the date of/);
    expect((await onB.say('priya', 'it was 10 June', JUNE_20_LATER)).said).toContain('Thursday 10 September 2026');
    expect((await onA.say('priya', 'it was 10 June', JUNE_20_LATER)).said).not.toContain('Thursday 10 September 2026');
  });

  it('honours a tenant default written straight into the database by neither instance', async () => {
    // No choice yet: both instances ask which authority, and hold "none" for Alex.
    expect((await onA.say('alex', 'The last CIN review was on 10 June 2026. When is the next one due?', JUNE_20)).said).toMatch(/Which authority/);
    expect((await onB.say('alex', 'The last CIN review was on 10 June 2026. When is the next one due?', JUNE_20)).said).toMatch(/Which authority/);
    const { first } = instances;
    await setTenantAuthority(first.db, TENANT, 'camden');
    for (const instance of [onA, onB]) {
      const replies = await instance.say('alex', 'The last CIN review was on 10 June 2026. When is the next one due?', JUNE_20_LATER);
      expect(replies.said).toContain('Thursday 10 September 2026');
    }
  });

  it('writes a row whose key is too long to announce (a notification holds under 8000 bytes), announcing the whole table', async () => {
    const hugeTenant = 'x'.repeat(9_000);
    await setTenantAuthority(instances.first.db, hugeTenant, 'camden');
    const stored = await instances.second.db.selectFrom('tenant_settings').select('authority_id').where('tenant_id', '=', hugeTenant).executeTakeFirst();
    expect(stored?.authority_id).toBe('camden');
  });

  it('writes a chat back on its next message after the other instance marked it dead', async () => {
    await onA.say('kim', 'set authority Camden', JUNE_20);
    const { first, second } = instances;
    const conversationId = 'a:chat-kim';
    expect(await new ConversationStore(second.db, second.changes).markDead(TENANT, conversationId, 'uninstalled', new Date(JUNE_20))).toBe(true);
    await onA.say('kim', 'The last CIN review was on 10 June 2026. When is the next one due?', JUNE_20_LATER);
    const row = await first.db.selectFrom('conversation_references').select('dead_at').where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
    expect(row.dead_at).toBeNull();
  });

  it('serves nothing from memory once its listening connection is lost, and honours what changed meanwhile', async ({ skip }) => {
    if (!instances.cutListeners) return skip('PGlite has no connection to lose');
    await onB.say('lee', 'set authority Slough', JUNE_20);
    expect((await onB.say('lee', 'I last visited the child on 5 August 2026. When is the next visit due?', JUNE_20)).said).toContain('Wednesday 2 September 2026');
    const heard: { readonly change: unknown; readonly listening: boolean }[] = [];
    const stop = instances.second.changes.subscribe((change) => heard.push({ change, listening: instances.second.changes.listening() }));
    await instances.cutListeners();
    // First "anything may have changed" while deaf (so nothing kept is served), then again once listening anew.
    await vi.waitFor(() => expect(heard).toEqual([{ change: null, listening: false }, { change: null, listening: true }]), { timeout: 10_000 });
    stop();
    // Changed while nobody listens: no instance hears it.
    await instances.first.db.updateTable('user_settings').set({ authority_id: 'camden' }).where('user_id', '=', 'lee').execute();
    const replies = await onB.say('lee', 'The last CIN review was on 10 June 2026. When is the next one due?', JUNE_20_LATER);
    expect(replies.said).toContain('Thursday 10 September 2026');
  });
});

describe('what a question turn reads, across a restart of the bot on its embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kept-restart-'));
  let bot: StartedBot | undefined;
  const chat = chatWith(() => bot as StartedBot, TENANT);
  const start = async () => {
    bot = await startWholeBot({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent', REMINDER_INTERVAL_SECONDS: '0' }, { host: '127.0.0.1' });
  };
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    await putNewClusterIn(dataDir);
    await start();
  });
  afterAll(async () => {
    await bot?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('keeps the chosen authority and the half-asked question when the bot stops and starts again', async () => {
    await chat.say('robin', 'set authority Camden', JUNE_20);
    expect((await chat.say('robin', 'When is the next CIN review due?', JUNE_20)).said).toMatch(/What was the date of/);
    await bot?.stop();
    await start();
    // Camden reviews every 3 months: 10 June 2026 -> Thursday 10 September 2026
    expect((await chat.say('robin', 'it was 10 June', JUNE_20_LATER)).said).toContain('Thursday 10 September 2026');
  });
});
