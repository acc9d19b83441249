import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, isEnumType, isInputObjectType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import ts from 'typescript';

/**
 * Finds hand-written TypeScript types that restate the GraphQL contract instead of importing the
 * generated ones: a union of string literals with exactly an enum's values, a type or interface named
 * like a GraphQL enum, input or object type and spelled out, or an object type whose property names are
 * exactly an input type's fields. Generated files, migrations (frozen in time) and dependencies are
 * not read. A declaration that belongs to another contract and only happens to look alike (an event
 * payload, a spreadsheet column set) says so in a comment before it: `// own-contract: <why>`.
 */
export interface Restatement {
  file: string;
  line: number;
  name: string;
  restates: string;
}

export interface Contract {
  /** Enum name → its values, sorted. */
  enums: Map<string, string>;
  inputs: Map<string, string>;
  objects: Set<string>;
}

const SCANNED = ['services', 'packages', 'frontends', 'tools', 'gateway', 'bench', 'e2e'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'generated', 'migrations', '.__mf__temp']);
/** Types of GraphQL itself or of federation that many schemas name; not the contract's own. */
const NOT_OURS = new Set(['Query', 'Mutation', 'Subscription']);

export function contractOf(sdl: string): Contract {
  const schema: GraphQLSchema = buildASTSchema(parse(sdl), { assumeValid: true, assumeValidSDL: true });
  const contract: Contract = { enums: new Map(), inputs: new Map(), objects: new Set() };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('_') || NOT_OURS.has(type.name)) continue;
    if (isEnumType(type)) contract.enums.set(type.name, key(type.getValues().map((value) => value.name)));
    else if (isInputObjectType(type)) contract.inputs.set(type.name, key(Object.keys(type.getFields())));
    else if (isObjectType(type)) contract.objects.add(type.name);
  }
  return contract;
}

const key = (names: readonly string[]): string => [...names].sort().join(',');

export function sourceFiles(root: string, dirs: readonly string[] = SCANNED): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return SKIPPED_DIRS.has(name) || name.startsWith('.') ? [] : walk(full);
      return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
    });
  return dirs.flatMap((dir) => walk(path.join(root, dir)));
}

/** The restatements in one file's text. */
export function restatementsIn(file: string, text: string, contract: Contract): Restatement[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Restatement[] = [];
  const report = (node: ts.Node, name: string, restates: string): void => {
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, name, restates });
  };
  const enumOf = (values: string): string | undefined => [...contract.enums].find(([, enumValues]) => enumValues === values)?.[0];
  const inputOf = (fields: string): string | undefined => [...contract.inputs].find(([, inputFields]) => inputFields === fields)?.[0];

  const visit = (node: ts.Node): void => {
    if (ownContract(node, text)) return;
    if (ts.isUnionTypeNode(node)) {
      const literals = node.types.filter((member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal));
      if (literals.length >= 2 && literals.length === node.types.length) {
        const values = key(literals.map((member) => ((member as ts.LiteralTypeNode).literal as ts.StringLiteral).text));
        const restated = enumOf(values);
        if (restated) report(node, declaredName(node) ?? '(inline union)', `enum ${restated}`);
      }
    }
    if (ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node)) {
      const names = node.members.flatMap((member) => (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? [member.name.text] : []));
      const restated = names.length >= 3 ? inputOf(key(names)) : undefined;
      if (restated) report(node, (ts.isInterfaceDeclaration(node) ? node.name.text : declaredName(node)) ?? '(inline object type)', `input ${restated}`);
    }
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)) && spelledOut(node)) {
      const name = node.name.text;
      if (contract.enums.has(name)) report(node, name, `enum ${name}`);
      else if (contract.inputs.has(name)) report(node, name, `input ${name}`);
      else if (contract.objects.has(name)) report(node, name, `type ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A union inside a named alias is reported once, under the alias's name.
  return found.filter((entry, index) => found.findIndex((other) => other.line === entry.line && other.restates === entry.restates) === index);
}

/** Declared, with a comment, as part of another contract than the GraphQL one. */
function ownContract(node: ts.Node, text: string): boolean {
  return (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).some((range) => /own-contract:\s*\S/.test(text.slice(range.pos, range.end)));
}

/** A declaration that writes the type out, rather than naming or deriving one (`type X = Generated['X']`). */
function spelledOut(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration): boolean {
  if (!ts.isTypeAliasDeclaration(node)) return true;
  return ts.isTypeLiteralNode(node.type) || ts.isUnionTypeNode(node.type) || ts.isLiteralTypeNode(node.type);
}

function declaredName(node: ts.Node): string | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isTypeAliasDeclaration(current) || ts.isInterfaceDeclaration(current)) return current.name.text;
    if (ts.isPropertySignature(current) || ts.isVariableDeclaration(current) || ts.isParameter(current)) return current.name.getText();
  }
  return undefined;
}

/** Every restatement in the workspace, against the contract of all subgraphs' SDL together. */
export function findRestatements(root: string, sdl: string): Restatement[] {
  const contract = contractOf(sdl);
  return sourceFiles(root).flatMap((file) => restatementsIn(path.relative(root, file), readFileSync(file, 'utf8'), contract));
}
