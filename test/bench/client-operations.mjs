// The web client's own GraphQL operations, read from its sources (client/src) with the
// TypeScript parser: every `const X = gql\`…\`` with its `${FRAGMENT}` interpolations resolved
// through the file's imports. The benchmarks send exactly what the client sends, and stay in
// step when a page's query changes.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { Kind, parse, print } from 'graphql';

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every gql template (and plain string constant) of the client: `${file}#${name}` → its parts, and each file's imports. */
function readTemplates(clientSrc) {
  const templates = new Map();
  const imports = new Map();
  for (const file of sourceFiles(clientSrc)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('gql`')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const fileImports = new Map();
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
        const target = resolveImport(file, node.moduleSpecifier.text);
        if (target) for (const element of node.importClause.namedBindings.elements) fileImports.set(element.name.text, { file: target, name: (element.propertyName ?? element.name).text });
      }
      // Plain strings interpolated into documents (shared selections such as a file's fields).
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isNoSubstitutionTemplateLiteral(node.initializer) || ts.isStringLiteral(node.initializer))) {
        templates.set(`${file}#${node.name.text}`, { file, name: node.name.text, head: node.initializer.text, spans: [], plain: true });
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isTaggedTemplateExpression(node.initializer)) {
        const { tag, template } = node.initializer;
        if (ts.isIdentifier(tag) && tag.text === 'gql') {
          const parts = ts.isNoSubstitutionTemplateLiteral(template)
            ? { head: template.text, spans: [] }
            : {
                head: template.head.text,
                spans: template.templateSpans.map((span) => ({ name: ts.isIdentifier(span.expression) ? span.expression.text : null, literal: span.literal.text })),
              };
          templates.set(`${file}#${node.name.text}`, { file, name: node.name.text, ...parts });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    imports.set(file, fileImports);
  }
  return { templates, imports };
}

/**
 * The client's named operations: name → { type, file, document } where `document` is the
 * operation with the fragments it uses, deduplicated like Apollo's gql does.
 */
export function readClientOperations(clientSrc) {
  const { templates, imports } = readTemplates(clientSrc);
  const resolving = new Set();
  const textOf = (key) => {
    const template = templates.get(key);
    if (!template) throw new Error(`no gql template ${key}`);
    if (resolving.has(key)) throw new Error(`circular fragments at ${key}`);
    resolving.add(key);
    let text = template.head;
    for (const span of template.spans) {
      if (!span.name) throw new Error(`${key}: only fragment constants may be interpolated`);
      const local = `${template.file}#${span.name}`;
      const imported = imports.get(template.file)?.get(span.name);
      const target = templates.has(local) ? local : imported ? `${imported.file}#${imported.name}` : null;
      if (!target || !templates.has(target)) throw new Error(`${key}: cannot find the fragment ${span.name}`);
      text += textOf(target) + span.literal;
    }
    resolving.delete(key);
    return text;
  };
  const operations = new Map();
  for (const [key, template] of templates) {
    if (template.plain) continue;
    const document = parse(textOf(key));
    const fragments = new Map();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
      operations.set(definition.name.value, {
        name: definition.name.value,
        type: definition.operation,
        file: path.relative(path.resolve(clientSrc, '..', '..'), template.file),
        document: print({ kind: Kind.DOCUMENT, definitions: [definition, ...fragments.values()] }),
      });
    }
  }
  return operations;
}
