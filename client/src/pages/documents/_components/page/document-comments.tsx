import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMessageCircle } from '@tabler/icons-react';
import { readApiError } from '../../../../apollo/api-error';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { SkeletonRows } from '../../../../components/query-states';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { useViewer } from '../../../../session/require-viewer';
import { CommentBox, CommentItem } from '../../../tasks/_components/comment-parts';
import { DOCUMENT_COMMENTS_QUERY } from '../../document-operations';

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
        {can('comment:create') ? <CommentBox subjectId={documentId} refetchQueries={['DocumentComments']} /> : null}
      </Stack>
    </Paper>
  );
}
