import { Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

/** `@[Display name](userId)`: how a mention is written in a comment (the server's format). */
const MENTION = /@\[([^\]]{1,200})\]\(([A-Za-z0-9_]+)\)/g;

/** The comment's text, with mentions as highlighted names (yours stand out more). */
export function CommentBody({ body, viewerId }: { body: string; viewerId: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(body.slice(last, index));
    const [, name, userId] = match;
    const isViewer = userId === viewerId;
    parts.push(
      <Text
        key={`${index}-${userId}`}
        span
        fw={600}
        c={isViewer ? 'dark.8' : 'indigo.8'}
        bg={isViewer ? 'yellow.2' : 'indigo.0'}
        px={3}
        style={{ borderRadius: 4 }}
        data-mention={userId}
        title={isViewer ? 'You are mentioned' : undefined}
      >
        @{name}
      </Text>,
    );
    last = index + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, i) => (typeof part === 'string' ? <Fragment key={i}>{part}</Fragment> : part))}
    </Text>
  );
}

/** The comment as plain text (mentions as "@Name"), e.g. for a notification preview. */
export function plainComment(body: string): string {
  return body.replace(MENTION, '@$1');
}
