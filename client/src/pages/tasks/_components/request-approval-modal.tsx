import { Alert, Button, Group, List, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useViewer } from '../../../session/require-viewer';
import type { TaskDetail } from '../task-fragments';
import { useRequestApproval } from '../task-operations';

interface RequestValues {
  approverIds: string[];
  /** Empty while it follows the number of approvers (all of them). */
  quorum: number | '';
  dueDate: string;
  note: string;
}

interface RequestApprovalModalProps {
  task: TaskDetail;
  opened: boolean;
  onClose(): void;
}

/** Ask named members to sign off the task's current content (title, description, checklist, status). */
export function RequestApprovalModal({ task, opened, onClose }: RequestApprovalModalProps) {
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const [requestApproval, { loading }] = useRequestApproval();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RequestValues>({
    initialValues: { approverIds: [], quorum: '', dueDate: '', note: '' },
    validate: {
      approverIds: (v) => (v.length ? null : 'Name at least one approver.'),
      quorum: (v, values) => (v === '' || (v >= 1 && v <= Math.max(1, values.approverIds.length)) ? null : `Between 1 and ${values.approverIds.length}.`),
    },
  });
  const approverCount = form.values.approverIds.length;
  const quorum = form.values.quorum === '' ? approverCount : form.values.quorum;

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await requestApproval({
        variables: {
          input: {
            subjectId: task.id,
            approverIds: values.approverIds,
            quorum: values.quorum === '' ? values.approverIds.length : values.quorum,
            dueDate: values.dueDate || null,
            note: values.note.trim() || undefined,
          },
        },
      });
      notifications.show({
        color: 'teal',
        title: 'Approval requested',
        message: `${values.approverIds.length === 1 ? 'The approver is' : 'The approvers are'} notified and see it under Approvals.`,
      });
      close();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  // Nobody approves their own request: the requester is not offered.
  const approverOptions = members.filter((m) => m.value !== viewer.id).map((m) => ({ value: m.value, label: m.label }));

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Request approval</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert variant="light" color="indigo" icon={<IconSignature size={18} />}>
            <Text size="sm">Approvers sign exactly what “{task.title}” says now:</Text>
            <List size="sm" mt={4}>
              <List.Item>its title, description, checklist and status.</List.Item>
              <List.Item>If any of these changes afterwards, the request lapses and must be asked again.</List.Item>
            </List>
          </Alert>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <MultiSelect
            label="Approvers"
            placeholder={approverCount ? undefined : 'Pick one or more members'}
            data={approverOptions}
            searchable
            nothingFoundMessage="No member by that name"
            // Opens upwards: a list that stays open while picking several must not cover the fields below.
            comboboxProps={{ withinPortal: true, position: 'top', middlewares: { flip: false, shift: true } }}
            maxDropdownHeight={220}
            {...form.getInputProps('approverIds')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label="Quorum"
              description={approverCount ? `${quorum} of ${approverCount} must approve${quorum === approverCount ? ' (all)' : ''}.` : 'How many must approve; all by default.'}
              min={1}
              max={Math.max(1, approverCount)}
              allowDecimal={false}
              allowNegative={false}
              value={quorum || ''}
              onChange={(value) => form.setFieldValue('quorum', typeof value === 'number' ? value : value === '' ? '' : Number(value))}
              error={form.errors['quorum']}
              disabled={approverCount === 0}
            />
            <TextInput label="Due date" type="date" description="Optional: when you need the decision." {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} maxRows={6} placeholder="Context for the approvers (optional)" {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
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
