import { Alert, Avatar, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendarPlus, IconMapPin, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyMutationError } from '../../../../apollo/api-error';
import { initials } from '../../../../components/person-avatar';
import { useMemberOptions } from '../../../../organization/member-options';
import { useAddAuditSession, type AuditDetail, type AuditSessionRow } from '../../audit-operations';

interface SessionValues {
  topic: string;
  startsAt: string;
  endsAt: string;
  location: string;
  intervieweeIds: string[];
}

const LOCAL = 'YYYY-MM-DDTHH:mm';

/** The next free slot: after the last session, or the first morning of the audit. */
function nextSlot(audit: AuditDetail): { startsAt: string; endsAt: string } {
  const last = audit.agenda[audit.agenda.length - 1];
  const start = last ? dayjs(last.endsAt) : dayjs(`${audit.startDate}T09:00`);
  return { startsAt: start.format(LOCAL), endsAt: start.add(1, 'hour').format(LOCAL) };
}

function AddSessionForm({ audit, onDone }: { audit: AuditDetail; onDone(): void }) {
  const { options: members } = useMemberOptions();
  const [addSession, { loading }] = useAddAuditSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SessionValues>({
    initialValues: { topic: '', ...nextSlot(audit), location: '', intervieweeIds: [] },
    validate: {
      topic: (v) => (v.trim() ? null : 'Say what the session is about.'),
      startsAt: (v) => (v ? null : 'Choose when it starts.'),
      endsAt: (v, values) => (!v ? 'Choose when it ends.' : values.startsAt && !dayjs(v).isAfter(dayjs(values.startsAt)) ? 'A session ends after it starts.' : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await addSession({
        variables: {
          input: {
            auditId: audit.id,
            topic: values.topic.trim(),
            startsAt: dayjs(values.startsAt).toISOString(),
            endsAt: dayjs(values.endsAt).toISOString(),
            location: values.location.trim(),
            intervieweeIds: values.intervieweeIds,
          },
        },
      });
      notifications.show({ color: 'teal', title: 'Session added', message: `“${values.topic.trim()}” is on the agenda.` });
      onDone();
    } catch (error) {
      setFormError(applyMutationError(form, error, { auditId: 'topic' }));
    }
  });

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Add a session">
      <Stack gap="sm">
        <Title order={3} fz={16}>
          Add a session
        </Title>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Topic" data-autofocus placeholder="e.g. Access control (A.5.15–A.5.18)" {...form.getInputProps('topic')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="datetime-local" label="Starts" {...form.getInputProps('startsAt')} />
          <TextInput type="datetime-local" label="Ends" {...form.getInputProps('endsAt')} />
          <TextInput label="Location" placeholder="e.g. Board room, or a video call" {...form.getInputProps('location')} />
          <MultiSelect
            label="Interviewees"
            placeholder={form.values.intervieweeIds.length ? undefined : 'Who is interviewed'}
            data={members.map((m) => ({ value: m.value, label: m.label }))}
            searchable
            clearable
            nothingFoundMessage="No member by that name"
            {...form.getInputProps('intervieweeIds')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} leftSection={<IconPlus size={16} aria-hidden />}>
            Add session
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SessionRow({ session }: { session: AuditSessionRow }) {
  const now = dayjs();
  const running = now.isAfter(session.startsAt) && now.isBefore(session.endsAt);
  return (
    <Group
      component="li"
      wrap="nowrap"
      align="flex-start"
      gap="md"
      py="sm"
      px="md"
      style={{
        borderTop: '1px solid var(--mantine-color-default-border)',
        background: running ? 'var(--mantine-color-blue-light)' : undefined,
      }}
    >
      <Stack gap={0} w={110} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={600} ff="monospace">
          {dayjs(session.startsAt).format('HH:mm')}–{dayjs(session.endsAt).format('HH:mm')}
        </Text>
        {running ? (
          <Text size="xs" c="blue.8" fw={600}>
            Now
          </Text>
        ) : null}
      </Stack>
      <Stack gap={4} style={{ flex: 1 }} miw={0}>
        <Text size="sm" fw={500}>
          {session.topic}
        </Text>
        {session.location ? (
          <Group gap={4} wrap="nowrap">
            <IconMapPin size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {session.location}
            </Text>
          </Group>
        ) : null}
      </Stack>
      {session.interviewees.length ? (
        <Group gap={6} wrap="wrap" justify="flex-end" maw={320} aria-label="Interviewees">
          {session.interviewees.map((p) => (
            <Group key={p.id} gap={4} wrap="nowrap">
              <Tooltip label={p.name}>
                <Avatar name={p.name} color="initials" radius="xl" size={22} aria-hidden>
                  {initials(p.name)}
                </Avatar>
              </Tooltip>
              <Text size="xs">{p.name}</Text>
            </Group>
          ))}
        </Group>
      ) : null}
    </Group>
  );
}

/** Sessions and interviews, day by day; the audit team adds to it. */
export function AuditAgenda({ audit }: { audit: AuditDetail }) {
  const [adding, setAdding] = useState(false);
  const canAdd = audit.viewerCanConduct && audit.status !== 'CLOSED';
  const days = new Map<string, AuditSessionRow[]>();
  for (const session of [...audit.agenda].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = dayjs(session.startsAt).format('YYYY-MM-DD');
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {audit.agenda.length ? `${audit.agenda.length} session${audit.agenda.length === 1 ? '' : 's'} over ${days.size} day${days.size === 1 ? '' : 's'}. Times are in your time zone.` : null}
        </Text>
        {canAdd && !adding ? (
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            Add session
          </Button>
        ) : null}
      </Group>
      {adding ? <AddSessionForm audit={audit} onDone={() => setAdding(false)} /> : null}
      {!audit.agenda.length && !adding ? (
        <Paper withBorder radius="md" p="xl" ta="center">
          <Text fw={600}>No agenda yet</Text>
          <Text size="sm" c="dimmed" mt={4}>
            {canAdd
              ? 'Add the opening meeting, the interviews by topic and the closing meeting, so everyone interviewed knows when to be ready.'
              : 'The audit team publishes the sessions and interviews here.'}
          </Text>
        </Paper>
      ) : null}
      {[...days.entries()].map(([day, sessions]) => (
        <Paper key={day} withBorder radius="md" component="section" aria-label={dayjs(day).format('dddd D MMMM YYYY')} style={{ overflow: 'hidden' }}>
          <Group px="md" py="xs" gap="xs" bg="var(--mantine-color-gray-0)">
            <Title order={3} fz={15}>
              {dayjs(day).format('dddd D MMMM')}
            </Title>
            {day === today ? (
              <Text size="xs" c="blue.8" fw={600}>
                Today
              </Text>
            ) : null}
          </Group>
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {sessions.map((s) => (
              <SessionRow key={s.id} session={s} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
