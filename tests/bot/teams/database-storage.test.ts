import { ConversationState, TestAdapter, UserState, type TurnContext } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../bot/store/database.js';
import { DatabaseStorage, ETagConflictError } from '../../../bot/teams/database-storage.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';

const KEY = 'msteams/conversations/19:abc@thread.v2/';

describe.each(DATABASE_ENGINES)('DatabaseStorage on $name', ({ open }) => {
  let database: Database;
  let storage: DatabaseStorage;
  beforeEach(async () => {
    database = await open();
    storage = new DatabaseStorage(database.db);
  });
  afterEach(() => database.close());

  const eTagOf = async (key: string): Promise<string> => {
    const items = await storage.read([key]);
    const eTag: unknown = items[key]?.eTag;
    if (typeof eTag !== 'string') throw new Error(`no eTag for ${key}`);
    return eTag;
  };

  it('reads back what it wrote with its eTag as a string, and leaves out keys it does not hold', async () => {
    await storage.write({ [KEY]: { step: 'awaiting-date', tries: 2 } });
    const items = await storage.read([KEY, 'msteams/users/nobody/']);
    expect(Object.keys(items)).toEqual([KEY]);
    expect(items[KEY]).toEqual({ step: 'awaiting-date', tries: 2, eTag: expect.stringMatching(/^[1-9]\d*$/) });
    expect(await storage.read([])).toEqual({});
  });

  it('gives every successful write a new eTag, one more than the last', async () => {
    await storage.write({ [KEY]: { tries: 1 } });
    const first = await eTagOf(KEY);
    await storage.write({ [KEY]: { tries: 2, eTag: first } });
    const second = await eTagOf(KEY);
    await storage.write({ [KEY]: { tries: 3, eTag: '*' } });
    const third = await eTagOf(KEY);
    await storage.write({ [KEY]: { tries: 4 } });
    expect([second, third, await eTagOf(KEY)]).toEqual([1, 2, 3].map((step) => String(BigInt(first) + BigInt(step))));
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ tries: 4 });
  });

  it('overwrites whatever is stored when the eTag is * or absent', async () => {
    await storage.write({ [KEY]: { tries: 1 } });
    await storage.write({ [KEY]: { tries: 2, eTag: '*' } });
    await storage.write({ [KEY]: { tries: 3 } });
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ tries: 3 });
  });

  it('refuses a write whose eTag is not the stored one, as MemoryStorage does, and keeps the stored item', async () => {
    await storage.write({ [KEY]: { tries: 1 } });
    const stale = await eTagOf(KEY);
    await storage.write({ [KEY]: { tries: 2, eTag: stale } });
    const refused = storage.write({ [KEY]: { tries: 99, eTag: stale } });
    await expect(refused).rejects.toThrow(ETagConflictError);
    await expect(refused).rejects.toThrow(`Storage: error writing "${KEY}" due to eTag conflict.`);
    await expect(storage.write({ [KEY]: { tries: 99, eTag: 'not-one-of-ours' } })).rejects.toThrow(ETagConflictError);
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ tries: 2 });
  });

  it('writes an item with an eTag to a key it does not hold yet, as MemoryStorage does', async () => {
    await storage.write({ [KEY]: { tries: 1, eTag: '41' } });
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ tries: 1 });
  });

  it('writes all the changes in one call or none of them', async () => {
    const other = 'msteams/users/29:worker/';
    await storage.write({ [KEY]: { tries: 1 } });
    const stale = await eTagOf(KEY);
    await storage.write({ [KEY]: { tries: 2 } });
    await expect(storage.write({ [other]: { authority: 'camden' }, [KEY]: { tries: 3, eTag: stale } })).rejects.toThrow(ETagConflictError);
    expect(await storage.read([other])).toEqual({});
  });

  it('lets exactly one of two writers racing with the same eTag win, every time', async () => {
    await storage.write({ [KEY]: { writer: 'none' } });
    // A second instance of the class, as a second bot instance would have (on PostgreSQL, its own connection).
    const rival = new DatabaseStorage(database.db);
    for (let round = 0; round < 20; round += 1) {
      const eTag = await eTagOf(KEY);
      const results = await Promise.allSettled([storage.write({ [KEY]: { writer: 'left', round, eTag } }), rival.write({ [KEY]: { writer: 'right', round, eTag } })]);
      const won = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index === 0 ? 'left' : 'right'] : []));
      const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toEqual([expect.any(ETagConflictError)]);
      expect((await storage.read([KEY]))[KEY]).toEqual({ writer: won[0], round, eTag: String(BigInt(eTag) + 1n) });
    }
  });

  it('deletes items, and a key written again after deletion does not take back an eTag it had', async () => {
    await storage.write({ [KEY]: { tries: 1 } });
    const before = await eTagOf(KEY);
    await storage.delete([KEY, 'msteams/users/nobody/']);
    expect(await storage.read([KEY])).toEqual({});
    await storage.write({ [KEY]: { tries: 1 } });
    // A fresh random start: a writer still holding `before` is refused, not let through by coincidence.
    expect(await eTagOf(KEY)).not.toBe(before);
    await expect(storage.write({ [KEY]: { tries: 2, eTag: before } })).rejects.toThrow(ETagConflictError);
  });

  it('keeps botbuilder\u2019s own ConversationState and UserState across turns and a restart', async () => {
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const turnsSeen = conversationState.createProperty<number>('turnsSeen');
    const authority = userState.createProperty<string>('authority');
    const adapter = new TestAdapter(async (context: TurnContext) => {
      const seen = (await turnsSeen.get(context, 0)) + 1;
      await turnsSeen.set(context, seen);
      if (context.activity.text === 'camden') await authority.set(context, 'camden');
      await context.sendActivity(`${seen} ${(await authority.get(context)) ?? 'unknown'}`);
      await conversationState.saveChanges(context);
      await userState.saveChanges(context);
    });
    await adapter.send('hello').assertReply('1 unknown').send('camden').assertReply('2 camden').send('again').assertReply('3 camden');

    expect((await database.db.selectFrom('bot_state').select('key').orderBy('key').execute()).map((row) => row.key)).toEqual([
      'test/conversations/Convo1/',
      'test/users/user1/',
    ]);
    // A new process: new state objects over a new storage on the same database.
    const restarted = new DatabaseStorage(database.db);
    const items = await restarted.read(['test/conversations/Convo1/', 'test/users/user1/']);
    expect(items['test/conversations/Convo1/']).toMatchObject({ turnsSeen: 3 });
    expect(items['test/users/user1/']).toMatchObject({ authority: 'camden' });
    const afterRestart = new ConversationState(restarted).createProperty<number>('turnsSeen');
    const readBack = new TestAdapter(async (context: TurnContext) => {
      await context.sendActivity(String(await afterRestart.get(context, 0)));
    });
    await readBack.send('hello').assertReply('3');
  });
});
