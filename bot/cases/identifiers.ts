import { z } from 'zod';
import { normaliseCaseReference } from '../../domain/cases/case-reference.js';

/** A person as the bot keys them: an Entra object id, or a channel's user id where Teams gives no object id. */
export const PERSON_ID = /^[\w:-]{2,80}$/;

/** The longest team name a case (and so a role in that team) may carry. */
export const TEAM_NAME_MAX_LENGTH = 60;

/** Local chats (the Emulator, the Playground, tests without a tenant) all belong to this one tenant. */
export const LOCAL_TENANT_ID = 'local';

/** A case reference as every way in takes it: 2 to 30 letters, digits, / or -, one value whatever its letter case. */
export const CaseReferenceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/-]{1,29}$/, { error: 'A case reference is 2 to 30 letters, digits, / or -.' })
  .transform(normaliseCaseReference);
