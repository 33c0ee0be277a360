import type { Reply } from '../ports.js';

/** A reply of one plain message: a refusal, a confirmation, anything without a card. */
export function say(text: string): Reply {
  return { messages: [{ text }] };
}
