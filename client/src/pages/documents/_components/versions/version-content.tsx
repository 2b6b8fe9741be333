import { documentExtensions } from '@annex/editor';
import { Box, ScrollArea, Text, Typography } from '@mantine/core';
import { generateHTML, generateJSON } from '@tiptap/core';
import { useMemo } from 'react';

const extensions = documentExtensions();

/**
 * A version's content (HTML the server froze), shown as a reader sees it. It goes through the
 * document schema once more in the browser, so nothing but the schema's own markup is rendered.
 */
export function VersionContent({ html, maxHeight, label }: { html: string; maxHeight?: number; label?: string }) {
  const safe = useMemo(() => {
    if (!html.trim()) return '';
    try {
      return generateHTML(generateJSON(html, extensions), extensions);
    } catch {
      return null;
    }
  }, [html]);
  if (safe === null) {
    return (
      <Text size="sm" c="red.8">
        This content could not be shown.
      </Text>
    );
  }
  if (!safe) {
    return (
      <Text size="sm" c="dimmed">
        This version is empty.
      </Text>
    );
  }
  const body = (
    <Typography>
      <div dangerouslySetInnerHTML={{ __html: safe }} />
    </Typography>
  );
  return (
    <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', background: 'var(--mantine-color-body)' }}>
      {maxHeight ? (
        <ScrollArea.Autosize mah={maxHeight} type="always" offsetScrollbars="present" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
          <Box p="md">{body}</Box>
        </ScrollArea.Autosize>
      ) : (
        <Box p="md">{body}</Box>
      )}
    </Box>
  );
}
