// The package's own index types import adaptivecards' TypeScript sources (json-schema-card.d.ts), which then
// fail our compiler settings; the template engine's types stand alone.
import { Template } from 'adaptivecards-templating/lib/template-engine.js';
import type { AdaptiveCardJson } from './adaptive-card-json.js';

/**
 * Binds a view model to a card template (`${}` bindings, `$data`, `$when`) and returns the card.
 *
 * A template that does not fit its view is a bug, so this throws rather than send a half-bound card:
 * on an expansion warning, and on any `${` left in the card (the library leaves an unresolved binding in
 * place as literal text). View strings may themselves contain `${` (a question echoed back), so their `$`
 * signs are masked while the template expands and restored afterwards: the check sees only the template's.
 *
 * No escaping is needed for the card's JSON: the view is bound as values, never spliced into JSON text,
 * so `"}]` in a question stays a string. Nor for markdown: templates show bound text only in TextRuns,
 * which Adaptive Cards never reads as markdown (see cards/README.md).
 *
 * @param template - a card template from cards/templates/
 * @param view - the data the template binds to, as `$root`
 * @returns the card, ready to send
 *
 * @example
 * bindCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${headline}' }] }] },
 *   { headline: 'Monday 30 March 2026' })
 * //=> { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Monday 30 March 2026' }] }] }
 */
export function bindCard<View extends object>(template: object, view: View): AdaptiveCardJson {
  // Most views hold no `$` (or mask character) at all, and then there is nothing to mask or restore.
  const needsMasking = someString(view, (text) => text.includes('$') || text.includes(MASK));
  const maskedView = needsMasking ? mapStrings(view, maskDollars) : view;
  const expander = expanderFor(template);
  const card: unknown = expander.expand({ $root: maskedView });

  const expansionWarnings = expander.getLastTemplateExpansionWarnings();
  const warnings = expansionWarnings.length === 0 ? [] : unexplainedWarnings(expansionWarnings, maskedView);
  if (warnings.length > 0) throw new Error(`Card template expansion warned: ${warnings.join(' | ')}`);

  // Names the bindings only: the text around them may be what a user typed, which stays out of logs.
  const unresolved = unresolvedBindingsIn(card, []);
  if (unresolved.length > 0) throw new Error(`Card template left bindings unresolved: ${unresolved.join(' | ')}`);

  if (card === null || typeof card !== 'object' || Array.isArray(card)) throw new Error('Card template expanded to no card');
  return (needsMasking ? mapStrings(card, restoreDollars) : card) as AdaptiveCardJson;
}

function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((item) => someString(item, test));
  if (value !== null && typeof value === 'object') return Object.values(value).some((item) => someString(item, test));
  return false;
}

/** Parsing a template is most of the cost of binding one, and templates never change, so each is parsed once. */
const EXPANDERS = new WeakMap<object, Template>();

function expanderFor(template: object): Template {
  let expander = EXPANDERS.get(template);
  if (!expander) {
    expander = new Template(template);
    EXPANDERS.set(template, expander);
  }
  return expander;
}

/**
 * adaptivecards-templating 2.3.1 reports every `$when` that is not true, including one that is rightly
 * false (microsoft/AdaptiveCards#7945), in the same words as a broken one. So templates name a view
 * boolean in `$when` (`${hasNotes}`, no expressions), and such a warning is explained when the view holds
 * `false` under that name. An expression, or a name the view does not hold as false, still fails.
 */
const FALSE_WHEN_WARNING = /^WARN: Unable to parse the Adaptive Expression (\w+)\. The \$when condition has been set to false by default\.$/;

function unexplainedWarnings(warnings: readonly string[], view: unknown): string[] {
  const falseFlags = falseFlagsIn(view);
  return warnings.filter((warning) => {
    const flag = FALSE_WHEN_WARNING.exec(warning)?.[1];
    return flag === undefined || !falseFlags.has(flag);
  });
}

function falseFlagsIn(value: unknown, flags = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) falseFlagsIn(item, flags);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (item === false) flags.add(key);
      else falseFlagsIn(item, flags);
    }
  }
  return flags;
}

/*
 * Masking writes each `$` as U+E000 (a private-use character) followed by 1, and any U+E000 already in the
 * text as U+E000 followed by 0, so that restoring gives back exactly the original text. With no `$` of the
 * view's own in the card, a `${` can only be the template's, even where a view string ending in `$` meets
 * one starting with `{`.
 */
const MASK = '\u{E000}';
const MASKED = /\u{E000}([01])/gu;

function maskDollars(text: string): string {
  return text.replaceAll(MASK, `${MASK}0`).replaceAll('$', `${MASK}1`);
}

function restoreDollars(text: string): string {
  return text.replace(MASKED, (_match, code: string) => (code === '0' ? MASK : '$'));
}

function mapStrings(value: unknown, transform: (text: string) => string): unknown {
  if (typeof value === 'string') return transform(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, transform));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, transform)]));
  }
  return value;
}

/** Every `${…}` left in the card's strings, added to `found`. Runs on every card sent, so it copies nothing. */
function unresolvedBindingsIn(value: unknown, found: string[]): string[] {
  if (typeof value === 'string') {
    if (value.includes('${')) found.push(...(value.match(/\$\{[^}]*\}?/g) ?? []));
  } else if (Array.isArray(value)) {
    for (const item of value) unresolvedBindingsIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) unresolvedBindingsIn((value as Record<string, unknown>)[key], found);
  }
  return found;
}
