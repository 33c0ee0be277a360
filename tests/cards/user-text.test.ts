// @vitest-environment happy-dom
// happy-dom rather than jsdom: jsdom 31 needs Node 22 (we support 20.19), and it has no innerText, which
// the adaptivecards renderer uses to write a TextRun.
import { AdaptiveCard, type IMarkdownProcessingResult } from 'adaptivecards';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdaptiveCardJson } from '../../cards/adaptive-card-json.js';
import { chooseAuthorityCard } from '../../cards/choose-authority-card.js';
import { chooseAuthorityForMeeting } from './sample-views.js';

/**
 * A question typed by a user comes back on the choose-authority card. Rendered by Microsoft's own
 * renderer, it must show as typed: no link, no markup, no binding evaluated. The renderer passes a
 * TextBlock's text to the host's markdown processor and writes a TextRun's text as plain text; the
 * templates rely on that by showing bound text only in TextRuns.
 */

const HOSTILE_QUESTION = 'When is it due? ${$root.prompt} "}] <script>alert(1)</script> [x](javascript:alert(1)) **now**';

let textsSentToMarkdown: string[] = [];

beforeEach(() => {
  textsSentToMarkdown = [];
  // Stands in for the host's markdown processor (Teams has its own); it records what it is given.
  AdaptiveCard.onProcessMarkdown = (text: string, result: IMarkdownProcessingResult) => {
    textsSentToMarkdown.push(text);
    result.didProcess = false;
  };
});

afterEach(() => {
  delete AdaptiveCard.onProcessMarkdown;
});

// The return type is left to inference: the project compiles without the DOM library.
function rendered(card: AdaptiveCardJson) {
  const adaptiveCard = new AdaptiveCard();
  adaptiveCard.parse(card);
  const element = adaptiveCard.render();
  if (!element) throw new Error('The card did not render');
  return element;
}

describe('a user question echoed on a card', () => {
  const card = chooseAuthorityCard({ ...chooseAuthorityForMeeting, question: HOSTILE_QUESTION });

  it('shows exactly as typed', () => {
    expect(rendered(card).textContent).toContain(HOSTILE_QUESTION);
  });

  it('makes no link or script element', () => {
    expect(rendered(card).querySelectorAll('a, script')).toHaveLength(0);
  });

  it('never reaches the markdown processor', () => {
    rendered(card);
    expect(textsSentToMarkdown.filter((text) => text.includes('javascript:'))).toEqual([]);
  });

  it('would reach it from a TextBlock, which is why templates keep bound text out of TextBlocks', () => {
    rendered({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: HOSTILE_QUESTION, wrap: true }] });
    expect(textsSentToMarkdown).toEqual([HOSTILE_QUESTION]);
  });
});
