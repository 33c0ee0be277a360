import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore, type KnownConversation } from '../../../bot/store/conversation-references.js';
import type { Database } from '../../../bot/store/database.js';
import { DATABASE_ENGINES } from '../../helpers/databases.js';

const SAMS_CHAT: KnownConversation = {
  tenantId: 'tenant-a',
  conversationId: 'a:sams-chat',
  kind: 'personal',
  userId: 'sam-object-id',
  address: { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/', conversation: { id: 'a:sams-chat' }, bot: { id: '28:bot' } },
};
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 23, 9, minutes));

describe.each(DATABASE_ENGINES)('conversations on $name', ({ open }) => {
  let database: Database;
  let conversations: ConversationStore;
  beforeEach(async () => {
    database = await open();
    conversations = new ConversationStore(database.db);
  });
  afterEach(() => database.close());

  it('finds a person\u2019s one-to-one chat, and not once it is dead', async () => {
    await conversations.remember(SAMS_CHAT, at(0));
    expect(await conversations.personalChatOf('tenant-a', 'sam-object-id')).toEqual(SAMS_CHAT.address);
    expect(await conversations.markDead('tenant-a', 'a:sams-chat', 'Teams answered 403', at(1))).toBe(true);
    expect(await conversations.markDead('tenant-a', 'a:sams-chat', 'Teams answered 403', at(2))).toBe(false);
    expect(await conversations.personalChatOf('tenant-a', 'sam-object-id')).toBeUndefined();
  });

  it('brings a dead chat back as soon as its person writes again, even just after the last message', async () => {
    await conversations.remember(SAMS_CHAT, at(0));
    await conversations.markDead('tenant-a', 'a:sams-chat', 'uninstalled', at(1));
    await conversations.remember(SAMS_CHAT, at(2));
    expect(await conversations.personalChatOf('tenant-a', 'sam-object-id')).toEqual(SAMS_CHAT.address);
  });

  it('notes a person no chat could be made with once', async () => {
    expect(await conversations.markUnreachable('tenant-a', 'priya-object-id', 'Teams answered 403', at(0))).toBe(true);
    expect(await conversations.markUnreachable('tenant-a', 'priya-object-id', 'Teams answered 403', at(5))).toBe(false);
  });
});
