import { describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { objectsOfType, templateFiles, type Json } from './card-queries.js';

/** Verbs as the templates send them: Action.Execute's `verb`, and the `verb` its Action.Submit fallback puts in data. */
function verbsSentBy(template: Json): string[] {
  const executed = objectsOfType(template, 'Action.Execute').map((action) => action['verb']);
  const submitted = objectsOfType(template, 'Action.Submit').map((action) => (action['data'] as Json | undefined)?.['verb']);
  return [...executed, ...submitted].map(String);
}

describe('VERBS', () => {
  const used = new Set(templateFiles().flatMap(({ template }) => verbsSentBy(template)));

  it('holds every verb a template sends', () => {
    expect([...used].filter((verb) => !Object.values<string>(VERBS).includes(verb))).toEqual([]);
  });

  it('holds no verb that no template sends', () => {
    expect(Object.values(VERBS).filter((verb) => !used.has(verb))).toEqual([]);
  });

  it('names each verb <noun>.<act>', () => {
    expect(Object.values(VERBS).filter((verb) => !/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/.test(verb))).toEqual([]);
  });
});
