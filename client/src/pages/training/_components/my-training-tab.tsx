import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Box, Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconCircleCheck, IconExternalLink, IconPaperclip, IconSchool } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { formatDate } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { MY_TRAINING_QUERY, type MyTrainingRow } from '../training-operations';
import { durationLabel, isCurrent, isLate, refresherLabel } from '../training-words';
import { RecordCompletionModal } from './record-completion-modal';
import { NextDue, TrainingStatusBadge } from './training-badges';

/** What is assigned to me, most urgent first; I complete it here, with evidence or my own word. */
export function MyTrainingTab() {
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(MY_TRAINING_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const [completing, setCompleting] = useState<MyTrainingRow | null>(null);
  const rows = data?.organization?.myTraining ?? null;

  if (error && !data) return <ErrorState error={error} title="Your training could not be loaded" onRetry={() => refetch()} />;
  if (!rows) return <SkeletonRows rows={3} height={110} />;
  if (!rows.length) {
    return (
      <Center mih={260}>
        <Stack align="center" gap="xs" maw={480} ta="center">
          <IconSchool size={40} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={2} fz={18}>
            No training is assigned to you
          </Title>
          <Text size="sm" c="dimmed">
            When the ISMS team assigns you a course — security awareness, or one for your role — it appears here with its due date, and you complete it here.
          </Text>
        </Stack>
      </Center>
    );
  }
  const todo = rows.filter((r) => !isCurrent(r.status) || r.status === 'EXPIRING_SOON');
  const done = rows.filter((r) => r.status === 'COMPLETED');
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-label="To complete">
        <Title order={2} fz={17}>
          To complete {todo.length ? <Badge variant="light" color={todo.some((r) => isLate(r.status)) ? 'red' : 'gray'}>{todo.length}</Badge> : null}
        </Title>
        {todo.length === 0 ? (
          <Text size="sm" c="dimmed">
            You are up to date on everything assigned to you.
          </Text>
        ) : (
          todo.map((row) => <TrainingCard key={row.id} row={row} onComplete={() => setCompleting(row)} />)
        )}
      </Stack>
      {done.length ? (
        <Stack gap="sm" component="section" aria-label="Completed">
          <Title order={2} fz={17}>
            Completed
          </Title>
          {done.map((row) => (
            <TrainingCard key={row.id} row={row} onComplete={() => setCompleting(row)} />
          ))}
        </Stack>
      ) : null}
      {completing ? <RecordCompletionModal opened onClose={() => setCompleting(null)} course={completing.course} mode="self" /> : null}
    </Stack>
  );
}

export function TrainingCard({ row, onComplete, compact = false }: { row: MyTrainingRow; onComplete(): void; compact?: boolean }) {
  const { organization } = useCurrentOrganization();
  const flash = useLiveHighlightClass(row.id);
  const late = isLate(row.status);
  const current = isCurrent(row.status);
  const duration = durationLabel(row.course.durationMinutes);
  const record = row.latestRecord;
  return (
    <Card withBorder padding={compact ? 'sm' : 'md'} className={flash} data-course={row.course.title} style={late ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group gap="sm" align="flex-start" wrap="nowrap" miw={0}>
          <Box w={3} h={compact ? 32 : 44} bg={late ? 'red.7' : current ? 'teal.6' : 'transparent'} style={{ borderRadius: 2, flexShrink: 0 }} aria-hidden />
          <Stack gap={4} miw={0}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{row.course.title}</Text>
              <TrainingStatusBadge status={row.status} size="sm" />
            </Group>
            {!compact && row.course.description ? (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {row.course.description}
              </Text>
            ) : null}
            <Group gap="md" wrap="wrap">
              <Text size="xs" c="dimmed">
                {refresherLabel(row.course.refresherMonths)}
                {duration ? ` · ${duration}` : ''}
              </Text>
              {row.course.materialDocument ? (
                <Anchor component={Link} to={`/o/${organization.id}/documents/${row.course.materialDocument.id}`} size="xs">
                  <Group gap={4} wrap="nowrap">
                    <IconBook size={14} aria-hidden />
                    {row.course.materialDocument.title}
                  </Group>
                </Anchor>
              ) : null}
              {row.course.materialUrl ? (
                <Anchor href={row.course.materialUrl} target="_blank" rel="noopener noreferrer" size="xs">
                  <Group gap={4} wrap="nowrap">
                    <IconExternalLink size={14} aria-hidden />
                    Open the course
                  </Group>
                </Anchor>
              ) : null}
            </Group>
            {record && (current || row.status === 'EXPIRED') ? (
              <Group gap={6} wrap="wrap">
                <IconCircleCheck size={14} aria-hidden color="var(--mantine-color-teal-7)" />
                <Text size="xs" c="dimmed">
                  Completed {formatDate(record.completedOn)}
                  {record.score !== null ? ` · score ${record.score}` : ''}
                  {row.expiresOn ? ` · ${row.status === 'EXPIRED' ? 'expired' : 'valid until'} ${formatDate(row.expiresOn)}` : ''}
                </Text>
                {record.evidenceFilename ? (
                  <Text size="xs" c="dimmed">
                    <IconPaperclip size={12} aria-hidden /> {record.evidenceFilename}
                  </Text>
                ) : record.attested ? (
                  <Text size="xs" c="dimmed">
                    · on your word
                  </Text>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </Group>
        <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
          <NextDue status={row.status} nextDueOn={row.nextDueOn} />
          {row.status !== 'COMPLETED' ? (
            <Button size="xs" variant={late ? 'filled' : 'light'} color={late ? 'red' : undefined} onClick={onComplete} aria-label={`Complete ${row.course.title}`}>
              {row.status === 'EXPIRED' || row.status === 'EXPIRING_SOON' ? 'Record the refresher' : 'Mark as completed'}
            </Button>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
