import type { PolicyInput } from '../schema.js';

// Seed of this authority's policy file, to be completed.
export const brightonAndHove = {
  authority: { id: 'brighton-and-hove', name: 'Brighton and Hove', alsoKnownAs: [] },
  source: { file: '004_4680ce6eb91d8c1b.txt', title: '1.4.3 Children in Need Plans and Network Meetings - Practice Guidance', version: 'TODO', checkedOn: '2026-11-22' },
  rules: [
    {
      id: 'brighton-and-hove.visit.placeholder',
      kind: 'no-figure-set',
      topic: 'visit',
      requires: 'Placeholder rule while the file is written',
      says: 'Placeholder rule while the file is written',
      citation: { section: '4. Visits to Children subject to a Child in Need Plan', quote: 'It is expected that a child will be visited at a minimum of once every 6 weeks.' },
    },
  ],
} satisfies PolicyInput;
