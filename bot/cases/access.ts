import type { CaseRecord } from '../store/cases.js';
import type { RoleAssignment } from '../store/roles.js';

/** Roles that give a person a team's cases: its workers, managers, senior practitioners and IROs. */
const TEAM_ROLES = new Set(['worker', 'manager', 'senior-practitioner', 'iro']);

/**
 * Whether `userId`, holding `roles`, may see and record on `record`: their own allocated cases, and every
 * case of a team they hold a role in. Decided from stored roles only, never from what a card or link says.
 */
export function mayWorkOn(record: CaseRecord, userId: string, roles: readonly RoleAssignment[]): boolean {
  return record.workerId === userId || roles.some((role) => TEAM_ROLES.has(role.role) && role.team === record.team);
}

/** The teams whose cases a person may see. */
export function teamsOf(roles: readonly RoleAssignment[]): string[] {
  return [...new Set(roles.filter((role) => TEAM_ROLES.has(role.role)).map((role) => role.team))];
}

/** The teams a person manages (managers and senior practitioners): `team deadlines`, approvals. */
export function teamsManagedBy(roles: readonly RoleAssignment[]): string[] {
  return [...new Set(roles.filter((role) => role.role === 'manager' || role.role === 'senior-practitioner').map((role) => role.team))];
}

export function isAdmin(roles: readonly RoleAssignment[]): boolean {
  return roles.some((role) => role.role === 'admin');
}
