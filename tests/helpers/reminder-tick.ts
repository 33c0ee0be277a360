import { loadConfig } from '../../bot/config.js';
import type { ReminderTickOptions } from '../../bot/reminders/deliver-reminders.js';
import type { Messenger } from '../../bot/ports.js';
import { CaseStore } from '../../bot/store/cases.js';
import { ConversationStore } from '../../bot/store/conversation-references.js';
import type { Db } from '../../bot/store/database.js';
import { ReminderOutboxStore } from '../../bot/store/reminder-outbox.js';
import { RoleStore } from '../../bot/store/roles.js';
import { TimelinessStore } from '../../bot/store/timeliness.js';
import { TransferChecklistStore } from '../../bot/store/transfer-checklist.js';
import { createAdapter } from '../../bot/teams/adapter.js';
import { createMessenger } from '../../bot/teams/messenger.js';
import { POLICIES } from '../../domain/policy/registry.js';
import { recordingLogger } from '../bot/teams/bot-framework-double.js';
import { calendar } from './policy.js';

/** Where the weekly card's "Open the tab" goes in the scheduler tests. */
export const TAB_URL = 'https://teams.microsoft.com/l/entity/test-app/deadlines';

/** A messenger as a scheduler process builds one without authentication, posting to the stand-in Connector. */
export function schedulerMessenger(env: Readonly<Record<string, string>> = {}): Messenger {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return createMessenger(createAdapter(loaded.value, recordingLogger()), { appId: '' });
}

export interface SchedulerParts {
  /** Who is an admin (the roles store's list); nobody unless said. */
  readonly admins?: readonly string[];
  /** Stores a test made itself, to share their instance (a store with a cache, a counting connection). */
  readonly cases?: CaseStore;
  readonly conversations?: ConversationStore;
  readonly messenger?: Messenger;
  readonly tabUrl?: string;
  readonly pace?: () => Promise<void>;
}

/**
 * What one reminder pass needs but its moment, as a freshly started scheduler process builds it: its own stores
 * over `db`, every authority's policy, the England and Wales calendar, a messenger and a recording log.
 */
export function schedulerOn(db: Db, parts: SchedulerParts = {}): Omit<ReminderTickOptions, 'now'> {
  return {
    outbox: new ReminderOutboxStore(db),
    transferChecklist: new TransferChecklistStore(db),
    cases: parts.cases ?? new CaseStore(db, POLICIES, calendar),
    conversations: parts.conversations ?? new ConversationStore(db),
    roles: new RoleStore(db, parts.admins ?? []),
    timeliness: new TimelinessStore(db, POLICIES),
    policies: POLICIES,
    calendar,
    tabUrl: parts.tabUrl ?? TAB_URL,
    messenger: parts.messenger ?? schedulerMessenger(),
    log: recordingLogger(),
    ...(parts.pace ? { pace: parts.pace } : {}),
  };
}
