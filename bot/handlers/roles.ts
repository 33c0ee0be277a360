import { isAdmin } from '../cases/access.js';
import { PERSON_ID, TEAM_NAME_MAX_LENGTH } from '../cases/identifiers.js';
import type { Reply } from '../ports.js';
import { say } from '../replies/say.js';
import { RoleSchema, type RoleAssignment } from '../store/roles.js';
import type { BotContext, MessageRequest } from './context.js';
import { markdownLiteral } from '../../cards/markdown-literal.js';

/** "manager", "senior practitioner", "SP", "IRO"… as the role's id. */
const ROLE_WORDS: Readonly<Record<string, RoleAssignment['role']>> = {
  worker: 'worker',
  'social worker': 'worker',
  manager: 'manager',
  'team manager': 'manager',
  'senior practitioner': 'senior-practitioner',
  sp: 'senior-practitioner',
  iro: 'iro',
  admin: 'admin',
};

/** A role change as typed: who (an object id or an @mention), the role's words, its team ('' for admin). */
export interface RoleChange {
  readonly remove: boolean;
  readonly who: string;
  readonly role: string;
  readonly team: string;
}

/**
 * `role <object id or @mention> manager of North` / `role <who> admin` / `remove role <who> worker of North`.
 * A mention is resolved to the person's Entra object id by the Teams layer.
 */
export async function changeRole({ remove, who, role: roleWords, team }: RoleChange, request: MessageRequest & { readonly mentionedUserIds: readonly string[] }, context: BotContext): Promise<Reply> {
  const userId = who.startsWith('<at>') ? request.mentionedUserIds[0] : who.trim();
  if (!userId || !PERSON_ID.test(userId)) return say('I could not tell who you mean. Mention them, or give their Entra object id.');
  const role = ROLE_WORDS[roleWords.trim().toLowerCase()];
  if (!role || !RoleSchema.safeParse(role).success) return say(`"${roleWords.slice(0, 40)}" is not a role. Roles: worker, manager, senior practitioner, IRO, admin.`);
  if (role !== 'admin' && team.trim() === '') return say(`Say which team, e.g. "role ${who.slice(0, 40)} ${roleWords} of North".`);
  // A case's team is at most this long, so a role in a longer one could never reach a case.
  if (team.trim().length > TEAM_NAME_MAX_LENGTH) return say(`A team name is at most ${TEAM_NAME_MAX_LENGTH} characters.`);
  const assignment: RoleAssignment = { userId, role, team: role === 'admin' ? '' : team.trim() };
  if (remove) {
    const removed = await context.roles.withdraw(request.asker.tenantId, assignment, request.asker.userId, request.receivedAt);
    return say(removed.ok ? `Removed: ${describe(assignment)}.` : `They did not hold that role: ${describe(assignment)}.`);
  }
  await context.roles.assign(request.asker.tenantId, assignment, request.asker.userId, request.receivedAt);
  return say(`Done: ${describe(assignment)}.`);
}

/** `roles`: every role in the tenant for an admin; anyone else sees only their own, never who else holds what. */
export async function listRoles(request: MessageRequest, context: BotContext): Promise<Reply> {
  const actorRoles = await context.roles.rolesOf(request.asker.tenantId, request.asker.userId);
  if (actorRoles.length === 0) return say('You hold no role yet, so I can\u2019t list anyone\u2019s. Ask an admin.');
  if (!isAdmin(actorRoles)) {
    const own = actorRoles.map((role) => `- ${describe(role)}`);
    return say(['Your roles (only an admin sees everyone\u2019s):', ...own].join('\n'));
  }
  const assignments = await context.roles.everyAssignment(request.asker.tenantId);
  return say(['Roles:', ...assignments.map((assignment) => `- ${describe(assignment)}`)].join('\n'));
}

function describe(assignment: RoleAssignment): string {
  const role = assignment.role.replace('-', ' ');
  return assignment.role === 'admin' ? `${assignment.userId} is an admin` : `${assignment.userId} is ${role} of team ${markdownLiteral(assignment.team)}`;
}
