import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMessageCircle } from '@tabler/icons-react';
import { readApiError } from '../../../apollo/api-error';
import { SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { COMMENTS_PAGE_SIZE, TASK_COMMENTS_QUERY } from '../task-operations';
import { CommentBox, CommentItem } from './comment-parts';

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
      {can('comment:create') ? <CommentBox subjectId={taskId} refetchQueries={['TaskComments']} /> : null}
    </Stack>
  );
}
