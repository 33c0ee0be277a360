/**
 * Text a person chose (a display name, a team name) made literal inside a sentence of a message Teams reads as
 * markdown: every character markdown gives a meaning within a line is escaped, so `[Click to confirm
 * closure](https://…)` shows as typed and is no link (`#`, `-`, `+` and `1.` mean something only at a line's
 * start, where such text never stands). Cards need none of this: their text goes in TextRuns, never markdown.
 *
 * @example
 * markdownLiteral('[Confirm](https://x.example) *now*') //=> '\\[Confirm\\]\\(https://x.example\\) \\*now\\*'
 */
export function markdownLiteral(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>|~&]/g, (character) => `\\${character}`);
}
