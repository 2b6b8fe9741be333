import { documentExtensions, DOCUMENT_FRAGMENT } from '@annex/editor';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { Group, Paper, Skeleton, Stack, Text, Typography } from '@mantine/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { EditorToolbar } from './editor-toolbar';
import type { AwarenessUser } from './use-collaboration';
import './document-editor.css';

interface DocumentEditorProps {
  provider: HocuspocusProvider;
  user: AwarenessUser;
  editable: boolean;
  /** The draft has arrived: until then a skeleton, not an empty page. */
  loaded: boolean;
  /** The save indicator and who is here, on the right of the toolbar. */
  status: ReactNode;
}

/** The rich-text editor bound to the live draft (Yjs through Hocuspocus): everyone's edits and carets appear as they type. */
export function DocumentEditor({ provider, user, editable, loaded, status }: DocumentEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: provider.document, field: DOCUMENT_FRAGMENT }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editable,
      // Created after the render is committed: a navigation can render (and discard) the page more than once.
      immediatelyRender: false,
      editorProps: {
        attributes: {
          'aria-label': 'Document text',
          role: 'textbox',
          'aria-multiline': 'true',
          ...(editable ? {} : { 'aria-readonly': 'true' }),
          spellcheck: 'true',
        },
      },
    },
    [provider, editable],
  );

  return (
    <Paper withBorder radius="md" className="annex-editor-surface">
      <Group className="annex-editor-bar" justify="space-between" wrap="wrap" gap="xs" px="xs" py={6}>
        {editor && editable ? <EditorToolbar editor={editor} disabled={!editable} /> : <span />}
        {status}
      </Group>
      {editor && loaded ? <EditorPage editor={editor} editable={editable} /> : <EditorSkeleton />}
    </Paper>
  );
}

function EditorPage({ editor, editable }: { editor: Editor; editable: boolean }) {
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });
  return (
    <div className="annex-editor-page" onClick={(event) => event.target === event.currentTarget && editor.commands.focus('end')}>
      <Typography>
        <EditorContent editor={editor} />
      </Typography>
      {empty ? (
        <Text className="annex-editor-empty-hint" aria-hidden>
          {editable ? 'Start writing. Use the toolbar or Markdown shortcuts (# for a heading, - for a list).' : 'Nothing written yet.'}
        </Text>
      ) : null}
    </div>
  );
}

export function EditorSkeleton() {
  return (
    <Stack gap="sm" p="xl" maw={820} mx="auto" role="status" aria-label="Loading the draft">
      <Skeleton height={28} width="50%" radius="sm" />
      <Skeleton height={14} radius="sm" />
      <Skeleton height={14} radius="sm" />
      <Skeleton height={14} width="80%" radius="sm" />
      <Skeleton height={14} radius="sm" mt="md" />
      <Skeleton height={14} width="70%" radius="sm" />
    </Stack>
  );
}
