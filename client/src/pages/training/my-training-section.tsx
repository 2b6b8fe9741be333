import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Title, type CardProps } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentOrganization } from '../../organization/organization-context';
import { RecordCompletionModal } from './_components/record-completion-modal';
import { TrainingCard } from './_components/my-training-tab';
import { MY_TRAINING_QUERY, type MyTrainingRow } from './training-operations';
import { isCurrent, isLate } from './training-words';

/**
 * "My training" on My work: the courses the viewer still has to complete (or refresh), most
 * urgent first, each completed right there. Shows nothing when they are up to date.
 */
export function MyTrainingSection(props: CardProps) {
  const { organization, can } = useCurrentOrganization();
  const { data } = useQuery(MY_TRAINING_QUERY, { variables: { id: organization.id }, skip: !can('training:read'), fetchPolicy: 'cache-and-network' });
  const [completing, setCompleting] = useState<MyTrainingRow | null>(null);
  const todo = (data?.organization?.myTraining ?? []).filter((r) => !isCurrent(r.status) || r.status === 'EXPIRING_SOON');
  if (!todo.length) return null;
  const late = todo.filter((r) => isLate(r.status)).length;
  return (
    <Card component="section" aria-label="My training" {...props}>
      <Group gap="xs" mb="sm">
        <IconSchool size={18} aria-hidden color="var(--mantine-color-indigo-7)" />
        <Title order={2} fz={17}>
          My training
        </Title>
        <Badge variant="light" color={late ? 'red' : 'gray'} aria-label={late ? `${todo.length}, ${late} late` : String(todo.length)}>
          {todo.length}
          {late ? ` · ${late} late` : ''}
        </Badge>
      </Group>
      <Stack gap="xs">
        {todo.map((row) => (
          <TrainingCard key={row.id} row={row} compact onComplete={() => setCompleting(row)} />
        ))}
      </Stack>
      <Anchor component={Link} to={`/o/${organization.id}/training/my`} size="sm" mt="sm" display="inline-block">
        All your training
      </Anchor>
      {completing ? <RecordCompletionModal opened onClose={() => setCompleting(null)} course={completing.course} mode="self" /> : null}
    </Card>
  );
}
