import type { PolicyInput } from '../schema.js';

// Seed of this authority's policy file, to be completed.
export const slough = {
  authority: { id: 'slough', name: 'Slough', alsoKnownAs: [] },
  source: { file: '003_4f935e8d81898c77.txt', title: 'Children in Need Practice Guidance', version: 'TODO', checkedOn: '2026-11-22' },
  rules: [
    {
      id: 'slough.visit.placeholder',
      kind: 'no-figure-set',
      topic: 'visit',
      requires: 'Placeholder rule while the file is written',
      says: 'Placeholder rule while the file is written',
      citation: { section: 'Social Work Visits', quote: 'When children are referred to Children & Families Service, the first visit to the family should be undertaken as soon as possible, but within a maximum timeframe of five working days.' },
    },
  ],
} satisfies PolicyInput;
