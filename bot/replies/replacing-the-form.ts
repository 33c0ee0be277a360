import type { Reply } from '../ports.js';

/** After a form is accepted, its card becomes the timeline and the chat gets the same as text. */
export function replacingTheForm(timeline: Reply): Reply {
  const [message] = timeline.messages;
  if (!message?.card) return timeline;
  return { messages: [{ text: message.text }], updatedCard: message.card };
}
