import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Center, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo } from 'react';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { ErrorState, SkeletonRows } from '../../../../components/query-states';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { DOCUMENTS_PAGE_SIZE, DOCUMENT_REGISTER_QUERY, appendDocumentPage } from '../../documents-operations';
import { DocumentFilters } from './document-filters';
import { DocumentsTable } from './documents-table';
import type { NewDocumentPreset } from './new-document-modal';
import { isDocumentFiltered, toDocumentFilterInput, type DocumentUrlFilter } from './register-url';

interface DocumentsRegisterProps {
  filter: DocumentUrlFilter;
  onFilter(next: Partial<DocumentUrlFilter>): void;
  onClear(): void;
  onCreate: ((preset?: NewDocumentPreset) => void) | null;
}

/** The register, paginated by the server: every document with its status, version, owner, review and acknowledgements. */
export function DocumentsRegister({ filter, onFilter, onClear, onCreate }: DocumentsRegisterProps) {
  const { organization, can } = useCurrentOrganization();
  const seesDrafts = can('document:readDrafts');
  const seesAcknowledgements = can('document:readAcknowledgements');
  const employee = !seesAcknowledgements;
  const variables = useMemo(() => ({ id: organization.id, first: DOCUMENTS_PAGE_SIZE, filter: toDocumentFilterInput(filter) }), [organization.id, filter]);
  const { data, error, refetch, fetchMore, networkStatus } = useQuery(DOCUMENT_REGISTER_QUERY, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.organization?.documents;
  const rows = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  const loadMore = useCallback(() => {
    if (!connection?.pageInfo.hasNextPage) return;
    void fetchMore({ variables: { after: connection.pageInfo.endCursor }, updateQuery: (previous, { fetchMoreResult }) => appendDocumentPage(previous, fetchMoreResult) }).catch(() => undefined);
  }, [connection, fetchMore]);

  // Reload the rows already shown (all pages of them), in place.
  const reload = () => void refetch({ first: Math.min(100, Math.max(DOCUMENTS_PAGE_SIZE, rows.length + 1)), after: null }).catch(() => undefined);
  useLiveTopic('documents', reload);
  // A decided approval moves a document from "In review" to "Approved".
  useLiveTopic('approvals', reload);

  const filtered = isDocumentFiltered(filter);
  const firstLoad = !connection;
  const filtering = networkStatus === NetworkStatus.setVariables;

  return (
    <Stack gap="lg">
      <Card py="md">
        <DocumentFilters value={filter} onChange={onFilter} onClear={onClear} withStatus={seesDrafts} simple={employee} />
      </Card>
      <Card p={0}>
        {error && !connection ? (
          <Stack p="lg">
            <ErrorState error={error} title="The documents could not be loaded" onRetry={() => refetch()} />
          </Stack>
        ) : firstLoad ? (
          <Stack p="lg">
            <SkeletonRows rows={8} />
          </Stack>
        ) : rows.length === 0 ? (
          filtered ? (
            <Center p="xl">
              <Stack align="center" gap={4} ta="center">
                <Text fw={600}>No documents match these filters</Text>
                <Text size="sm" c="dimmed">
                  Clear a filter to see more.
                </Text>
                <Button variant="default" size="xs" mt="xs" onClick={onClear}>
                  Clear filters
                </Button>
              </Stack>
            </Center>
          ) : (
            <EmptyRegister onCreate={onCreate} employee={employee} seesDrafts={seesDrafts} />
          )
        ) : (
          <div style={{ opacity: filtering ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={filtering}>
            <VisuallyHidden role="status">{`${connection.totalCount} documents`}</VisuallyHidden>
            <DocumentsTable documents={rows} withStatus={seesDrafts} withAcknowledgements={seesAcknowledgements} simple={employee} />
          </div>
        )}
      </Card>
      {connection && rows.length > 0 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Showing {rows.length} of {connection.totalCount} {connection.totalCount === 1 ? 'document' : 'documents'}
          </Text>
          {connection.pageInfo.hasNextPage ? (
            <Button variant="default" loading={loadingMore} onClick={loadMore}>
              Load more
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

const INFORMATION_SECURITY_POLICY: NewDocumentPreset = { title: 'Information security policy', kind: 'POLICY', clauseRefs: ['5.2'], mandatoryRefs: ['MD-5.2'] };

function EmptyRegister({ onCreate, employee, seesDrafts }: { onCreate: ((preset?: NewDocumentPreset) => void) | null; employee: boolean; seesDrafts: boolean }) {
  return (
    <Center p="xl">
      <Stack align="center" gap={6} ta="center" maw={620}>
        <IconFileText size={36} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text fw={600}>{employee ? 'No policies for you yet' : seesDrafts ? 'No documents yet' : 'No published documents yet'}</Text>
        <Text size="sm" c="dimmed">
          {employee
            ? 'When your organisation publishes a policy or procedure addressed to you, it appears here for you to read and acknowledge.'
            : 'ISO/IEC 27001 asks for documented information: an information security policy, the scope, the risk assessment and treatment processes, topic-specific policies and the records that prove they work. Here they are written, approved by management, published and acknowledged by the people they concern — and the auditor reads them.'}
        </Text>
        {onCreate ? (
          <>
            <Text size="sm" c="dimmed">
              Start with the information security policy (clause 5.2): it is the first document an auditor asks for.
            </Text>
            <Button mt="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onCreate(INFORMATION_SECURITY_POLICY)}>
              Start with the information security policy
            </Button>
          </>
        ) : null}
      </Stack>
    </Center>
  );
}
