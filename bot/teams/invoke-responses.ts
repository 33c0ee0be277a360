import { ActivityTypes, type Activity, type InvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/adaptive-card-json.js';

/**
 * Answers to an `adaptiveCard/action` invoke, in the Universal Actions shapes: the HTTP status repeats the
 * body's `statusCode`, as botbuilder's own ActivityHandler does.
 */
const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The card that replaces the one pressed. */
export function updatedCardResponse(card: AdaptiveCardJson): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } };
}

/** A short message Teams shows beside the card, which stays as it was. */
export function messageResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}

export function errorResponse(status: 400 | 500, code: string, message: string): InvokeResponse {
  return { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } };
}

/** botbuilder returns the invoke response it finds among the activities a turn "sends". */
export function asInvokeResponseActivity(response: InvokeResponse): Partial<Activity> {
  return { type: ActivityTypes.InvokeResponse, value: response };
}
