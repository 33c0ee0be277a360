import type { Activity, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { ConversationAddress } from '../ports.js';

const ConversationAddressSchema = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.url(),
  locale: z.string().optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.object({ id: z.string().min(1) }),
  user: z.object({ id: z.string().min(1), aadObjectId: z.string().optional() }).optional(),
});

/**
 * The plain-JSON address of the conversation an activity arrived in, for proactive messages later.
 * Display names are left out (a stored address must not carry a worker's or a chat's name), and so is the
 * activity id: an address names a conversation, and a proactive message starts a new post in it rather than
 * replying to whatever message happened to be stored.
 */
export function addressOf(activity: Activity): ConversationAddress {
  const { conversation, from, recipient } = activity;
  const tenantId = tenantIdOf(activity);
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    ...(activity.locale ? { locale: activity.locale } : {}),
    conversation: {
      id: conversation.id,
      ...(conversation.conversationType ? { conversationType: conversation.conversationType } : {}),
      ...(tenantId ? { tenantId } : {}),
      ...(typeof conversation.isGroup === 'boolean' ? { isGroup: conversation.isGroup } : {}),
    },
    bot: { id: recipient.id },
    user: { id: from.id, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}) },
  };
}

/**
 * The activity's Entra tenant. Channel activities often carry it only in channelData, and the Bot Connector
 * refuses (403) a proactive message whose conversation names no tenant.
 */
export function tenantIdOf(activity: Activity): string | undefined {
  const fromChannelData: unknown = activity.channelData?.tenant?.id;
  return activity.conversation.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
}

/**
 * The botbuilder reference for a stored address. A stored address that does not parse is corruption or a bug,
 * so this throws rather than returning an error value.
 */
export function referenceAt(address: ConversationAddress): Partial<ConversationReference> {
  // botbuilder's types insist on display names and flags that Teams neither needs nor always sends; the
  // parsed shape is what continueConversationAsync actually reads.
  return ConversationAddressSchema.parse(address) as Partial<ConversationReference>;
}
