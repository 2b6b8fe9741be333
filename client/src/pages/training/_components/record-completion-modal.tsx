import { Alert, Button, Checkbox, FileInput, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPaperclip } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { EVIDENCE_ACCEPT } from '../../audits/_components/evidence/evidence-file-input';
import { uploadTrainingEvidence, useRecordCompletion } from '../training-operations';

interface CompletionValues {
  userId: string | null;
  completedOn: string;
  score: number | string;
  file: File | null;
  attested: boolean;
  note: string;
}

interface RecordCompletionModalProps {
  opened: boolean;
  onClose(): void;
  course: { id: string; title: string; passScore: number | null };
  /** Your own completion ("I completed this"), or one recorded for someone else. */
  mode: 'self' | 'other';
  /** For `other`: who to preselect; the people to choose from first (those assigned). */
  userId?: string | null;
  assignedUserIds?: string[];
}

/**
 * Records that a course was completed: by the person themself (evidence or their own word) or,
 * for an ISMS manager, for someone else (an attendance list, a certificate).
 */
export function RecordCompletionModal({ opened, onClose, course, mode, userId = null, assignedUserIds = [] }: RecordCompletionModalProps) {
  const { organization } = useCurrentOrganization();
  const { options: members } = useMemberOptions();
  const [record, { loading }] = useRecordCompletion();
  const [uploading, setUploading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const form = useForm<CompletionValues>({
    initialValues: { userId, completedOn: today, score: '', file: null, attested: false, note: '' },
    validate: {
      userId: (v) => (mode === 'other' && !v ? 'Choose who completed it.' : null),
      completedOn: (v) => (!/^\d{4}-\d{2}-\d{2}$/.test(v) ? 'Choose the day it was completed.' : v > today ? 'The completion date cannot be in the future.' : null),
      attested: (v, values) => (mode === 'self' && !v && !values.file ? 'Attach evidence or confirm that you completed the course.' : null),
      score: (v) => (v !== '' && course.passScore !== null && Number(v) < course.passScore ? `The pass mark is ${course.passScore}.` : null),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues({ userId, completedOn: dayjs().format('YYYY-MM-DD'), score: '', file: null, attested: false, note: '' });
    form.clearErrors();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens
  }, [opened]);

  const personOptions = useMemo(() => {
    const assigned = new Set(assignedUserIds);
    return [
      { group: 'Assigned', items: members.filter((m) => assigned.has(m.value)).map((m) => ({ value: m.value, label: m.label })) },
      { group: 'Other members', items: members.filter((m) => !assigned.has(m.value)).map((m) => ({ value: m.value, label: m.label })) },
    ].filter((g) => g.items.length);
  }, [members, assignedUserIds]);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    let evidenceId: string | null = null;
    if (values.file) {
      setUploading(true);
      const uploaded = await uploadTrainingEvidence(organization.id, course.id, values.file);
      setUploading(false);
      if (!uploaded.ok) {
        form.setFieldError('file', uploaded.message);
        return;
      }
      evidenceId = uploaded.id;
    }
    try {
      await record({
        variables: {
          input: {
            courseId: course.id,
            userId: mode === 'other' ? values.userId : null,
            completedOn: values.completedOn,
            evidenceId,
            attested: mode === 'self' ? values.attested : null,
            score: values.score === '' ? null : Number(values.score),
            note: values.note.trim() || null,
          },
        },
      });
      const who = mode === 'self' ? 'Your' : `${members.find((m) => m.value === values.userId)?.label ?? 'The'}’s`;
      notifications.show({ color: 'teal', title: 'Completion recorded', message: `${who} completion of “${course.title}” is on record.` });
      onClose();
    } catch (error) {
      setFormError(applyMutationError(form, error, { evidenceId: 'file' }));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{mode === 'self' ? `Complete “${course.title}”` : `Record a completion of “${course.title}”`}</Text>} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          {mode === 'other' ? (
            <Select label="Person" placeholder="Who completed it" data={personOptions} searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('userId')} />
          ) : (
            <Text size="sm" c="dimmed">
              Attach a certificate or a screenshot of the finished course if you have one. If not, confirm below that you completed it: your statement is kept as the record.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="date" label="Completed on" max={today} {...form.getInputProps('completedOn')} />
            <NumberInput
              label={course.passScore !== null ? `Score (pass mark ${course.passScore})` : 'Score (if there was a test)'}
              min={0}
              max={100}
              allowDecimal={false}
              placeholder="0–100"
              {...form.getInputProps('score')}
            />
          </SimpleGrid>
          <FileInput
            label="Evidence"
            description="PDF, image, text, CSV, Word, Excel or ZIP"
            placeholder="Choose a file"
            clearable
            accept={EVIDENCE_ACCEPT}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            {...form.getInputProps('file')}
          />
          {mode === 'self' ? <Checkbox label="I completed this course" {...form.getInputProps('attested', { type: 'checkbox' })} /> : null}
          <Textarea label="Note" autosize minRows={2} maxRows={5} placeholder={mode === 'other' ? 'e.g. Classroom session, attendance list attached' : 'Optional'} {...form.getInputProps('note')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading || uploading}>
              {mode === 'self' ? 'Mark as completed' : 'Record completion'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
