import { useQuery } from '@apollo/client/react';
import { Alert, Avatar, Button, Group, Kbd, Mentions, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMessageCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { readApiError } from '../../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../../apollo/live-highlight';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { initials } from '../../../../components/person-avatar';
import { SkeletonRows } from '../../../../components/query-states';
import { RelativeTime } from '../../../../components/relative-time';
import { useMemberOptions } from '../../../../organization/member-options';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { useViewer } from '../../../../session/require-viewer';
import { CommentBody } from '../../../tasks/_components/comment-body';
import type { CommentRow } from '../../../tasks/task-fragments';
import { DOCUMENT_COMMENTS_QUERY, useAddDocumentComment } from '../../document-operations';

const PAGE = 50;

/** The conversation about a document, oldest first, with a comment box that @mentions members. */
export function DocumentComments({ documentId }: { documentId: string }) {
  const { organization, can } = useCurrentOrganization();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(DOCUMENT_COMMENTS_QUERY, {
    variables: { organizationId: organization.id, subjectId: documentId, first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  useLiveTopic('comments', () => void refetch().catch(() => undefined));
  const connection = data?.organization?.comments;
  const comments = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} fz={16}>
          Comments{connection && connection.totalCount > 0 ? ` (${connection.totalCount})` : ''}
        </Title>
        {error && !connection ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            <Group justify="space-between">
              <Text size="sm">{readApiError(error).message}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => void refetch()}>
                Try again
              </Button>
            </Group>
          </Alert>
        ) : !connection ? (
          <SkeletonRows rows={2} height={40} />
        ) : comments.length === 0 ? (
          <Group gap="xs" wrap="nowrap">
            <IconMessageCircle size={18} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed">
              No comments yet. Ask a question about the text or leave a note for the reviewers; type @ to bring someone in.
            </Text>
          </Group>
        ) : (
          <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Comments">
            {comments.map((comment) => (
              <CommentItem key={comment.id} comment={comment} viewerId={viewer.id} />
            ))}
          </Stack>
        )}
        {connection && connection.totalCount > comments.length ? (
          <Text size="xs" c="dimmed">
            Showing the first {comments.length} of {connection.totalCount}.
          </Text>
        ) : null}
        {can('comment:create') ? <CommentBox documentId={documentId} /> : null}
      </Stack>
    </Paper>
  );
}

function CommentItem({ comment, viewerId }: { comment: CommentRow; viewerId: string }) {
  const flash = useLiveHighlightClass(comment.id);
  return (
    <li className={flash} style={{ borderRadius: 8 }}>
      <Group align="flex-start" gap="sm" wrap="nowrap" py="xs" px={4}>
        <Avatar name={comment.author.name} color="initials" radius="xl" size={28} aria-hidden>
          {initials(comment.author.name)}
        </Avatar>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8}>
            <Text size="sm" fw={600}>
              {comment.author.name}
            </Text>
            <RelativeTime value={comment.createdAt} size="xs" c="dimmed" />
          </Group>
          <CommentBody body={comment.body} viewerId={viewerId} />
        </Stack>
      </Group>
    </li>
  );
}

function CommentBox({ documentId }: { documentId: string }) {
  const viewer = useViewer();
  const { options } = useMemberOptions();
  const [addComment, { loading }] = useAddDocumentComment();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = useMemo(() => options.filter((o) => o.value !== viewer.id).map((o) => ({ id: o.value, display: o.label, email: o.email })), [options, viewer.id]);

  const submit = async () => {
    const body = value.trim();
    if (!body) {
      setError('Write something first.');
      return;
    }
    setError(null);
    try {
      await addComment({ variables: { input: { subjectId: documentId, body } } });
      setValue('');
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="xs">
        <Mentions
          label="Comment"
          placeholder="Write a comment…"
          value={value}
          onChange={(payload) => {
            setValue(payload.value);
            if (error) setError(null);
          }}
          minRows={2}
          maxRows={8}
          error={error}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              void submit();
            }
          }}
          nothingFoundMessage="No member by that name"
        >
          <Mentions.Mention trigger="@" data={people} withTrigger appendSpaceOnAdd maxSuggestions={8} />
        </Mentions>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send
          </Text>
          <Button type="submit" size="xs" loading={loading}>
            Add comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
