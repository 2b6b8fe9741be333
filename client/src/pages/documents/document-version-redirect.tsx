import { useQuery } from '@apollo/client/react';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconFileUnknown } from '@tabler/icons-react';
import { Link, Navigate, useParams } from 'react-router';
import { readApiError } from '../../apollo/api-error';
import { ErrorState, PageLoader } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { DOCUMENT_VERSION_LOCATION_QUERY } from './version-operations';

/**
 * `/o/:orgId/documents/version/:versionId` (where approvals and notifications link to a version):
 * opens the version in its document's history.
 */
export function DocumentVersionRedirect() {
  const { versionId = '' } = useParams();
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(DOCUMENT_VERSION_LOCATION_QUERY, { variables: { id: versionId }, skip: !versionId, fetchPolicy: 'network-only' });
  const documentId = data?.node?.__typename === 'DocumentVersion' ? data.node.document?.id : undefined;

  if (documentId) {
    return <Navigate replace to={`/o/${organization.id}/documents/${encodeURIComponent(documentId)}?tab=history&version=${encodeURIComponent(versionId)}`} />;
  }
  const notFound = !versionId || (data && !documentId) || (error && readApiError(error).code === 'NOT_FOUND');
  if (error && !notFound) {
    return (
      <Center mih={300} p="lg">
        <ErrorState error={error} title="This version could not be opened" onRetry={() => refetch()} />
      </Center>
    );
  }
  if (!notFound) return <PageLoader label="Opening the version…" />;
  return (
    <Center mih={360} p="lg">
      <Stack align="center" gap="sm" ta="center" maw={480}>
        <IconFileUnknown size={44} aria-hidden color="var(--mantine-color-dimmed)" />
        <Title order={1} fz={22}>
          Version not found
        </Title>
        <Text size="sm" c="dimmed">
          This document version does not exist, was deleted with its document, or is not visible to you (auditors and employees see published versions only).
        </Text>
        <Button component={Link} to={`/o/${organization.id}/documents`} variant="light">
          Go to the documents
        </Button>
      </Stack>
    </Center>
  );
}
