import { useQuery } from '@apollo/client/react';
import { gql, type TypedDocumentNode } from '@apollo/client';
import { Alert, Badge, Button, Code, Group, Modal, MultiSelect, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconSend } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { applyMutationError } from '../../../../apollo/api-error';
import { useMemberOptions } from '../../../../organization/member-options';
import { roleLabel } from '../../../../organization/roles';
import { useViewer } from '../../../../session/require-viewer';
import { nextVersionNumber, useSubmitDocument, type DocumentDetail } from '../../document-operations';

interface SubmitValues {
  approverIds: string[];
  changeSummary: string;
  major: boolean;
  dueDate: string;
}

const DRAFT_CHANGES_QUERY: TypedDocumentNode<
  { node: { __typename: string; id: string; compare?: { __typename?: 'DocumentDiff'; added: number; removed: number; fromLabel: string; binary: boolean } } | null },
  { id: string; from: string | null }
> = gql`
  query DocumentDraftChanges($id: ID!, $from: ID) {
    node(id: $id) {
      id
      ... on Document {
        compare(fromVersionId: $from) {
          added
          removed
          fromLabel
          binary
        }
      }
    }
  }
`;

interface SubmitModalProps {
  doc: DocumentDetail;
  opened: boolean;
  onClose(): void;
}

/** Freezes the draft as the next version and asks the chosen members (management by default) to approve it. */
export function SubmitForApprovalModal({ doc, opened, onClose }: SubmitModalProps) {
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const [submit, { loading }] = useSubmitDocument();
  const [formError, setFormError] = useState<string | null>(null);
  const published = doc.versions.some((v) => v.status === 'PUBLISHED' || v.status === 'SUPERSEDED');
  const form = useForm<SubmitValues>({
    initialValues: { approverIds: [], changeSummary: '', major: !published, dueDate: '' },
    validate: {
      approverIds: (v) => (v.length ? null : 'Name at least one approver.'),
      changeSummary: (v) => (v.trim() ? null : 'Say what changed: the approvers and the history show it.'),
    },
  });
  const approverOptions = useMemo(
    () => members.filter((m) => m.value !== viewer.id).map((m) => ({ value: m.value, label: `${m.label} · ${roleLabel(m.role)}` })),
    [members, viewer.id],
  );

  // Top management approves policies: proposed each time the window opens.
  useEffect(() => {
    if (!opened) return;
    const management = members.filter((m) => m.role === 'MANAGEMENT' && m.value !== viewer.id).map((m) => m.value);
    form.setValues({ approverIds: management, changeSummary: '', major: !published, dueDate: '' });
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening (and once the members arrive)
  }, [opened, members.length]);

  const changes = useQuery(DRAFT_CHANGES_QUERY, { variables: { id: doc.id, from: doc.currentVersion?.id ?? null }, skip: !opened, fetchPolicy: 'network-only' });
  const diff = changes.data?.node?.compare ?? null;
  const number = nextVersionNumber(doc.versions, form.values.major);
  const otherNumber = nextVersionNumber(doc.versions, !form.values.major);

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await submit({
        variables: {
          input: { documentId: doc.id, approverIds: values.approverIds, changeSummary: values.changeSummary.trim(), major: values.major, dueDate: values.dueDate || null },
        },
      });
      const version = data?.submitDocumentForApproval.version;
      const names = members.filter((m) => values.approverIds.includes(m.value)).map((m) => m.label);
      notifications.show({
        color: 'teal',
        title: `Version ${version?.number ?? number} submitted`,
        message: `${names.length ? names.join(', ') : 'The approvers'} ${names.length === 1 ? 'is' : 'are'} asked to approve it. Editing the text now would withdraw the request.`,
      });
      onClose();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Submit “{doc.title}” for approval</Text>} size={640}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="sm" bg="gray.0" radius="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={650}>It becomes version {number}</Text>
                  <Badge variant="light" color={form.values.major ? 'grape' : 'indigo'}>
                    {form.values.major ? 'Major' : 'Minor'}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  The draft as it is now is frozen and hashed: the approvers sign exactly this text.
                </Text>
              </Stack>
              {doc.draft ? (
                <Code fz="xs" title={doc.draft.contentHash}>
                  {doc.draft.contentHash.slice(0, 12)}…
                </Code>
              ) : null}
            </Group>
            {diff && !diff.binary && (diff.added > 0 || diff.removed > 0) ? (
              <Text size="sm" mt={6}>
                Since {doc.currentVersion ? `version ${doc.currentVersion.number}` : 'the start'}:{' '}
                <Text span c="teal.9" fw={600}>
                  {diff.added} word{diff.added === 1 ? '' : 's'} added
                </Text>
                ,{' '}
                <Text span c="red.8" fw={600}>
                  {diff.removed} removed
                </Text>
              </Text>
            ) : null}
          </Paper>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <MultiSelect
            label="Approvers"
            description="Usually top management. Each must approve; you cannot approve your own submission."
            placeholder={form.values.approverIds.length ? undefined : 'Pick one or more members'}
            data={approverOptions}
            searchable
            hidePickedOptions
            nothingFoundMessage="No member by that name"
            comboboxProps={{ withinPortal: true }}
            withAsterisk
            {...form.getInputProps('approverIds')}
          />
          <Textarea
            label="Change summary"
            description="What changed and why, in a sentence or two. It is shown to the approvers and in the version history."
            placeholder="e.g. Adds the rules for remote work and shortens the password rotation."
            autosize
            minRows={2}
            maxRows={6}
            withAsterisk
            data-autofocus
            {...form.getInputProps('changeSummary')}
          />
          <Switch
            label="Major version"
            description={
              form.values.major
                ? published
                  ? `${number}: a substantial change. Once published, everyone it is addressed to is asked to read and acknowledge it again.`
                  : `${number}: the first full version. Once published, everyone it is addressed to is asked to read and acknowledge it.`
                : published
                  ? `${number}: a correction or small change. Acknowledgements of the current major version stay valid. Switch on for ${otherNumber} if people must read it again.`
                  : `${number}: a preliminary version. Switch on to make it ${otherNumber}, the first full version.`
            }
            {...form.getInputProps('major', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label="Due date" type="date" description="Optional: when you need the decision." min={new Date().toISOString().slice(0, 10)} {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} leftSection={<IconSend size={16} aria-hidden />}>
              Send for approval
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
