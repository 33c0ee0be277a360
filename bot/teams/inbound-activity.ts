import { z } from 'zod';

// Optional fields may come as null from some channels; a value of the wrong type is refused.
const optionalText = z.string().nullish();

/**
 * Ids go back to the Connector in the reply's URL and headers. Every channel's are printable ASCII and far
 * shorter than this; anything else would make the reply throw, or wait on a URL no server accepts.
 */
const ChannelId = z.string().regex(/^[\x21-\x7e]{1,1024}$/);

/** An Entra object id is a GUID; it becomes the user id the stores key everything on, so nothing longer passes. */
const ObjectId = z.string().regex(/^[\x21-\x7e]{1,128}$/);

/** A sender or recipient: botbuilder copies both into every reply, whose serializer refuses a wrong type. */
const AccountSchema = z.looseObject({
  id: ChannelId,
  name: optionalText,
  aadObjectId: ObjectId.nullish(),
  role: optionalText,
});

const ConversationSchema = z.looseObject({
  id: ChannelId,
  name: optionalText,
  conversationType: optionalText,
  tenantId: optionalText,
  isGroup: z.boolean().nullish(),
});

/**
 * The least an HTTP body must have to be a Bot Framework activity we can answer. botbuilder checks less: a body
 * without `type` makes CloudAdapter throw, which restify answers with 500 and botbuilder's message, and one
 * without `serviceUrl` or `from` is let into the turn, to fail there. So are fields of the wrong type that the
 * turn reads (the text, mentions, members added) or that botbuilder copies into the reply (the accounts, the
 * conversation, the locale), where a reply could then never be sent. The server checks this first and answers 400.
 */
export const InboundActivitySchema = z
  .looseObject({
    type: z.string().min(1),
    id: ChannelId.nullish(),
    serviceUrl: z.url(),
    channelId: optionalText,
    locale: optionalText,
    replyToId: ChannelId.nullish(),
    timestamp: z.string().refine((value) => !Number.isNaN(Date.parse(value)), { error: 'must be a date and time' }),
    from: AccountSchema,
    recipient: AccountSchema,
    conversation: ConversationSchema,
    text: optionalText,
    entities: z.array(z.looseObject({})).nullish(),
    attachments: z.array(z.unknown()).nullish(),
    membersAdded: z.array(AccountSchema).nullish(),
    membersRemoved: z.array(AccountSchema).nullish(),
  })
  // No channel sends U+0000, and PostgreSQL cannot store it in text: a card field or name holding one would fail the turn.
  .refine((activity) => !holdsNul(activity), { error: 'must not contain the character U+0000' });

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item));
  return false;
}
