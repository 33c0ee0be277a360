import { z } from 'zod';

const IdentifiedSchema = z.looseObject({ id: z.string().min(1) });

/**
 * The least an HTTP body must have to be a Bot Framework activity we can answer. botbuilder checks less: a body
 * without `type` makes CloudAdapter throw, which restify answers with 500 and botbuilder's message, and one
 * without `serviceUrl` or `from` is let into the turn, to fail there. The server checks this first and answers 400.
 */
export const InboundActivitySchema = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url(),
  timestamp: z.string().refine((value) => !Number.isNaN(Date.parse(value)), { error: 'must be a date and time' }),
  from: IdentifiedSchema,
  recipient: IdentifiedSchema,
  conversation: IdentifiedSchema,
});
