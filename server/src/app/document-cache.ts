import { parse, print, type DocumentNode, type GraphQLError, type GraphQLSchema, type ParseOptions, type Source } from 'graphql';

/**
 * Parsed and validated subscription documents, shared by every socket that sends the same text.
 * graphql-ws parses and validates each subscription on its own: with a thousand browsers open
 * on the same page, that was a thousand syntax trees of the same document (about 130 KiB each,
 * kept for the life of the subscription) and a thousand validations (2 ms each) — memory that
 * made every garbage collection slower during deliveries. Apollo Server keeps such a cache for
 * HTTP; this is the same for WebSockets. Bounded (least recently used first out), so that a
 * client sending ever new documents only costs itself the parsing.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly validations = new WeakMap<DocumentNode, { schema: GraphQLSchema; errors: readonly GraphQLError[] }>();
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(
    private readonly maxEntries: number,
    private readonly parseOptions: ParseOptions = {},
  ) {}

  /** `parse`, once per distinct text (errors are not kept: they throw every time). */
  parse = (input: string | Source): DocumentNode => {
    const source = typeof input === 'string' ? input : input.body;
    const cached = this.documents.get(source);
    if (cached) {
      // Most recently used last.
      this.documents.delete(source);
      this.documents.set(source, cached);
      return cached;
    }
    const document = parse(source, this.parseOptions);
    this.documents.set(source, document);
    if (this.documents.size > this.maxEntries) this.documents.delete(this.documents.keys().next().value!);
    return document;
  };

  /** `validate`, once per document and schema. */
  validate(schema: GraphQLSchema, document: DocumentNode, validate: () => readonly GraphQLError[]): readonly GraphQLError[] {
    const cached = this.validations.get(document);
    if (cached?.schema === schema) return cached.errors;
    const errors = validate();
    this.validations.set(document, { schema, errors });
    return errors;
  }

  /** The document printed (a stable key for it), once per document. */
  print(document: DocumentNode): string {
    let text = this.printed.get(document);
    if (text === undefined) this.printed.set(document, (text = print(document)));
    return text;
  }
}
