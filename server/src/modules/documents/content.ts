import { createHash } from 'node:crypto';
import { getSchema } from '@tiptap/core';
import { DOMParser as ProseMirrorParser, DOMSerializer, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { diffWordsWithSpace } from 'diff';
import { DOCUMENT_FRAGMENT, documentExtensions } from '@annex/editor';

/**
 * A document's content in its three forms: the Yjs state the editors share, the ProseMirror
 * tree of the shared schema (@annex/editor), and the HTML and plain text the API serves and
 * versions freeze. Everything that enters goes through the schema, so unknown markup (scripts,
 * styles, event handlers) never reaches storage.
 */
const schema = getSchema(documentExtensions());
const parser = ProseMirrorParser.fromSchema(schema);
const serializer = DOMSerializer.fromSchema(schema);

// One inert DOM (no scripts, no loading) for parsing and serialising, built once: a window per
// call, as @tiptap/html does, costs more than everything else in a save.
const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
  },
});
const domParser = new window.DOMParser();

function generateJSON(html: string): Record<string, unknown> {
  const doc = domParser.parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  return parser.parse(doc.body as never).toJSON() as Record<string, unknown>;
}

function generateHTML(node: ProseMirrorNode): string {
  const wrap = window.document.createElement('div');
  serializer.serializeFragment(node.content, { document: window.document as never }, wrap as never);
  return wrap.innerHTML;
}

export const MAX_CONTENT_CHARS = 1_000_000;

export interface RenderedContent {
  html: string;
  text: string;
  hash: string;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

const EMPTY_DOC = { type: 'doc', content: [{ type: 'paragraph' }] };

function render(json: Record<string, unknown>): RenderedContent {
  const hasContent = Array.isArray(json['content']) && (json['content'] as unknown[]).length > 0;
  const node = ProseMirrorNode.fromJSON(schema, hasContent ? json : EMPTY_DOC);
  const text = textOf(node);
  const html = text.trim() === '' && node.childCount <= 1 && node.firstChild?.type.name === 'paragraph' ? '' : generateHTML(node);
  return { html, text, hash: sha256(html) };
}

/** Plain text, one line per block: what diffs and search read. */
function textOf(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, '\n', '\n');
}

/** Parses HTML through the schema: what the schema does not know is dropped. */
export function normalizeHtml(html: string): RenderedContent {
  return render(generateJSON(html));
}

export function renderYDoc(ydoc: Y.Doc): RenderedContent {
  return render(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOCUMENT_FRAGMENT)));
}

/** A fresh Yjs document holding the given HTML. */
export function yDocFromHtml(html: string): Y.Doc {
  const ydoc = new Y.Doc();
  replaceYDocContent(ydoc, html);
  return ydoc;
}

/**
 * Makes the shared document say exactly `html`, as a minimal change (unchanged blocks keep their
 * identity), so editors typing at the same moment keep their keystrokes.
 */
export function replaceYDocContent(ydoc: Y.Doc, html: string, origin: unknown = null): void {
  const json = generateJSON(html);
  const hasContent = Array.isArray(json['content']) && (json['content'] as unknown[]).length > 0;
  const node = ProseMirrorNode.fromJSON(schema, hasContent ? json : EMPTY_DOC);
  ydoc.transact(() => {
    updateYFragment(ydoc, ydoc.getXmlFragment(DOCUMENT_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() } as never);
  }, origin);
}

export interface TextDiff {
  parts: Array<{ kind: 'SAME' | 'ADDED' | 'REMOVED'; text: string }>;
  added: number;
  removed: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A word-level comparison of two plain texts. */
export function diffText(before: string, after: string): TextDiff {
  const parts = diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? ('ADDED' as const) : change.removed ? ('REMOVED' as const) : ('SAME' as const),
    text: change.value,
  }));
  return {
    parts,
    added: parts.filter((p) => p.kind === 'ADDED').reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.kind === 'REMOVED').reduce((n, p) => n + words(p.text), 0),
  };
}
