import { Button, Group, Popover, Stack, TextInput, Toolbar, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBlockquote,
  IconBold,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconSeparatorHorizontal,
  IconStrikethrough,
  IconUnderline,
} from '@tabler/icons-react';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useState, type ReactNode } from 'react';

interface ToolProps {
  label: string;
  /** The keyboard shortcut, shown in the tooltip. */
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

function Tool({ label, shortcut, active, disabled, onClick, children }: ToolProps) {
  return (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label} openDelay={400}>
      <Toolbar.Toggle
        aria-label={label}
        active={active}
        disabled={disabled}
        // Keep the editor's selection: the command refocuses it.
        onMouseDown={(event: React.MouseEvent) => event.preventDefault()}
        onClick={() => {
          if (!disabled) onClick();
        }}
      >
        {children}
      </Toolbar.Toggle>
    </Tooltip>
  );
}

const ICON = { size: 18, stroke: 1.8, 'aria-hidden': true } as const;
const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Only http(s) and mailto links, as the document schema allows; a bare domain gets https://. */
function normaliseHref(value: string): string | null {
  const href = value.trim();
  if (!href) return null;
  if (/^(https?:\/\/|mailto:)/i.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(href)) return `mailto:${href}`;
  return `https://${href}`;
}

function LinkTool({ editor, active, disabled }: { editor: Editor; active: boolean; disabled: boolean }) {
  const [opened, setOpened] = useState(false);
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setHref((editor.getAttributes('link')['href'] as string | undefined) ?? '');
    setError(null);
    setOpened(true);
  };
  const apply = () => {
    if (!href.trim()) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      setOpened(false);
      return;
    }
    const normalised = normaliseHref(href);
    if (!normalised) {
      setError('Use a web address (https://…) or an e-mail address.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      // Nothing selected: insert the address itself as the link text.
      chain.insertContent({ type: 'text', text: normalised.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href: normalised } }] }).run();
    } else {
      chain.setLink({ href: normalised }).run();
    }
    setOpened(false);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow trapFocus shadow="md">
      <Popover.Target>
        <Tooltip label="Link" openDelay={400}>
          <Toolbar.Toggle
            aria-label="Link"
            active={active}
            disabled={disabled}
            aria-haspopup="dialog"
            aria-expanded={opened}
            onMouseDown={(event: React.MouseEvent) => event.preventDefault()}
            onClick={() => (disabled ? undefined : opened ? setOpened(false) : open())}
          >
            <IconLink {...ICON} />
          </Toolbar.Toggle>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <Stack gap="xs" w={300}>
            <TextInput
              label="Link address"
              placeholder="https://… or name@example.com"
              value={href}
              error={error}
              data-autofocus
              onChange={(event) => {
                setHref(event.currentTarget.value);
                setError(null);
              }}
            />
            <Group justify="space-between" gap="xs">
              {active ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    editor.chain().focus().extendMarkRange('link').unsetLink().run();
                    setOpened(false);
                  }}
                >
                  Remove link
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                  Cancel
                </Button>
                <Button size="xs" type="submit">
                  Apply
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The formatting buttons of the document editor, in one keyboard-navigable toolbar (arrow keys move between them). */
export function EditorToolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = () => editor.chain().focus();

  return (
    <Toolbar aria-label="Formatting" withBorder={false} size="md" color="indigo" variant="light" style={{ flexWrap: 'wrap' }}>
      <Toolbar.Group>
        <Tool label="Undo" shortcut={`${MOD}+Z`} disabled={disabled || !state.canUndo} onClick={() => run().undo().run()}>
          <IconArrowBackUp {...ICON} />
        </Tool>
        <Tool label="Redo" shortcut={`${MOD}+Shift+Z`} disabled={disabled || !state.canRedo} onClick={() => run().redo().run()}>
          <IconArrowForwardUp {...ICON} />
        </Tool>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <Tool label="Bold" shortcut={`${MOD}+B`} active={state.bold} disabled={disabled} onClick={() => run().toggleBold().run()}>
          <IconBold {...ICON} />
        </Tool>
        <Tool label="Italic" shortcut={`${MOD}+I`} active={state.italic} disabled={disabled} onClick={() => run().toggleItalic().run()}>
          <IconItalic {...ICON} />
        </Tool>
        <Tool label="Underline" shortcut={`${MOD}+U`} active={state.underline} disabled={disabled} onClick={() => run().toggleUnderline().run()}>
          <IconUnderline {...ICON} />
        </Tool>
        <Tool label="Strike" shortcut={`${MOD}+Shift+S`} active={state.strike} disabled={disabled} onClick={() => run().toggleStrike().run()}>
          <IconStrikethrough {...ICON} />
        </Tool>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <Tool label="Heading 1" active={state.h1} disabled={disabled} onClick={() => run().toggleHeading({ level: 1 }).run()}>
          <IconH1 {...ICON} />
        </Tool>
        <Tool label="Heading 2" active={state.h2} disabled={disabled} onClick={() => run().toggleHeading({ level: 2 }).run()}>
          <IconH2 {...ICON} />
        </Tool>
        <Tool label="Heading 3" active={state.h3} disabled={disabled} onClick={() => run().toggleHeading({ level: 3 }).run()}>
          <IconH3 {...ICON} />
        </Tool>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <Tool label="Bullet list" active={state.bullet} disabled={disabled} onClick={() => run().toggleBulletList().run()}>
          <IconList {...ICON} />
        </Tool>
        <Tool label="Numbered list" active={state.ordered} disabled={disabled} onClick={() => run().toggleOrderedList().run()}>
          <IconListNumbers {...ICON} />
        </Tool>
        <Tool label="Quote" active={state.quote} disabled={disabled} onClick={() => run().toggleBlockquote().run()}>
          <IconBlockquote {...ICON} />
        </Tool>
      </Toolbar.Group>
      <Toolbar.Divider />
      <Toolbar.Group>
        <LinkTool editor={editor} active={state.link} disabled={disabled} />
        <Tool label="Horizontal rule" disabled={disabled} onClick={() => run().setHorizontalRule().run()}>
          <IconSeparatorHorizontal {...ICON} />
        </Tool>
      </Toolbar.Group>
    </Toolbar>
  );
}
