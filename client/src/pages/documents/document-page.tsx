import { useQuery } from '@apollo/client/react';
import { Button, Center, Grid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBook2, IconFileSearch, IconHistory, IconListDetails, IconPencil, IconUsersGroup } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { readApiError } from '../../apollo/api-error';
import { DocumentTitle } from '../../components/document-title';
import { ErrorState } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { useViewer } from '../../session/require-viewer';
import { DocumentAcknowledgements } from './_components/document-acknowledgements';
import { DocumentVersions } from './_components/document-versions';
import { useCollaboration } from './_components/editor/use-collaboration';
import { DocumentComments } from './_components/page/document-comments';
import { DocumentHeader } from './_components/page/document-header';
import { DocumentTasks } from './_components/page/document-tasks';
import { DocumentDetails } from './_components/page/details-form';
import { DraftPanel } from './_components/page/draft-panel';
import { ReadView } from './_components/page/read-view';
import { SubmitForApprovalModal } from './_components/page/submit-modal';
import { readDocumentTab, writeDocumentTab, type DocumentTab } from './_components/page/document-tab';
import { DOCUMENT_PAGE_QUERY, isDocumentNode, useAcknowledgeDocument, useMarkDocumentReviewed, usePublishDocumentVersion, type DocumentDetail } from './document-operations';

/** A document: the live co-editing editor, the published version to read and acknowledge, its details, history and acknowledgements. */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(DOCUMENT_PAGE_QUERY, { variables: { id: documentId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node;

  if (error && !data) return <ErrorState error={error} title="This document could not be loaded" onRetry={() => refetch()} />;
  if (!data) return <DocumentPageSkeleton />;
  if (!isDocumentNode(node)) {
    return (
      <Center mih={360}>
        <Stack align="center" gap="xs" maw={440} ta="center">
          <IconFileSearch size={36} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={1} fz={20}>
            Document not found
          </Title>
          <Text c="dimmed" size="sm">
            It may have been deleted, or it is not addressed to your role. The register lists the documents you can read.
          </Text>
          <Button component={Link} to={`/o/${organization.id}/documents`} variant="default" mt="sm">
            Back to the documents
          </Button>
        </Stack>
      </Center>
    );
  }
  return <DocumentView doc={node} refetch={() => refetch()} />;
}

function DocumentPageSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the document">
      <Skeleton height={14} width={100} />
      <Skeleton height={34} width="45%" />
      <Skeleton height={18} width="60%" />
      <Skeleton height={36} width={420} mt="md" />
      <Skeleton height={420} radius="md" />
    </Stack>
  );
}

function DocumentView({ doc, refetch }: { doc: DocumentDetail; refetch: () => Promise<unknown> }) {
  const { can } = useCurrentOrganization();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const [submitting, { open: openSubmit, close: closeSubmit }] = useDisclosure(false);
  const canReadDrafts = !!doc.draft;
  const collaboration = useCollaboration(doc.id, canReadDrafts && doc.format === 'RICH_TEXT', viewer);
  const [publish, { loading: publishing }] = usePublishDocumentVersion();
  const [markReviewed, { loading: reviewing }] = useMarkDocumentReviewed();
  const [acknowledge, { loading: acknowledging }] = useAcknowledgeDocument();

  const available = useMemo<DocumentTab[]>(() => {
    const tabs: DocumentTab[] = [];
    if (canReadDrafts) tabs.push('edit');
    tabs.push('read', 'details', 'history');
    if (can('document:readAcknowledgements')) tabs.push('acknowledgements');
    return tabs;
  }, [canReadDrafts, can]);
  const tab = readDocumentTab(params, available, canReadDrafts);
  const setTab = (next: DocumentTab) => setParams(writeDocumentTab(params, next), { replace: true });

  const failed = (title: string, error: unknown) => notifications.show({ color: 'red', title, message: readApiError(error).message });

  const onPublish = async () => {
    const version = doc.pendingVersion;
    if (!version) return;
    try {
      await publish({ variables: { input: { documentVersionId: version.id } } });
      notifications.show({
        color: 'teal',
        title: `Version ${version.number} is published`,
        message:
          version.minor === 0 || !doc.currentVersion
            ? 'Everyone it is addressed to is asked to read and acknowledge it.'
            : 'It is a minor version: earlier acknowledgements stay valid.',
      });
    } catch (error) {
      failed(`Version ${version.number} was not published`, error);
    }
  };

  const onMarkReviewed = async () => {
    try {
      const { data } = await markReviewed({ variables: { input: { documentId: doc.id } } });
      const next = data?.markDocumentReviewed.document.nextReviewOn;
      notifications.show({ color: 'teal', title: 'Review recorded', message: next ? `The next review is due on ${new Date(next).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.` : 'The review is recorded.' });
    } catch (error) {
      failed('The review was not recorded', error);
    }
  };

  const onAcknowledge = async () => {
    const version = doc.currentVersion;
    if (!version) return;
    try {
      await acknowledge({ variables: { input: { documentVersionId: version.id } } });
      notifications.show({ color: 'teal', title: 'Thank you', message: `Your acknowledgement of “${doc.title}” ${version.number} is recorded.` });
    } catch (error) {
      failed('Your acknowledgement was not recorded', error);
    }
  };

  return (
    <>
      <DocumentTitle title={doc.title} />
      <DocumentHeader
        doc={doc}
        others={collaboration.others}
        showAcknowledge={tab !== 'read'}
        publishing={publishing}
        reviewing={reviewing}
        acknowledging={acknowledging}
        onSubmit={openSubmit}
        onPublish={() => void onPublish()}
        onMarkReviewed={() => void onMarkReviewed()}
        onAcknowledge={() => void onAcknowledge()}
      />
      <Tabs value={tab} onChange={(next) => next && setTab(next as DocumentTab)} keepMounted={false}>
        <Tabs.List mb="md">
          {available.includes('edit') ? (
            <Tabs.Tab value="edit" leftSection={<IconPencil size={16} aria-hidden />}>
              {doc.viewerCanEdit ? 'Edit' : 'Draft'}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="read" leftSection={<IconBook2 size={16} aria-hidden />}>
            Read
          </Tabs.Tab>
          <Tabs.Tab value="details" leftSection={<IconListDetails size={16} aria-hidden />}>
            Details
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            History
          </Tabs.Tab>
          {available.includes('acknowledgements') ? (
            <Tabs.Tab value="acknowledgements" leftSection={<IconUsersGroup size={16} aria-hidden />}>
              Acknowledgements
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        {available.includes('edit') ? (
          <Tabs.Panel value="edit">
            <DraftPanel doc={doc} collaboration={collaboration} onSubmit={openSubmit} onRefresh={refetch} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="read">
          <ReadView doc={doc} acknowledging={acknowledging} onAcknowledge={() => void onAcknowledge()} onOpenDraft={available.includes('edit') ? () => setTab('edit') : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="details">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <DocumentDetails doc={doc} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="lg">
                <DocumentTasks tasks={doc.tasks} />
                <DocumentComments documentId={doc.id} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <DocumentVersions documentId={doc.id} />
        </Tabs.Panel>
        {available.includes('acknowledgements') ? (
          <Tabs.Panel value="acknowledgements">
            <DocumentAcknowledgements documentId={doc.id} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      {doc.viewerCanEdit ? <SubmitForApprovalModal doc={doc} opened={submitting} onClose={closeSubmit} /> : null}
    </>
  );
}
