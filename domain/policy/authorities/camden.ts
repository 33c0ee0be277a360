import type { PolicyInput } from '../schema.js';

// Seed of this authority's policy file, to be completed.
export const camden = {
  authority: { id: 'camden', name: 'Camden', alsoKnownAs: [] },
  source: { file: '002_cb2cb634c7f0a706.txt', title: 'Multi-agency guidance for children in need cases 2023', version: 'TODO', checkedOn: '2026-11-22' },
  rules: [
    {
      id: 'camden.visit.placeholder',
      kind: 'no-figure-set',
      topic: 'visit',
      requires: 'Placeholder rule while the file is written',
      says: 'Placeholder rule while the file is written',
      citation: { section: '10.1 Purpose and frequency', quote: 'Child in need reviews are held every 3 months.' },
    },
  ],
} satisfies PolicyInput;
