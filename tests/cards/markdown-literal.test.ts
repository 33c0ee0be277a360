import { describe, expect, it } from 'vitest';
import { escalationText } from '../../cards/escalation-card.js';
import { markdownLiteral } from '../../cards/markdown-literal.js';

// Issue 13, item 7: a display name or team name such as `[Click to confirm closure](https://…)` went into message
// text, which Teams renders as markdown: a link in the bot's own voice.
const HOSTILE_NAME = '[Click to confirm closure](https://evil.example/confirm) **now**';

/** The text with every escaped character taken out: what is left must hold no markdown a renderer would act on. */
const unescapedMarkdown = (text: string) => text.replace(/\\./g, '').match(/\[[^\]]*\]\([^)]*\)|\*\*|__|`|~~|&[a-z]+;|<[a-z]/gi) ?? [];

describe('user-chosen text in markdown messages', () => {
  it('escapes every character markdown gives a meaning, and nothing else', () => {
    expect(markdownLiteral(HOSTILE_NAME)).toBe('\\[Click to confirm closure\\]\\(https://evil.example/confirm\\) \\*\\*now\\*\\*');
    expect(markdownLiteral("Sam O'Kafor-Jones Jr.")).toBe("Sam O'Kafor-Jones Jr.");
    expect(markdownLiteral('3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c')).toBe('3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c');
    expect(unescapedMarkdown(markdownLiteral('`code` <b>bold</b> _it_ ~~struck~~ &lt;'))).toEqual([]);
  });

  it('names the worker in an escalation message without a link or emphasis', () => {
    const text = escalationText({ caseReference: 'AB12', worker: HOSTILE_NAME, requires: 'Hold the CiN review', dueOn: 'Friday 13 March 2026', workingDaysOverdue: 2, section: '6. Reviews' });
    expect(unescapedMarkdown(text)).toEqual([]);
    expect(text).toContain('allocated worker: \\[Click to confirm closure\\]');
  });
});
