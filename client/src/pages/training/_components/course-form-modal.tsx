import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { ConflictAlert } from '../../../components/conflict-alert';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { MATERIAL_DOCUMENTS_QUERY, useCreateCourse, useUpdateCourse, type CourseInputFields, type CourseRow } from '../training-operations';

interface CourseFormValues {
  title: string;
  description: string;
  refresherMonths: number | string;
  durationMinutes: number | string;
  passScore: number | string;
  materialDocumentId: string | null;
  materialUrl: string;
}

function valuesOf(course: CourseRow | null): CourseFormValues {
  return {
    title: course?.title ?? '',
    description: course?.description ?? '',
    refresherMonths: course ? (course.refresherMonths ?? '') : 12,
    durationMinutes: course?.durationMinutes ?? '',
    passScore: course?.passScore ?? '',
    materialDocumentId: course?.materialDocument?.id ?? null,
    materialUrl: course?.materialUrl ?? '',
  };
}

const numberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

/** The fields of a course as the API takes them. */
function inputOf(values: CourseFormValues): Required<CourseInputFields> {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    refresherMonths: numberOrNull(values.refresherMonths),
    durationMinutes: numberOrNull(values.durationMinutes),
    passScore: numberOrNull(values.passScore),
    materialDocumentId: values.materialDocumentId || null,
    materialUrl: values.materialUrl.trim() || null,
  };
}

interface CourseFormModalProps {
  opened: boolean;
  onClose(): void;
  /** Editing this course; a new one when absent. */
  course?: CourseRow | null;
  /** Fetches the latest version of the course (after a conflict). */
  onReload?: () => Promise<CourseRow | null>;
  onCreated?(id: string): void;
}

/** A course of the programme: what it is, where the material is, how long it takes and how often it is repeated. */
export function CourseFormModal({ opened, onClose, course = null, onReload, onCreated }: CourseFormModalProps) {
  const { organization } = useCurrentOrganization();
  const documents = useQuery(MATERIAL_DOCUMENTS_QUERY, { variables: { id: organization.id }, skip: !opened });
  const [createCourse, { loading: creating }] = useCreateCourse();
  const [updateCourse, { loading: updating }] = useUpdateCourse();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [base, setBase] = useState<CourseRow | null>(course);
  const form = useForm<CourseFormValues>({
    initialValues: valuesOf(course),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the course a title.'),
      materialUrl: (v) => (!v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : 'Enter a web address starting with https://.'),
    },
  });

  useEffect(() => {
    if (!opened) return;
    setBase(course);
    form.setValues(valuesOf(course));
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
    setConflict(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens
  }, [opened]);

  const documentOptions = useMemo(() => (documents.data?.organization?.documents?.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title })), [documents.data]);

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      const latest = await onReload();
      if (latest) setBase(latest);
      setConflict(null);
    } finally {
      setReloading(false);
    }
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input = inputOf(values);
    try {
      if (base) {
        const initial = inputOf(valuesOf(course));
        // Only what this person changed: the rest keeps whatever others saved meanwhile.
        const changed = Object.fromEntries(Object.entries(input).filter(([key, value]) => initial[key as keyof CourseInputFields] !== value));
        await updateCourse({ variables: { input: { id: base.id, version: base.version, ...changed } } });
        notifications.show({ color: 'teal', title: 'Course saved', message: `“${input.title}” is up to date.` });
        onClose();
        return;
      }
      const { data } = await createCourse({ variables: { input: { organizationId: organization.id, ...input } } });
      const created = data?.createCourse.course;
      if (!created) return;
      notifications.show({ color: 'teal', title: 'Course added', message: `Now assign “${created.title}” to the roles or people who must take it.` });
      onClose();
      onCreated?.(created.id);
    } catch (error) {
      if (readApiError(error).code === 'CONFLICT') {
        setConflict('rejected');
        return;
      }
      setFormError(applyMutationError(form, error));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{course ? 'Edit the course' : 'New course'}</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!course ? (
            <Text size="sm" c="dimmed">
              A course people must complete to be competent and aware (clauses 7.2 and 7.3). After adding it, assign it to roles — newcomers to those roles get it too — or to people by name.
            </Text>
          ) : null}
          {conflict ? <ConflictAlert conflict={conflict} noun="course" reloading={reloading} onReload={() => void reload()} /> : null}
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Title" required data-autofocus placeholder="e.g. Security awareness" {...form.getInputProps('title')} />
          <Textarea label="Description" autosize minRows={3} maxRows={8} placeholder="What people learn, and why it matters here." {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label="Refresher (months)"
              description="Empty: a one-off course"
              min={1}
              max={60}
              allowDecimal={false}
              placeholder="One-off"
              {...form.getInputProps('refresherMonths')}
            />
            <NumberInput label="Duration (minutes)" min={1} max={1440} allowDecimal={false} placeholder="e.g. 45" {...form.getInputProps('durationMinutes')} />
            <NumberInput label="Pass score (0–100)" description="When there is a test" min={0} max={100} allowDecimal={false} placeholder="None" {...form.getInputProps('passScore')} />
          </SimpleGrid>
          <Select
            label="Material document"
            description="A document of the Documents area, e.g. the slides or the policy it teaches"
            placeholder={documents.loading && !documents.data ? 'Loading documents…' : 'No document'}
            data={documentOptions}
            searchable
            clearable
            nothingFoundMessage="No document with that title"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('materialDocumentId')}
          />
          <TextInput label="Material link" description="An e-learning course or video outside Annex" placeholder="https://" {...form.getInputProps('materialUrl')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={creating || updating} disabled={!!conflict}>
              {course ? 'Save' : 'Add course'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
