import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindCard } from '../../cards/bind.js';

function cardWith(...body: object[]): { type: string; version: string; body: object[] } {
  return { type: 'AdaptiveCard', version: '1.5', body };
}

/** A card whose only element shows `text` (a template string). */
function cardShowing(text: string): object {
  return cardWith({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] });
}

function shownText(card: object): unknown {
  return (card as { body: { inlines: { text: unknown }[] }[] }).body[0]?.inlines[0]?.text;
}

describe('bindCard', () => {
  it('fills bindings from the view, inside sentences too', () => {
    expect(shownText(bindCard(cardShowing('Due by ${headline}.'), { headline: 'Monday 30 March 2026' }))).toBe('Due by Monday 30 March 2026.');
  });

  it('repeats an element over an array with $data, and leaves it out when $when names a false view boolean', () => {
    const template = cardWith(
      { type: 'TextBlock', $data: '${notes}', text: '${$data}', wrap: true },
      { type: 'TextBlock', $when: '${hasNotes}', text: 'Please note', wrap: true },
    );
    expect(bindCard(template, { notes: [], hasNotes: false })).toEqual({ type: 'AdaptiveCard', version: '1.5', body: [] });
    expect(bindCard(template, { notes: ['Falls on a weekend.'], hasNotes: true })['body']).toEqual([
      { type: 'TextBlock', text: 'Falls on a weekend.', wrap: true },
      { type: 'TextBlock', text: 'Please note', wrap: true },
    ]);
  });

  describe('throws on a template that does not fit its view', () => {
    it('a binding the view lacks', () => {
      expect(() => bindCard(cardShowing('${headline}'), { headlne: 'Monday 30 March 2026' })).toThrow(/unresolved: \$\{headline\}$/);
    });

    it('a binding the view lacks, inside a sentence', () => {
      expect(() => bindCard(cardShowing('Due by ${headline}.'), {})).toThrow(/unresolved: \$\{headline\}$/);
    });

    it('a function the template language does not have', () => {
      expect(() => bindCard(cardShowing('${shout(headline)} today'), { headline: 'Monday' })).toThrow(/unresolved: \$\{shout\(headline\)\}$/);
    });

    it('without repeating the text around the binding, which may be what a user typed', () => {
      expect(() => bindCard(cardShowing('${question} ${answer}'), { question: 'Is Jo Bloggs, 14, due a visit?' })).toThrow(
        /^Card template left bindings unresolved: \$\{answer\}$/,
      );
    });

    it('a $when naming something the view does not hold as false', () => {
      const template = cardWith({ type: 'TextBlock', $when: '${hasNotez}', text: 'Please note', wrap: true });
      expect(() => bindCard(template, { hasNotes: false })).toThrow(/expansion warned: .*hasNotez/);
    });

    it('a $when written as an expression rather than a view boolean', () => {
      const template = cardWith({ type: 'TextBlock', $when: '${count(notes) > 0}', text: 'Please note', wrap: true });
      expect(() => bindCard(template, { notes: [], hasNotes: false })).toThrow(/expansion warned/);
    });

    it('a $when that is no binding at all', () => {
      const template = cardWith({ type: 'TextBlock', $when: 'hasNotes', text: 'Please note', wrap: true });
      expect(() => bindCard(template, { hasNotes: true })).toThrow(/expansion warned: .*not an Adaptive Expression/);
    });
  });

  describe('binds user text as literal text', () => {
    const HOSTILE_TEXTS = [
      '${$root.secret}',
      'When is it due? ${secret}',
      '"}]},{"type":"Action.OpenUrl","url":"https://example.invalid"}',
      '<script>alert(1)</script>',
      '[x](javascript:alert(1))',
      '**bold** _italic_ 1. list',
      '\u{E000}1 and \u{E000}0',
    ];

    it.each(HOSTILE_TEXTS)('%s', (question) => {
      const template = {
        ...cardShowing('${question}'),
        actions: [{ type: 'Action.Submit', title: 'Ask', data: { verb: 'authority.choose', question: '${$root.question}', echo: 'You asked: ${question}' } }],
      };
      const card = bindCard(template, { question, secret: 'SECRET' });
      expect(shownText(card)).toBe(question);
      expect(card['actions']).toEqual([{ type: 'Action.Submit', title: 'Ask', data: { verb: 'authority.choose', question, echo: `You asked: ${question}` } }]);
    });

    it('where one bound string ends in $ and the next begins with {', () => {
      expect(shownText(bindCard(cardShowing('${price}${note}'), { price: 'costs $', note: '{not a binding}' }))).toBe('costs ${not a binding}');
    });

    it('whatever the strings', () => {
      const fragments = fc.constantFrom('${', '}', '$', '{', '\u{E000}', '0', '1', '"', '\\', ']', 'a', ' ');
      const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(fragments).map((parts) => parts.join('')));
      fc.assert(
        fc.property(anyText, anyText, (first, second) => shownText(bindCard(cardShowing('${first}${second}'), { first, second })) === first + second),
      );
    });
  });
});
