import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The rich-text schema of every document, shared by the browser editor and the server (which
 * turns the Yjs state into HTML and back). Both sides must use the same extensions, or the
 * server would drop what the editor wrote.
 */
export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs keeps the history of a shared document; ProseMirror's own undo would fight it.
      undoRedo: false,
      link: { openOnClick: false, autolink: true },
      heading: { levels: [1, 2, 3] },
    }),
  ];
}

/** The name of the Yjs XML fragment the editor binds to. */
export const DOCUMENT_FRAGMENT = 'default';
