import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Parser from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The Bicep compiler cannot be installed here (it is a .NET binary that `az bicep install` downloads), so the
 * template is parsed with the tree-sitter Bicep grammar and held to the rules of Bicep's own linter that need
 * no Azure type information: no syntax error, every name defined, no unused parameter or variable, secrets
 * only in @secure() parameters without a default, and no secret in an output.
 */

const TEMPLATE = readFileSync(new URL('../../deployment/azure/main.bicep', import.meta.url), 'utf8');
const PARAMETERS_FILE = JSON.parse(
  readFileSync(new URL('../../deployment/azure/main.parameters.json', import.meta.url), 'utf8'),
) as { parameters: Record<string, unknown> };

type SyntaxNode = Parser.SyntaxNode;

let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const grammar = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
  parser = new Parser();
  parser.setLanguage(await Parser.Language.load(grammar));
});

const parse = (source: string): SyntaxNode => parser.parse(source).rootNode;

const declaredName = (declaration: SyntaxNode): SyntaxNode | undefined =>
  declaration.type.endsWith('_declaration') ? declaration.namedChildren.find((child) => child.type === 'identifier') : undefined;

interface Declaration {
  readonly kind: string;
  readonly node: SyntaxNode;
  readonly decorators: string;
}

function declarationsOf(root: SyntaxNode): Map<string, Declaration> {
  const declarations = new Map<string, Declaration>();
  let decorators = '';
  for (const child of root.children) {
    if (child.type === 'decorators') {
      decorators = child.text;
      continue;
    }
    const name = declaredName(child);
    if (name) declarations.set(name.text, { kind: child.type, node: child, decorators });
    if (child.type !== 'comment') decorators = '';
  }
  return declarations;
}

/** Identifiers that name something (not a function called, a property key or the declaration's own name). */
function references(root: SyntaxNode): SyntaxNode[] {
  return root.descendantsOfType('identifier').filter((identifier) => {
    const parent = identifier.parent;
    if (!parent) return false;
    if (declaredName(parent)?.id === identifier.id) return false;
    if (parent.type === 'call_expression' && parent.childForFieldName('function')?.id === identifier.id) return false;
    if (parent.type === 'object_property' && parent.firstNamedChild?.id === identifier.id) return false;
    return true;
  });
}

const syntaxErrors = (root: SyntaxNode): SyntaxNode[] =>
  [...root.descendantsOfType('ERROR'), ...root.descendantsOfType('MISSING')].filter((node) => node.isError || node.isMissing);

describe('deployment/azure/main.bicep', () => {
  it('parses without a syntax error (and the check does find one in a broken template)', () => {
    const root = parse(TEMPLATE);
    expect(root.hasError, syntaxErrors(root).map((node) => `line ${node.startPosition.row + 1}`).join(', ')).toBe(false);
    expect(parse("param name string =\nresource site 'Microsoft.Web/sites@2023-12-01' = {\n  name:\n}\n").hasError).toBe(true);
  });

  it('defines every name it uses', () => {
    const root = parse(TEMPLATE);
    const declared = declarationsOf(root);
    const undefinedNames = references(root)
      .filter((identifier) => !declared.has(identifier.text))
      .map((identifier) => `${identifier.text} (line ${identifier.startPosition.row + 1})`);
    expect(undefinedNames).toEqual([]);
  });

  it('uses every parameter and variable it declares (no-unused-params, no-unused-vars)', () => {
    const root = parse(TEMPLATE);
    const used = new Set(references(root).map((identifier) => identifier.text));
    const unused = [...declarationsOf(root)]
      .filter(([, declaration]) => declaration.kind === 'parameter_declaration' || declaration.kind === 'variable_declaration')
      .filter(([name]) => !used.has(name))
      .map(([name]) => name);
    expect(unused).toEqual([]);
  });

  it('takes secrets only in @secure() parameters without a default, and outputs none of them', () => {
    const declared = declarationsOf(parse(TEMPLATE));
    const secretParameters = [...declared].filter(
      ([name, declaration]) => declaration.kind === 'parameter_declaration' && /password|secret|key$/i.test(name),
    );
    expect(secretParameters.map(([name]) => name)).toEqual(['microsoftAppPassword', 'linkSigningSecret', 'postgresAdminPassword']);
    for (const [name, declaration] of secretParameters) {
      expect(declaration.decorators, name).toContain('@secure()');
      expect(declaration.node.text, name).not.toContain('=');
    }
    const secureNames = new Set(
      [...declared].filter(([, declaration]) => declaration.decorators.includes('@secure()')).map(([name]) => name),
    );
    const leakingOutputs = [...declared]
      .filter(([, declaration]) => declaration.kind === 'output_declaration')
      .filter(([, declaration]) => references(declaration.node).some((identifier) => secureNames.has(identifier.text)))
      .map(([name]) => name);
    expect(leakingOutputs).toEqual([]);
  });

  it('declares every parameter that main.parameters.json sets, and the file sets no secret', () => {
    const declared = declarationsOf(parse(TEMPLATE));
    for (const name of Object.keys(PARAMETERS_FILE.parameters)) {
      expect(declared.get(name)?.kind, name).toBe('parameter_declaration');
      expect(declared.get(name)?.decorators ?? '', name).not.toContain('@secure()');
    }
  });
});
