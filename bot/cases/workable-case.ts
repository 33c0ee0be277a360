import { err, ok, type Result } from '../../domain/result.js';
import type { BotContext, CardRequest } from '../handlers/context.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import type { CaseRecord } from '../store/cases.js';
import { mayWorkOn } from './access.js';

/**
 * The case with `reference` in the asker's tenant, if they may work on it; else the reply that says why not.
 * Whether they may is decided from stored roles alone.
 */
export async function workableCase(reference: string, request: CardRequest, context: BotContext): Promise<Result<CaseRecord, Reply>> {
  const record = await context.cases.caseByReference(request.asker.tenantId, reference);
  const roles = await context.roles.rolesOf(request.asker.tenantId, request.asker.userId);
  // The same words whether the case is missing or someone else's, so nobody learns which references exist.
  if (!record || !mayWorkOn(record, request.asker.userId, roles)) return err(say(cannotOpen(reference)));
  return ok(record);
}

/** What someone hears of a case that is not there or not theirs: the same either way. */
export function cannotOpen(reference: string): string {
  const shown = reference.slice(0, 40);
  return (
    `You can't see or change ${shown}: either I have no case ${shown}, or only its allocated worker and the people of its team can open it. ` +
    `Check the reference, ask an admin for a role in the team, or open a new case with "new case ${shown}".`
  );
}
