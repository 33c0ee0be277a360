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
  if (!record) {
    return err(say(`I have no case ${reference.slice(0, 40)}. Open it with "new case ${reference.slice(0, 40)}", or check the reference.`));
  }
  const roles = await context.roles.rolesOf(request.asker.tenantId, request.asker.userId);
  if (!mayWorkOn(record, request.asker.userId, roles)) {
    return err(say(`You can't see or change ${record.reference}: only its allocated worker and the people of its team can. An admin can give you a role in the team.`));
  }
  return ok(record);
}
