import { formatLongDate, type LocalDate } from '../../domain/dates/local-date.js';
import type { CaseRecord } from '../store/cases.js';
import type { BotContext } from '../handlers/context.js';

/**
 * A review that escalates hands the case to its managers: the case's named manager and every manager of its
 * team, each in their one-to-one chat (created if the bot has never written to them), with the case reference
 * only. Returns how many were told and how many could not be reached, so the worker knows whether to chase.
 */
export async function tellManagersOfEscalation(
  record: CaseRecord,
  heldOn: LocalDate,
  escalatedBy: string,
  at: Date,
  context: BotContext,
): Promise<{ readonly told: number; readonly unreachable: number }> {
  const teamManagers = await context.roles.holdersOf(record.tenantId, record.team, ['manager']);
  const managers = [...new Set([...(record.managerId ? [record.managerId] : []), ...teamManagers])].filter((id) => id !== escalatedBy);
  const { messenger } = context;
  if (!messenger) return { told: 0, unreachable: managers.length };
  const text =
    `The review of ${record.reference} on ${formatLongDate(heldOn)} decided to escalate: the worker asks for your decision on ` +
    `the safeguarding route. "case ${record.reference}" shows its timeline, "plan ${record.reference}" its plan.`;
  let told = 0;
  for (const managerId of managers) {
    try {
      const address = await context.conversations.personalChatOrNew(record.tenantId, managerId, messenger, at);
      await messenger.send(address, { text });
      told += 1;
    } catch {
      // Teams refused (the manager removed the bot, or left): counted, and the worker is told to chase.
    }
  }
  return { told, unreachable: managers.length - told };
}
