import type { TurnHandler } from '../ports.js';

/** Placeholder until the route table lands: enough to prove the server end to end. */
export function createTurnHandler(): TurnHandler {
  return {
    handle: async (turn) =>
      turn.kind === 'message' ? { messages: [{ text: 'CiN Assistant is starting up.' }] } : { messages: [] },
  };
}
