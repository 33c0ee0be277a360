import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../domain/dates/local-date.js';
import { POLICIES } from '../../../domain/policy/registry.js';
import { applyingAuthorities, authoritiesIn, namingsIn } from '../../../bot/understanding/authority.js';
import { normaliseText } from '../../../bot/understanding/normalise.js';
import { understand } from '../../../bot/understanding/understand.js';

describe('authoritiesIn', () => {
  it.each([
    ['In Redbridge, when is the review?', ['redbridge']],
    ['LB Redbridge review', ['redbridge']],
    ['B&H: how often do I visit?', ['brighton-and-hove']],
    ['Brighton & Hove network meeting', ['brighton-and-hove']],
    ['brighton and hove', ['brighton-and-hove']],
    ['Brighton', ['brighton-and-hove']],
    ['camden\u2019s threshold', ['camden']],
    ['Slough: first visit', ['slough']],
    ['Blackburn with Darwen meeting', ['blackburn-with-darwen']],
    ['moving from Camden to Slough', ['camden', 'slough']],
    ['redbrige review', ['redbridge']],
    ['slogh first visit', ['slough']],
    ['sloguh first visit' /* two letters swapped */, ['slough']],
    ['appletrees cin review held today', ['blackburn-with-darwen']],
    ["I'm in Hove", ['brighton-and-hove']],
    ['Darwen cin meeting', ['blackburn-with-darwen']],
    ['When is the initial CiN meeting due?', []],
    ['hovering over the plan', []],
  ])('%j names %j', (text, expected) => {
    expect(authoritiesIn(text, POLICIES)).toEqual(expected);
  });
});

describe('applyingAuthorities', () => {
  it.each([
    ['A family became resident in Redbridge on 18 December 2026 having moved from Camden', false, ['redbridge']],
    ['moved from Camden into Redbridge, when is the meeting', false, ['redbridge']],
    ['camden: family moving out to slough, what do I need to do', true, ['camden']],
    ['family moving from Camden to Slough: what must Camden do', true, ['camden']],
    ['compare Camden and Slough', false, ['camden', 'slough']],
  ])('%j (about moving out: %s) is for %j', (text, movingOut, expected) => {
    expect(applyingAuthorities(namingsIn(normaliseText(text), POLICIES), movingOut)).toEqual(expected);
  });
});

describe('normaliseText', () => {
  it.each([
    ['When is the C&F asessment due?', 'when is the child and family assessment due?'],
    ['next CIN reveiw', 'next cin review'],
    ['child in need meeting', 'cin meeting'],
    ['the CP plan ended', 'the child protection plan ended'],
    ['minimum visiting frequency', 'minimum visiting frequency'],
    ['plans are reviewed', 'plans are reviewed'],
    ['what has to happen', 'what has to happen'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});

describe('understand', () => {
  const today = '2026-03-10' as LocalDate;
  const read = (text: string, on: string = today) => understand(text, on as LocalDate, POLICIES).question;

  it.each([
    ['when is the initial CiN meeting due if we decided on 3 March?', 'date', ['initial', 'meeting'], ['plan-decision'], '2026-03-03'],
    ['we decided on 3 March, when do I need the meeting by?', 'date', ['meeting'], ['plan-decision'], '2026-03-03'],
    ['Initial CIN meeting deadline? decision was 3/3/26', 'date', ['initial', 'meeting'], ['plan-decision'], '2026-03-03'],
    ['the last review was held yesterday, when is the next one', 'date', ['next'], ['review-held'], '2026-03-09'],
    ['visited the child last Monday - when is my next visit due?', 'date', ['visit', 'next'], ['visit-made'], '2026-03-09'],
    ['family moved into the area a fortnight ago. when do we need the cin meeting?', 'date', ['meeting'], ['moved-in'], '2026-02-24'],
    ['cp conference on 4/3/26 stepped down to cin, when is the first cin meeting', 'date', ['meeting', 'initial'], ['cp-plan-ended'], '2026-03-04'],
    ['new family to redbridge from Kent, living here since 2/3/26 - by when should we convene a cin meeting', 'date', ['meeting', 'into'], ['moved-in'], '2026-03-02'],
    ['review booked for 30 March 2026, when do the invites go out?', 'date', ['invitations', 'circulate'], ['review-booked'], '2026-03-30'],
    ['C&F asessment started 2 March. When is it due?', 'date', [], ['assessment-started'], '2026-03-02'],
    ['the review on 4 March was cancelled, when must it be held instead', 'date', ['cancelled', 'review'], ['review-cancelled'], '2026-03-04'],
    ['brighton: plan agreed today, when do minutes need to go out', 'date', ['minutes', 'circulate'], ['plan-started'], '2026-03-10'],
    // The booked date is what the answer is checked against; the other date is the one counted from.
    ['initial cin mtg booked for 30/3/26, decision a plan was needed was 9/3/26 - are we within timescale', 'date', ['initial', 'meeting'], ['plan-decision', 'review-booked'], '2026-03-09'],
  ])('%j: asks a %s about %j, after %j on %s', (text, asked, askTerms, events, anchorDate) => {
    const question = read(text);
    expect(question).toMatchObject({ asked, events, anchorDate });
    expect([...(question.askTerms ?? []), ...(question.contextTerms ?? [])]).toEqual(expect.arrayContaining(askTerms));
  });

  it.each([
    ['How often do I visit in Slough?', 'frequency'],
    ['who chairs CIN reviews in blackburn', 'who'],
    ['camden: how many days notice do families get for a review', 'notice'],
    ['what should a cin plan include in camden', 'contents'],
    ['is a child with 2 moderate needs eligible for CYPDS', 'threshold'],
    ['redbridge: what has to happen before we can close the case', 'whether'],
    ['what needs doing on closure of a slough cin case', 'whether'],
    ['anything i need to check before starting a cin plan at redbridge?', 'whether'],
    ['when is the draft cin plan drawn up', 'whether'],
    ['when is the date of the next review set', 'whether'],
    ['when is the next review due', 'date'],
    ['when must the plan be agreed by', 'date'],
  ])('%j asks for a %s', (text, asked) => {
    expect(read(text).asked).toBe(asked);
  });

  it('keeps the things asked about apart from the events that give the date', () => {
    const question = read('Blackburn: initial intervention planning meeting held 24 December 2025, circulate the plan by?');
    expect(question.askTerms).toEqual(expect.arrayContaining(['plan', 'circulate']));
    expect(question.askTerms).not.toContain('initial');
    expect(question.contextTerms).toEqual(expect.arrayContaining(['initial', 'meeting']));
  });

  it('reads "a review first" as one before, not the first review; a case that has been open as opened', () => {
    expect(read('can i close a cin plan without doing a review first').askTerms).not.toContain('initial');
    expect(read('case been open to the SW team since 31 Aug 2026 - deadline for the CiN plan?').events).toContain('case-opened');
  });

  it('reads "reviews after the first one" as the later reviews', () => {
    expect(read('LBR how often are cin reviews after the first one').askTerms).not.toContain('initial');
  });

  it('reads a review on a date still to come as booked, and one past as held', () => {
    expect(read('review on 20 March: when do invitations go?').events).toEqual(['review-booked']);
    expect(read('review on 2 March: when is the next?').events).toEqual(['review-held']);
  });

  it('names the pathway: direct payments, disabled children', () => {
    expect(read('ICDDS direct payments case: how often must we visit?').pathway).toBe('direct-payments');
    expect(read('disabled child at Appletrees: how often are reviews?').pathway).toBe('disabled-children');
    // A pathway named only to say it does not apply is not the question's pathway.
    expect(read('ICDDS disabled child, not a direct payments case - how often do we visit').pathway).toBe('disabled-children');
    expect(read('no supervision order, how often do we visit').pathway).toBeUndefined();
    // The documents place a child with special educational needs (an EHC plan) with their disabled children's services.
    expect(read('BwD - how often is the joint CIN / SEN review for a child with an EHCP').pathway).toBe('disabled-children');
  });

  it('reads "who do they go to", "who gets copies" as who receives, not as who (a role) nor as a date', () => {
    expect(read('network meeting minutes - who do they go to').asked).toBe('recipients');
    expect(read('who gets outcome letters when a cin case closes').asked).toBe('recipients');
    expect(read('who should be at the cin meeting').asked).toBe('recipients');
    expect(read('who do i invite to the IIPM in blackburn').asked).toBe('recipients');
    expect(read('who decides a case can go on the direct payments pathway').asked).toBe('who');
  });

  it('reads who does a step, whether, how and where apart from a date', () => {
    expect(read('who writes up and circulates the IIPM notes in blackburn').asked).toBe('doer');
    expect(read('who arranges the initial cin meeting in redbridge').asked).toBe('doer');
    expect(read('slough - can services start before the C&F assessment is finished').asked).toBe('whether');
    expect(read('camden step down to early help, what does the final review need to do').asked).toBe('whether');
    expect(read('stepping down to early help in blackburn, what must the cin meeting think about').asked).toBe('whether');
    expect(read('school wants the camden cin review brought forward, how do they ask').asked).toBe('manner');
    expect(read('redbridge multi-agency parental consent form - where does it need to be held').asked).toBe('place');
    expect(read('whats in the sw\u2019s written update at each camden review').asked).toBe('contents');
    expect(read('LBR case transferring out to thurrock - how quickly do we have to notify them').asked).toBe('date');
  });

  it('does not read a common word as a near domain word', () => {
    expect(read('can a blackburn cin plan depend on resources we know are scarce').askTerms).not.toContain('circulate');
    expect(read('blackburn disabled child, no safeguarding issues - can the case go to appletrees').askTerms).not.toContain('circulate');
    expect(read('brighton what has to be covered at review network meetings').asked).toBe('contents');
  });

  it('reads "from when…" as asking for the date from which a rule applies', () => {
    expect(read('from when must the review be chaired by a team manager').asksFrom).toBe(true);
    expect(read('from what date does the next review need a TM in the chair').asksFrom).toBe(true);
    expect(read('when is the next review due').asksFrom).toBeUndefined();
  });

  it('does not count the words of a pathway named only to say it does not apply', () => {
    const question = read('b&h ICDDS disabled child, not a direct payments case - how often do we visit');
    expect([...(question.askTerms ?? []), ...(question.contextTerms ?? [])]).not.toContain('payments');
  });

  it('reads "the IIPM was the 9th" as the initial meeting held', () => {
    expect(read('blackburn iipm was the 9th - when does the initial cin plan have to be reviewed by').events).toContain('initial-meeting-held');
  });

  it('reads a meeting on a date still to come as held that day when what is asked follows it', () => {
    const question = read('darwen iipm is thursday this week - when does the initial cin plan need to be authorised and circulated', '2026-04-13');
    expect(question.anchorDate).toBe('2026-04-16');
    expect(question.events).toContain('initial-meeting-held');
    // What comes before the meeting is still counted back from it.
    expect(read('camden review is on 20 april, when do the invites go out', '2026-04-13').events).not.toContain('review-held');
  });

  it('reads "starting the assessment" as the assessment started, and "signing off" as authorising', () => {
    const question = read('slough - starting the C&F assessment thursday this week, when does it need signing off by', '2026-04-28');
    expect(question.events).toEqual(['assessment-started']);
    expect(question.askTerms).toContain('authorise');
  });

  it('tells a child protection step asked about from a children in need one that mentions it', () => {
    const asks = (text: string) => understand(text, '2026-09-20' as LocalDate, POLICIES).asksAChildProtectionStep === true;
    expect(asks('slough - child on a cp plan, initial child protection conference was 14 sept. when is the first cp review conference')).toBe(true);
    expect(asks('camden: when is core group after the icpc')).toBe(true);
    expect(asks('slough - stepped down from cp at the review conference on 3 may, when is the first cin meeting')).toBe(false);
    expect(asks('does the draft plan get done at the child protection conference in slough')).toBe(false);
  });

  it('reads a plan agreed to be needed as the decision, not the plan started', () => {
    expect(read('TM agreed a cin plan is needed on 3/2/26, when is the icinnm due').events).toEqual(['plan-decision']);
    expect(read('lbr - tm agreed cin plan needed 3/2/26, when is the meeting').events).toEqual(['plan-decision']);
    expect(read('cin plan agreed 3/2/26, when is the first review').events).toContain('plan-started');
  });

  it('reads text-speak asking words, and "can u tell me" as words to the bot, not a family told', () => {
    expect(read('wen is the next review due').asked).toBe('date');
    const question = read('can u tell me who arranges the initial cin meeting');
    expect(question.asked).toBe('doer');
    expect([...(question.askTerms ?? []), ...(question.contextTerms ?? [])]).not.toContain('circulate');
  });

  it('keeps a closing choice of two ("SW or TM?") with the question before it', () => {
    const question = read('who arranges the initial cin meeting, SW or TM?');
    expect(question.asked).toBe('doer');
    expect(question.askTerms).toEqual(expect.arrayContaining(['arrange', 'worker', 'manager']));
  });

  it('reads "mtg" as a meeting and "last home visit" as a visit made', () => {
    expect(read('slough initial cin mtg was 10/6, when does the plan have to go out').events).toContain('initial-meeting-held');
    expect(read('redbridge last home visit 2/6, when is the next one due').events).toContain('visit-made');
    expect(read('how many network mtgs before the plan can end').askTerms).toContain('meeting');
  });

  it('reads an agency that did not come to a review as absent', () => {
    expect(read('health visitor didnt make the review - can we still step down to early help').contextTerms).toEqual(expect.arrayContaining(['absent', 'professionals']));
  });

  it('reads an asking clause that names nothing as asking about what the rest names', () => {
    expect(read('step down to early help - whats the process')).toMatchObject({ asked: 'whether', askTerms: ['stepdown'] });
  });
});
