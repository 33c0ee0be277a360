/**
 * The one form a case reference is kept and looked up in: `ab77`, ` AB77 ` and `Ab77` are one case. Every way a
 * reference comes in (chat, cards, the census import, links) goes through here before it reaches the store.
 *
 * @example
 * normaliseCaseReference(' ab77 ') //=> 'AB77'
 */
export function normaliseCaseReference(reference: string): string {
  return reference.trim().toUpperCase();
}
