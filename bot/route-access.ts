import type { z } from 'zod';
import { isAdmin, mayWorkOn, teamsManagedBy } from './cases/access.js';
import type { BotContext, CardRequest, MessageRequest } from './handlers/context.js';
import type { AttachedFile, Reply } from './ports.js';
import { say } from './replies/say.js';
import type { CaseRecord } from './store/cases.js';
import type { RoleAssignment } from './store/roles.js';

/**
 * Who may use a route, decided from stored roles only (never from what a card or message says):
 * - `anyone`: every person of the tenant; a route acting on a stored reminder or request checks that the
 *   reminder was sent to them, or that the procedure names them as its approver, since the thing itself says so;
 * - `admin`: an admin of the tenant;
 * - `case team`: the case's allocated worker and everyone holding a role in its team;
 * - `team manager`: a manager or senior practitioner (of the case's team, for a route on a case).
 */
export const AUDIENCES = ['anyone', 'admin', 'case team', 'team manager'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Who may use a route: any one of them is enough. */
type Who = readonly [Audience, ...Audience[]];

export type MessageRouteRequest = MessageRequest & { readonly mentionedUserIds: readonly string[]; readonly files: readonly AttachedFile[] };

/** A route the resolver has checked: its declared audience and how to run it once admitted. */
export interface CheckedRoute<Args, Request extends CardRequest> {
  readonly who: Who;
  /** The case the route acts on, named in its arguments; the resolver loads it and hands it to the handler. */
  readonly caseReference?: (args: Args) => string;
  /** What someone outside `who` hears, of the reference they gave for a route on a case. */
  readonly refusal: (reference: string) => string;
  /** A card's Save or Send refuses on the card itself, leaving the chat as it was. */
  readonly refusesOnCard: boolean;
  readonly run: (args: Args, record: CaseRecord | undefined, request: Request, context: BotContext) => Promise<Reply> | Reply;
}

/** A typed command: its pattern's named groups become the handler's named arguments ('' for a group not matched). */
export interface MessageRoute {
  readonly pattern: RegExp;
  readonly groups: readonly string[];
  readonly route: CheckedRoute<Readonly<Record<string, string>>, MessageRouteRequest>;
}

/** A card verb: its data must meet `schema` before anything else is looked at. */
export interface CardRoute {
  readonly schema: z.ZodType;
  readonly route: CheckedRoute<never, CardRequest>;
}

/** What the others hear of a case that is not there or not theirs: the same either way, so nobody learns which references exist. */
export function cannotOpen(reference: string): string {
  const shown = reference.slice(0, 40);
  return (
    `You can't see or change ${shown}: either I have no case ${shown}, or only its allocated worker and the people of its team can open it. ` +
    `Check the reference, ask an admin for a role in the team, or open a new case with "new case ${shown}".`
  );
}

type Handler<Args, Request> = (args: Args, request: Request, context: BotContext) => Promise<Reply> | Reply;
type CaseHandler<Args, Request> = (record: CaseRecord, args: Args, request: Request, context: BotContext) => Promise<Reply> | Reply;
type Refusal = string | ((reference: string) => string);
type Groups<Name extends string> = Readonly<Record<Name, string>>;

const refusalOf = (refusal: Refusal | undefined): ((reference: string) => string) =>
  refusal === undefined ? cannotOpen : typeof refusal === 'string' ? () => refusal : refusal;

/** A command that acts on no one case. */
export function command<const Name extends string = never>(definition: {
  readonly pattern: RegExp;
  readonly groups?: readonly Name[];
  readonly who: readonly [Exclude<Audience, 'case team'>, ...Exclude<Audience, 'case team'>[]];
  readonly refusal?: string;
  readonly handle: Handler<Groups<Name>, MessageRouteRequest>;
}): MessageRoute {
  const { handle } = definition;
  return {
    pattern: definition.pattern,
    groups: definition.groups ?? [],
    route: { who: definition.who, refusal: refusalOf(definition.refusal), refusesOnCard: false, run: (args, _record, request, context) => handle(args as Groups<Name>, request, context) },
  };
}

/** A route on the case its arguments name: the handler gets the case, loaded and checked. */
export function onCase<Args, Request extends CardRequest>(definition: {
  readonly caseReference: (args: Args) => string;
  readonly who: Who;
  readonly refusal?: (reference: string) => string;
  readonly refusesOnCard?: boolean;
  readonly handle: CaseHandler<Args, Request>;
}): CheckedRoute<Args, Request> {
  const { handle } = definition;
  return {
    who: definition.who,
    caseReference: definition.caseReference,
    refusal: refusalOf(definition.refusal),
    refusesOnCard: definition.refusesOnCard ?? false,
    run: (args, record, request, context) => handle(caseFound(record), args, request, context),
  };
}

/** A command on the case its group `caseIn` names. */
export function caseCommand<const Name extends string>(definition: {
  readonly pattern: RegExp;
  readonly groups: readonly Name[];
  readonly caseIn: NoInfer<Name>;
  readonly who: Who;
  readonly refusal?: (reference: string) => string;
  readonly handle: CaseHandler<Groups<Name>, MessageRouteRequest>;
}): MessageRoute {
  const { caseIn, pattern, groups, ...access } = definition;
  const route = onCase<Groups<Name>, MessageRouteRequest>({ ...access, caseReference: (args) => args[caseIn] });
  return { pattern, groups, route: route as CheckedRoute<Readonly<Record<string, string>>, MessageRouteRequest> };
}

/** A card verb that acts on no one case. */
export function cardAction<Schema extends z.ZodType>(definition: {
  readonly schema: Schema;
  readonly who: readonly [Exclude<Audience, 'case team'>, ...Exclude<Audience, 'case team'>[]];
  readonly refusal?: string;
  readonly handle: Handler<z.infer<Schema>, CardRequest>;
}): CardRoute {
  const { handle } = definition;
  const route: CheckedRoute<z.infer<Schema>, CardRequest> = {
    who: definition.who,
    refusal: refusalOf(definition.refusal),
    refusesOnCard: false,
    run: (data, _record, request, context) => handle(data, request, context),
  };
  return { schema: definition.schema, route: route as CheckedRoute<never, CardRequest> };
}

/** A card verb on the case its data names. */
export function caseCardAction<Schema extends z.ZodType>(definition: {
  readonly schema: Schema;
  readonly caseReference: (data: z.infer<Schema>) => string;
  readonly who: Who;
  readonly refusesOnCard?: boolean;
  readonly handle: CaseHandler<z.infer<Schema>, CardRequest>;
}): CardRoute {
  const { schema, ...access } = definition;
  return { schema, route: onCase<z.infer<Schema>, CardRequest>(access) as CheckedRoute<never, CardRequest> };
}

function caseFound(record: CaseRecord | undefined): CaseRecord {
  if (!record) throw new Error('A route on a case ran without the case');
  return record;
}

/**
 * Runs `route` for the asker if its audience admits them, handing a route on a case the case it names; else
 * the route's refusal, the same words whether the case is missing or not theirs.
 */
export async function resolveRoute<Args, Request extends CardRequest>(route: CheckedRoute<Args, Request>, args: Args, request: Request, context: BotContext): Promise<Reply> {
  const reference = route.caseReference?.(args);
  const [roles, record] = await Promise.all([
    context.roles.rolesOf(request.asker.tenantId, request.asker.userId),
    reference === undefined ? undefined : context.cases.caseByReference(request.asker.tenantId, reference),
  ]);
  const onItsCase = reference === undefined || record !== undefined;
  if (!onItsCase || !route.who.some((audience) => admits(audience, request.asker.userId, roles, record))) {
    const refusal = route.refusal(reference ?? '');
    return route.refusesOnCard ? { messages: [], invokeMessage: refusal } : say(refusal);
  }
  return route.run(args, record, request, context);
}

function admits(audience: Audience, userId: string, roles: readonly RoleAssignment[], record: CaseRecord | undefined): boolean {
  switch (audience) {
    case 'anyone':
      return true;
    case 'admin':
      return isAdmin(roles);
    case 'case team':
      return record !== undefined && mayWorkOn(record, userId, roles);
    case 'team manager':
      return record === undefined ? teamsManagedBy(roles).length > 0 : teamsManagedBy(roles).includes(record.team);
  }
}
