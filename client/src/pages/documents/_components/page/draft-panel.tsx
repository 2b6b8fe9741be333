import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconInfoCircle, IconLock, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentDetail } from '../../document-operations';
import { DocumentEditor, EditorSkeleton } from '../editor/document-editor';
import { FileDraft } from '../editor/file-draft';
import { SaveState } from '../editor/live-status';
import type { Collaboration } from '../editor/use-collaboration';

interface DraftPanelProps {
  doc: DocumentDetail;
  collaboration: Collaboration;
  onSubmit(): void;
  onRefresh(): Promise<unknown> | void;
}

/** What happened to the latest submission, when the draft moved on without it. */
function LapsedSubmission({ doc, onSubmit }: { doc: DocumentDetail; onSubmit(): void }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const latest = doc.versions[0];
  if (!latest || doc.pendingVersion || dismissed === latest.id) return null;
  if (latest.status === 'WITHDRAWN') {
    const cancelled = latest.approvalRequest?.status === 'CANCELLED';
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconArrowBackUp size={18} />}
        title={cancelled ? `The approval request for ${latest.number} was withdrawn` : `Edits to the draft withdrew the approval request for ${latest.number}`}
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={() => setDismissed(latest.id)}
      >
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" maw={640}>
            {cancelled
              ? 'Nobody is asked to approve the draft any more.'
              : `The text changed after version ${latest.number} was submitted, so the approvers would no longer sign what they were shown.`}{' '}
            {doc.viewerCanEdit ? 'Submit again when the text is ready.' : ''}
          </Text>
          {doc.viewerCanEdit ? (
            <Button size="xs" color="orange" variant="white" onClick={onSubmit}>
              Submit again
            </Button>
          ) : null}
        </Group>
      </Alert>
    );
  }
  if (latest.status === 'REJECTED') {
    const rejection = latest.approvalRequest?.decisions.find((d) => d.decision === 'REJECT');
    return (
      <Alert color="red" variant="light" icon={<IconX size={18} />} title={`Version ${latest.number} was rejected${rejection ? ` by ${rejection.approver.name}` : ''}`} withCloseButton closeButtonLabel="Dismiss" onClose={() => setDismissed(latest.id)}>
        <Text size="sm">
          {rejection?.comment ? `“${rejection.comment}” ` : ''}
          {doc.viewerCanEdit ? 'Change the draft and submit it again.' : ''}
        </Text>
      </Alert>
    );
  }
  return null;
}

/** The warning over the editor while a version of the same text awaits approval or publication. */
function PendingBanner({ doc }: { doc: DocumentDetail }) {
  const pending = doc.pendingVersion;
  if (!pending || !doc.draft) return null;
  const unchanged = doc.draft.contentHash === pending.contentHash;
  if (!unchanged) return null;
  const what = pending.status === 'APPROVED' ? `Version ${pending.number} is approved and awaits publication.` : `Version ${pending.number} is awaiting approval.`;
  if (!doc.viewerCanEdit) {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
        <Text size="sm">{what} The draft below is that text.</Text>
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} role="status">
      <Text size="sm" fw={500}>
        {what} Editing the text withdraws {pending.status === 'APPROVED' ? 'that approval' : 'that request'}.
      </Text>
    </Alert>
  );
}

/** The Edit tab: the live draft (or the uploaded file), with what editing it would change. */
export function DraftPanel({ doc, collaboration, onSubmit, onRefresh }: DraftPanelProps) {
  const draft = doc.draft;
  if (!draft) return null;
  const editable = doc.viewerCanEdit && !collaboration.readOnly && collaboration.state !== 'refused';
  const ownerName = doc.owner?.name;

  return (
    <Stack gap="sm">
      <LapsedSubmission doc={doc} onSubmit={onSubmit} />
      <PendingBanner doc={doc} />
      {!doc.viewerCanEdit ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          <Text size="sm">
            Read-only: you see the draft as it is being written, but only {ownerName ? `its owner (${ownerName})` : 'its owner'}, the people working on it and ISMS managers can change it.
          </Text>
        </Alert>
      ) : null}
      {doc.format === 'FILE' ? (
        <FileDraft documentId={doc.id} draft={draft} canEdit={doc.viewerCanEdit} onChanged={onRefresh} />
      ) : collaboration.state === 'refused' ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="The live draft could not be opened" role="alert">
          <Text size="sm">{collaboration.refusedReason ?? 'The server refused the connection.'} Reload the page to try again.</Text>
        </Alert>
      ) : collaboration.provider ? (
        <DocumentEditor
          provider={collaboration.provider}
          user={collaboration.user}
          editable={editable}
          loaded={collaboration.loaded}
          status={
            <Group gap="md" wrap="nowrap" ml="auto" pr={4}>
              <SaveState
                state={collaboration.state}
                readOnly={!editable}
                refusedReason={collaboration.refusedReason}
                lastSaved={{ at: draft.updatedAt, by: draft.updatedBy?.name ?? null }}
              />
            </Group>
          }
        />
      ) : (
        <EditorSkeleton />
      )}
    </Stack>
  );
}
