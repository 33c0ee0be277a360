import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('the import graph of bot/, domain/ and cards/', () => {
  it('has no cycle: no file imports another that imports it back, types included', () => {
    expect(importCycles(importGraph(ROOT, ['bot', 'domain', 'cards']))).toEqual([]);
  });

  it('would show a cycle, with every file on it', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});

describe('a handler', () => {
  const lint = async (source: string, file = 'bot/handlers/new-capability.ts') => {
    const [result] = await new ESLint({ cwd: ROOT }).lintText(source, { filePath: `${ROOT}${file}` });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
  };

  it('may import the handler context, and what handlers share from outside bot/handlers/', async () => {
    expect(await lint("import type { BotContext } from './context.js';\nimport { say } from '../replies/say.js';\nexport type Used = [BotContext, typeof say];\n")).toEqual([]);
  });

  it('may not import another handler, not even a type', async () => {
    expect(await lint("import type { Reply } from '../ports.js';\nimport { showCase } from './case-timeline.js';\nexport type Used = [Reply, typeof showCase];\n")).toEqual([
      expect.stringContaining('A handler does not import another handler'),
    ]);
    expect(await lint("import type { BotContext } from './context.js';\nimport type { CaseFormSubmission } from './open-case.js';\nexport type Used = [BotContext, CaseFormSubmission];\n")).toEqual([
      expect.stringContaining('A handler does not import another handler'),
    ]);
  });
});
