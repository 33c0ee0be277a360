import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { OutgoingMessage } from '../ports.js';

/** One outgoing message as one activity: the text always (notifications, screen readers), the card beside it. */
export function activityFor(message: OutgoingMessage): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: message.text,
    ...(message.card ? { attachments: [CardFactory.adaptiveCard(message.card)] } : {}),
  };
}
