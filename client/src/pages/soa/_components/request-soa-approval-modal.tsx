import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconSignature } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { SkeletonRows } from '../../../components/query-states';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { roleLabel } from '../../../organization/roles';
import { useViewer } from '../../../session/require-viewer';
import { SOA_COMPARE_QUERY, useRequestSoaApproval, type SoaVersionRow } from '../soa-operations';
import { ChangeTable, HashPrefix } from './soa-versions';

interface RequestValues {
  approverIds: string[];
  dueDate: string;
  note: string;
}

interface RequestSoaApprovalModalProps {
  version: SoaVersionRow;
  /** The latest approved version before this one, to show what the approvers sign anew. */
  lastApproved: SoaVersionRow | null;
  titles: ReadonlyMap<string, string>;
  opened: boolean;
  onClose(): void;
}

/** Asks top management to approve an issued version: exactly its content, shown with its hash and its changes. */
export function RequestSoaApprovalModal({ version, lastApproved, titles, opened, onClose }: RequestSoaApprovalModalProps) {
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const [request, { loading }] = useRequestSoaApproval();
  const [formError, setFormError] = useState<string | null>(null);
  const approverOptions = useMemo(
    () => members.filter((m) => (m.role === 'MANAGEMENT' || m.role === 'OWNER') && m.value !== viewer.id).map((m) => ({ value: m.value, label: `${m.label} · ${roleLabel(m.role)}` })),
    [members, viewer.id],
  );
  const form = useForm<RequestValues>({
    initialValues: { approverIds: [], dueDate: '', note: '' },
    validate: { approverIds: (v) => (v.length ? null : 'Name at least one member of management.') },
  });

  // Management members are the usual approvers: proposed when the window opens.
  useEffect(() => {
    if (!opened) return;
    const management = members.filter((m) => m.role === 'MANAGEMENT' && m.value !== viewer.id).map((m) => m.value);
    form.setValues({ approverIds: management, dueDate: '', note: '' });
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only
  }, [opened, members.length]);

  const diff = useQuery(SOA_COMPARE_QUERY, {
    variables: { id: organization.id, from: lastApproved?.number ?? 0, to: version.number },
    skip: !opened || !lastApproved || lastApproved.number === version.number,
  });
  const changes = diff.data?.organization?.compareSoaVersions ?? null;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await request({ variables: { input: { subjectId: version.id, approverIds: values.approverIds, dueDate: values.dueDate || null, note: values.note.trim() || undefined } } });
      notifications.show({ color: 'teal', title: 'Approval requested', message: `Version ${version.number} is in the approvers’ inbox.` });
      onClose();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Request approval of version {version.number}</Text>} size={880}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="sm" bg="gray.0">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Text fw={650}>Statement of Applicability, version {version.number}</Text>
                <Text size="xs" c="dimmed">
                  Issued {dayjs(version.issuedAt).format('D MMM YYYY')} by {version.issuedBy.name}
                  {version.note ? ` · “${version.note}”` : ''}
                </Text>
              </Stack>
              <HashPrefix hash={version.contentHash} />
            </Group>
          </Paper>
          <Alert variant="light" color="indigo" icon={<IconSignature size={18} />}>
            <Text size="sm">Approvers sign exactly this version, identified by its hash. Versions are immutable: later changes are issued, and approved, as a new version.</Text>
          </Alert>
          {!lastApproved ? (
            <Text size="sm" c="dimmed">
              No version is approved yet: the approvers sign all 93 controls as issued.
            </Text>
          ) : lastApproved.number === version.number ? null : diff.loading && !changes ? (
            <SkeletonRows rows={3} />
          ) : changes ? (
            <div style={{ maxHeight: 280, overflow: 'auto' }}>
              <ChangeTable changes={changes} titles={titles} heading={`Since version ${lastApproved.number} (the last approved)`} />
            </div>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <MultiSelect
            label="Approvers"
            description="Top management: members with the Management or Owner role."
            placeholder={form.values.approverIds.length ? undefined : 'Pick one or more members'}
            data={approverOptions}
            searchable
            nothingFoundMessage="No management member by that name"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('approverIds')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="Due date" type="date" description="Optional: when you need the decision." {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} maxRows={6} placeholder="Context for the approvers (optional)" {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} leftSection={<IconSignature size={16} aria-hidden />}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
