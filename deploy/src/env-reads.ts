import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The environment variables a process reads, read off its source: every file its entry reaches by
 * import inside this workspace (not node_modules), and in them every `process.env.X`, `env.X`,
 * `env['X']`, `env[\`${name}_URL\`]` (a pattern over the services' names) and `env[name]` whose name resolves to string literals
 * (a constant, the arguments its function is called with, or the values of the object property it was
 * taken from). Whatever does not resolve is reported, so that the list cannot silently miss a read.
 * Reachability is by file, so a barrel (`index.ts`) brings in every file it re-exports: the list is a
 * superset of what the process can read, never a subset.
 */
export interface EnvReads {
  files: string[];
  names: Set<string>;
  /** `${prefix}_PORT` and the like: the variable parts stand for one of the services' names. */
  patterns: RegExp[];
  /** Reads whose name could not be resolved (file:line: expression). */
  unresolved: string[];
}

export const WORKSPACE_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  allowJs: true,
  resolveJsonModule: true,
};

/** Every workspace source file `entries` reach by import (static, re-export or dynamic), tests excluded. */
export function reachableFiles(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((entry) => realpathSync(path.resolve(WORKSPACE_ROOT, entry)));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const reference of info.importedFiles) {
      const resolved = ts.resolveModuleName(reference.fileName, file, COMPILER_OPTIONS, ts.sys).resolvedModule?.resolvedFileName;
      if (!resolved) continue;
      // A JavaScript module typed by a .d.ts beside it (packages/ui/vite-shared.js): read the code.
      const code = resolved.endsWith('.d.ts') && existsSync(resolved.replace(/\.d\.ts$/, '.js')) ? resolved.replace(/\.d\.ts$/, '.js') : resolved;
      const real = realpathSync(code);
      if (!real.startsWith(WORKSPACE_ROOT + path.sep) || real.includes(`${path.sep}node_modules${path.sep}`)) continue;
      if (/\.(test|int\.test)\.ts$/.test(real) || real.endsWith('.d.ts') || real.endsWith('.json')) continue;
      queue.push(real);
    }
  }
  return [...seen].sort();
}

const isEnvObject = (node: ts.Expression): boolean =>
  (ts.isIdentifier(node) && node.text === 'env') || (ts.isPropertyAccessExpression(node) && node.name.text === 'env');

/**
 * The environment variables read by the files `entries` reach. A name built in a template
 * (`${prefix}_PORT`) becomes a pattern whose variable part is one of `nameParts` (the services' names).
 */
export function envReads(entries: string[], nameParts: readonly string[]): EnvReads {
  const files = reachableFiles(entries);
  const sources = files.map((file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
  const reads: EnvReads = { files, names: new Set(), patterns: [], unresolved: [] };
  const where = (node: ts.Node): string => {
    const source = node.getSourceFile();
    return `${path.relative(WORKSPACE_ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };

  /** Every node of every reached file (the resolution rules search them all). */
  const allNodes: ts.Node[] = [];
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      allNodes.push(node);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const literal = (node: ts.Node): string | undefined => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined);

  /** String values of properties called `name` in object literals (`{ env: 'DISTRICT_URL' }`, `{ portVariable: 'CELL_PORT' }`). */
  const propertyValues = (name: string): string[] =>
    allNodes.flatMap((node) => (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === name ? [literal(node.initializer)].filter((value): value is string => value !== undefined) : []));

  const resolveNames = (node: ts.Expression, depth = 0): string[] | undefined => {
    if (depth > 4) return undefined;
    const text = literal(node);
    if (text !== undefined) return [text];
    if (ts.isPropertyAccessExpression(node)) {
      const values = propertyValues(node.name.text);
      // Passed on from an object no reached file builds: this process never takes that path.
      return values.length > 0 || depth > 0 ? values : undefined;
    }
    if (!ts.isIdentifier(node)) return undefined;
    const name = node.text;
    // A constant with a literal value, in any reached file (it may be imported).
    for (const candidate of allNodes) {
      if (ts.isVariableDeclaration(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === name && candidate.initializer) {
        const value = literal(candidate.initializer);
        if (value !== undefined) return [value];
      }
    }
    // Taken from an object's property: `const { env: variable } = …` or `({ env: variable }) =>`.
    for (const candidate of allNodes) {
      if (ts.isBindingElement(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === name && candidate.getSourceFile() === node.getSourceFile()) {
        const property = candidate.propertyName && ts.isIdentifier(candidate.propertyName) ? candidate.propertyName.text : name;
        const values = propertyValues(property);
        if (values.length > 0) return values;
      }
    }
    // A parameter: the values its function is called with, wherever it is called.
    let scope: ts.Node | undefined = node.parent;
    while (scope && !ts.isFunctionLike(scope)) scope = scope.parent;
    if (!scope || !ts.isFunctionLike(scope)) return undefined;
    const index = scope.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name);
    const functionName = scope.name && ts.isIdentifier(scope.name) ? scope.name.text : undefined;
    if (index < 0 || !functionName) return undefined;
    const values: string[] = [];
    for (const call of allNodes) {
      if (!ts.isCallExpression(call)) continue;
      const callee = ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
      const argument = call.arguments[index];
      if (callee !== functionName || !argument) continue;
      const resolved = resolveNames(argument, depth + 1);
      if (!resolved) return undefined;
      values.push(...resolved);
    }
    return values.length > 0 ? values : undefined;
  };

  for (const node of allNodes) {
    if (ts.isPropertyAccessExpression(node) && isEnvObject(node.expression)) {
      // `options.env` itself, or a write like `process.env.APOLLO_TELEMETRY_DISABLED = …`, is still a name the process knows.
      reads.names.add(node.name.text);
    } else if (ts.isElementAccessExpression(node) && isEnvObject(node.expression)) {
      const argument = node.argumentExpression;
      if (ts.isTemplateExpression(argument)) {
        const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const part = `(?:${nameParts.map(escape).join('|')})`;
        const source = escape(argument.head.text) + argument.templateSpans.map((span) => `${part}${escape(span.literal.text)}`).join('');
        reads.patterns.push(new RegExp(`^${source}$`));
        continue;
      }
      const names = resolveNames(argument);
      if (names) for (const name of names) reads.names.add(name);
      else reads.unresolved.push(`${where(node)}: ${node.getText()}`);
    }
  }
  // Lower-case property names on an `env`-named object are not environment variables (`options.env`).
  for (const name of [...reads.names]) if (!/^[A-Z][A-Z0-9_]*$/.test(name)) reads.names.delete(name);
  return reads;
}

/** Whether `name` is among the variables read. */
export function reads(env: EnvReads, name: string): boolean {
  return env.names.has(name) || env.patterns.some((pattern) => pattern.test(name));
}

/** Variables a process refuses to start without: the `X is not set` messages of the files that start it. */
export function requiredVariables(files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(path.resolve(WORKSPACE_ROOT, file), 'utf8').matchAll(/\b([A-Z][A-Z0-9_]+) is not set\b/g)) names.add(match[1]!);
  }
  return [...names].sort();
}
