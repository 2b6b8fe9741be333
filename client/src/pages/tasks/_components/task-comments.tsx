import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Avatar, Button, Group, Kbd, Mentions, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMessageCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { initials } from '../../../components/person-avatar';
import { SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import type { CommentRow } from '../task-fragments';
import { COMMENTS_PAGE_SIZE, TASK_COMMENTS_QUERY, useAddComment } from '../task-operations';
import { CommentBody } from './comment-body';

/** The conversation on a task, oldest first, with a comment box that @mentions members. */
export function TaskComments({ taskId }: { taskId: string }) {
  const { can } = useCurrentOrganization();
  const viewer = useViewer();
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(TASK_COMMENTS_QUERY, {
    variables: { id: taskId, first: COMMENTS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.node?.comments;
  const comments = connection?.edges.map((edge) => edge.node) ?? [];

  return (
    <Stack gap="sm">
      <Title order={3} fz={16}>
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
        <SkeletonRows rows={2} height={48} />
      ) : comments.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconMessageCircle size={18} aria-hidden />
          <Text size="sm" c="dimmed">
            No comments yet. Ask a question or leave a note; type @ to bring someone in.
          </Text>
        </Group>
      ) : (
        <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Comments">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} viewerId={viewer.id} />
          ))}
        </Stack>
      )}
      {connection?.pageInfo.hasNextPage ? (
        <Button
          variant="subtle"
          size="xs"
          loading={networkStatus === NetworkStatus.fetchMore}
          onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
        >
          Show more comments
        </Button>
      ) : null}
      {can('comment:create') ? <CommentBox taskId={taskId} /> : null}
    </Stack>
  );
}

function CommentItem({ comment, viewerId }: { comment: CommentRow; viewerId: string }) {
  const flash = useLiveHighlightClass(comment.id);
  return (
    <li className={flash} style={{ borderRadius: 8 }}>
      <Group align="flex-start" gap="sm" wrap="nowrap" py="xs" px={4}>
        <Avatar name={comment.author.name} color="initials" radius="xl" size={32} aria-hidden>
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

function CommentBox({ taskId }: { taskId: string }) {
  const viewer = useViewer();
  const { options } = useMemberOptions();
  const [addComment, { loading }] = useAddComment();
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
      await addComment({ variables: { input: { subjectId: taskId, body } } });
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
          description="Type @ to mention a member: they get a notification."
          placeholder="Write a comment…"
          value={value}
          onChange={(payload) => {
            setValue(payload.value);
            if (error) setError(null);
          }}
          minRows={2}
          maxRows={10}
          error={error}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              void submit();
            }
          }}
          nothingFoundMessage="No member by that name"
        >
          <Mentions.Mention
            trigger="@"
            data={people}
            withTrigger
            appendSpaceOnAdd
            maxSuggestions={8}
            renderSuggestion={({ item }) => (
              <Group gap="xs" wrap="nowrap">
                <Avatar name={String(item.display)} color="initials" radius="xl" size={22} aria-hidden>
                  {initials(String(item.display))}
                </Avatar>
                <div>
                  <Text size="sm">{item.display}</Text>
                  <Text size="xs" c="inherit" opacity={0.8}>
                    {String(item['email'] ?? '')}
                  </Text>
                </div>
              </Group>
            )}
          />
        </Mentions>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to send
          </Text>
          <Button type="submit" size="sm" loading={loading}>
            Add comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
