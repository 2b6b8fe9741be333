import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useCreateManagementReview, useUpdateManagementReview, type ManagementReviewDetail } from '../management-review-operations';

interface Values {
  title: string;
  scheduledOn: string;
  location: string;
}

function emptyValues(): Values {
  const day = dayjs().add(1, 'month');
  return { title: `Management review, ${day.format('MMMM YYYY')}`, scheduledOn: day.format('YYYY-MM-DD'), location: '' };
}

/** Schedules a review, or changes its title, date and place. */
export function ReviewFormModal({ opened, onClose, review }: { opened: boolean; onClose(): void; review?: ManagementReviewDetail }) {
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const [create, { loading: creating }] = useCreateManagementReview();
  const [update, { loading: updating }] = useUpdateManagementReview();
  const [formError, setFormError] = useState<string | null>(null);
  const initial = (): Values => (review ? { title: review.title, scheduledOn: review.scheduledOn, location: review.location } : emptyValues());
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the review a title.'),
      scheduledOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Choose the day of the meeting.'),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initial());
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens
  }, [opened]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      if (review) {
        await update({ variables: { input: { id: review.id, version: review.version, title: values.title.trim(), scheduledOn: values.scheduledOn, location: values.location.trim() } } });
        notifications.show({ color: 'teal', title: 'Review updated', message: `“${values.title.trim()}” is saved.` });
        onClose();
        return;
      }
      const { data } = await create({ variables: { input: { organizationId: organization.id, title: values.title.trim(), scheduledOn: values.scheduledOn, location: values.location.trim() } } });
      const created = data?.createManagementReview.managementReview;
      if (!created) return;
      notifications.show({ color: 'teal', title: 'Review scheduled', message: 'Prepare its pack when you are ready: Annex assembles the inputs from your data.' });
      onClose();
      void navigate(`/o/${organization.id}/management-reviews/${created.id}`);
    } catch (error) {
      const { code } = readApiError(error);
      setFormError(code === 'CONFLICT' ? readApiError(error).message : applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{review ? 'Edit the review' : 'Schedule a management review'}</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!review ? (
            <Text size="sm" c="dimmed">
              Top management reviews the ISMS at planned intervals, at least once a year (clause 9.3). Before the meeting, Annex assembles the inputs the standard requires from your live data.
            </Text>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Title" data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Meeting date" {...form.getInputProps('scheduledOn')} />
            <TextInput label="Location" placeholder="e.g. Board room, or video call" {...form.getInputProps('location')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || updating}>
              {review ? 'Save changes' : 'Schedule review'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
