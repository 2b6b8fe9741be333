import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

const CLIENT_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/**
 * Every GraphQL operation of the web client, each as a complete document (with the fragments
 * it spreads), read from the `gql` templates of client/src. Interpolations (`${FRAGMENT}`) are
 * dropped: fragments are found by name across all files.
 */
export function clientOperations(): Array<{ name: string; file: string; document: DocumentNode; source: string }> {
  const operations: Array<{ node: OperationDefinitionNode; file: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  const files = sourceFiles(CLIENT_SRC).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  // Selections shared as plain strings (`const FIELDS = 'id name'`) are spliced in by name.
  const strings = new Map<string, string>();
  for (const { text } of files) {
    for (const match of text.matchAll(/const (\w+)\s*=\s*(?:`([^`$]*)`|'([^'\n]*)')\s*;/g)) strings.set(match[1]!, match[2] ?? match[3] ?? '');
  }
  for (const { file, text } of files) {
    for (const match of text.matchAll(/gql`([\s\S]*?)`/g)) {
      const body = match[1]!.replace(/\$\{\s*(\w+)\s*\}/g, (_all, name: string) => strings.get(name) ?? '');
      if (!body.trim()) continue;
      let doc: DocumentNode;
      try {
        doc = parse(body);
      } catch (error) {
        throw new Error(`${path.relative(CLIENT_SRC, file)}: ${(error as Error).message}`);
      }
      for (const definition of doc.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push({ node: definition, file: path.relative(CLIENT_SRC, file) });
      }
    }
  }
  const spreadsOf = (node: DefinitionNode): string[] => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
    return names;
  };
  return operations.map(({ node, file }) => {
    const needed = new Map<string, FragmentDefinitionNode>();
    const queue = spreadsOf(node);
    while (queue.length) {
      const name = queue.shift()!;
      if (needed.has(name)) continue;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`${file}: fragment ${name} not found in the client`);
      needed.set(name, fragment);
      queue.push(...spreadsOf(fragment));
    }
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [node, ...needed.values()] };
    return { name: node.name?.value ?? '(anonymous)', file, document, source: print(document) };
  });
}
