import { readFileSync, readdirSync } from 'node:fs';
import { AdaptiveCard, SerializationContext } from 'adaptivecards';

/** Reading cards and templates in tests: what a card holds, and what the adaptivecards library makes of it. */

export type Json = Readonly<Record<string, unknown>>;

const TEMPLATES_FOLDER = new URL('../../cards/templates/', import.meta.url);

/** Every template in cards/templates/, by file name. */
export function templateFiles(): { readonly name: string; readonly template: Json }[] {
  return readdirSync(TEMPLATES_FOLDER)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, template: JSON.parse(readFileSync(new URL(name, TEMPLATES_FOLDER), 'utf8')) as Json }));
}

/** Every object in a card or template, depth first (elements, inlines, columns, actions, fallbacks, data). */
export function objectsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (value !== null && typeof value === 'object') return [value as Json, ...Object.values(value).flatMap(objectsIn)];
  return [];
}

export function objectsOfType(value: unknown, type: string): Json[] {
  return objectsIn(value).filter((object) => object['type'] === type);
}

/** The texts of every TextBlock and TextRun, in order. */
export function textsIn(card: unknown): string[] {
  return objectsIn(card)
    .filter((object) => object['type'] === 'TextBlock' || object['type'] === 'TextRun')
    .map((object) => String(object['text']));
}

/** What the adaptivecards library reports when it parses and validates a card: empty when the card is sound. */
export function problemsParsing(card: unknown): string[] {
  const context = new SerializationContext();
  const parsed = new AdaptiveCard();
  parsed.parse(card, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_unused, index) => context.getEventAt(index).message);
  const validationEvents = parsed.validateProperties().validationEvents.map((event) => event.message);
  return [...parseEvents, ...validationEvents];
}

/** The size Teams counts against its 28 KB limit: the card's JSON in UTF-8 bytes. */
export function sizeInBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
