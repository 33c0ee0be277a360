import type { PolicyInput } from '../schema.js';

// Seed of this authority's policy file, to be completed.
export const blackburnWithDarwen = {
  authority: { id: 'blackburn-with-darwen', name: 'Blackburn with Darwen', alsoKnownAs: [] },
  source: { file: '001_f5738f0f17bbde88.txt', title: 'Children in Need Planning and Review Process', version: 'TODO', checkedOn: '2026-11-22' },
  rules: [
    {
      id: 'blackburn-with-darwen.visit.placeholder',
      kind: 'no-figure-set',
      topic: 'visit',
      requires: 'Placeholder rule while the file is written',
      says: 'Placeholder rule while the file is written',
      citation: { section: '3. Child and Young Person in Need', quote: 'This will be circulated to all parties within 5 working days.' },
    },
  ],
} satisfies PolicyInput;
