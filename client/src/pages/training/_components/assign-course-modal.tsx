import { Alert, Button, Chip, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { ROLES, ROLE_LABELS, type Role } from '../../../organization/roles';
import { useAssignCourse } from '../training-operations';
import { formatDate } from '../../../components/relative-time';

interface AssignValues {
  roles: Role[];
  userIds: string[];
  dueDate: string;
}

/** Assigns a course to roles (and whoever joins them later) and to people, with a due date. */
export function AssignCourseModal({ opened, onClose, courseId, title }: { opened: boolean; onClose(): void; courseId: string; title: string }) {
  const { options: members } = useMemberOptions();
  const [assign, { loading }] = useAssignCourse();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AssignValues>({
    initialValues: { roles: [], userIds: [], dueDate: dayjs().add(30, 'day').format('YYYY-MM-DD') },
    validate: {
      roles: (v, values) => (v.length || values.userIds.length ? null : 'Choose at least one role or person.'),
      dueDate: (v) => (!/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'Choose the due date.' : v < dayjs().format('YYYY-MM-DD') ? 'The due date cannot be in the past.' : null),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({ roles: [], userIds: [], dueDate: dayjs().add(30, 'day').format('YYYY-MM-DD') });
    form.clearErrors();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens
  }, [opened]);

  const memberOptions = useMemo(() => members.map((m) => ({ value: m.value, label: `${m.label} (${ROLE_LABELS[m.role as Role] ?? m.role})` })), [members]);
  const reached = useMemo(() => {
    const ids = new Set(form.values.userIds);
    for (const m of members) if (form.values.roles.includes(m.role as Role)) ids.add(m.value);
    return ids.size;
  }, [form.values.roles, form.values.userIds, members]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await assign({ variables: { input: { courseId, roles: values.roles, userIds: values.userIds, dueDate: values.dueDate } } });
      notifications.show({ color: 'teal', title: 'Course assigned', message: `${reached} ${reached === 1 ? 'person is' : 'people are'} asked to complete “${title}” by ${formatDate(values.dueDate)}.` });
      onClose();
    } catch (error) {
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Assign “{title}”</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <Stack gap={6}>
            <Text size="sm" fw={500} id="assign-roles-label">
              Roles
            </Text>
            <Text size="xs" c="dimmed">
              Everyone holding the role now, and whoever joins it later (with at least 30 days to complete it).
            </Text>
            <Chip.Group multiple value={form.values.roles} onChange={(v) => form.setFieldValue('roles', v as Role[])}>
              <Group gap="xs" role="group" aria-labelledby="assign-roles-label">
                {ROLES.map((role) => (
                  <Chip key={role} value={role} size="sm">
                    {ROLE_LABELS[role]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors['roles'] ? (
              <Text size="xs" c="red.7">
                {form.errors['roles']}
              </Text>
            ) : null}
          </Stack>
          <MultiSelect label="People" description="Named individually, whatever their role" placeholder="Choose people" data={memberOptions} searchable clearable comboboxProps={{ withinPortal: true }} {...form.getInputProps('userIds')} />
          <TextInput type="date" label="Due date" min={dayjs().format('YYYY-MM-DD')} {...form.getInputProps('dueDate')} />
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {reached ? `${reached} ${reached === 1 ? 'person' : 'people'} will have it.` : ''}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={loading}>
                Assign
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
