import { Badge, Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconClockExclamation } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { PersonLabel } from '../../../components/person-avatar';
import { formatDate } from '../../../components/relative-time';
import type { ObjectiveRow } from '../objective-operations';
import { formatValue } from '../objective-words';
import { ObjectiveStatusBadge } from './objective-badges';

interface ObjectivesTableProps {
  objectives: ObjectiveRow[];
  selectedId: string | null;
  onOpen(objectiveId: string): void;
}

/** The objectives: status with its reason, owner, target date, and what they link to. */
export function ObjectivesTable({ objectives, selectedId, onOpen }: ObjectivesTableProps) {
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table verticalSpacing={10} highlightOnHover aria-label="Objectives">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Objective</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={150}>Owner</Table.Th>
            <Table.Th w={150}>Target date</Table.Th>
            <Table.Th w={260}>Indicators</Table.Th>
            <Table.Th w={170}>Risks and controls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {objectives.map((objective) => (
            <ObjectiveTableRow key={objective.id} objective={objective} selected={objective.id === selectedId} onOpen={onOpen} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ObjectiveTableRow({ objective, selected, onOpen }: { objective: ObjectiveRow; selected: boolean; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(objective.id);
  const closed = objective.outcome !== null;
  return (
    <Table.Tr className={flash} bg={selected ? 'var(--mantine-primary-color-light)' : undefined} style={{ cursor: 'pointer' }} onClick={() => onOpen(objective.id)} data-objective={objective.title}>
      <Table.Td>
        <UnstyledButton
          onClick={(event) => {
            event.stopPropagation();
            onOpen(objective.id);
          }}
          aria-label={`Open objective ${objective.title}`}
        >
          <Stack gap={2}>
            <Text fw={600} size="sm">
              {objective.title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {objective.statusReason}
            </Text>
          </Stack>
        </UnstyledButton>
      </Table.Td>
      <Table.Td>
        <ObjectiveStatusBadge status={objective.status} />
      </Table.Td>
      <Table.Td>
        <PersonLabel person={objective.owner} />
      </Table.Td>
      <Table.Td>
        {closed ? (
          <Text size="sm" c="dimmed" title={objective.targetDate ? `Target ${dayjs(objective.targetDate).format('D MMMM YYYY')}` : undefined}>
            Closed {objective.closedOn ? formatDate(objective.closedOn) : ''}
          </Text>
        ) : objective.overdue ? (
          <Text size="sm" c="red.7" title={dayjs(objective.targetDate).format('D MMMM YYYY')}>
            Passed {objective.targetDate ? formatDate(objective.targetDate) : ''}
          </Text>
        ) : (
          <DueDate value={objective.targetDate} none="No target date" />
        )}
      </Table.Td>
      <Table.Td>
        {objective.indicators.length ? (
          <Group gap={4}>
            {objective.indicators.map((indicator) => (
              <Tooltip
                key={indicator.id}
                label={`${indicator.name}: ${indicator.onTarget === null ? 'not measured yet' : `${formatValue(indicator.lastValue, indicator.unit)}, ${indicator.onTarget ? 'on target' : 'off target'}`}${indicator.measurementDue ? ' · measurement due' : ''}`}
              >
                <Badge
                  variant="light"
                  color={indicator.onTarget === false ? 'red' : indicator.onTarget ? 'teal' : 'gray'}
                  leftSection={indicator.onTarget === false ? <IconAlertTriangle size={11} aria-hidden /> : indicator.onTarget ? <IconCheck size={11} aria-hidden /> : null}
                  rightSection={indicator.measurementDue ? <IconClockExclamation size={11} aria-label="measurement due" /> : null}
                  tt="none"
                  maw={240}
                >
                  {indicator.name}
                </Badge>
              </Tooltip>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            None linked
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm">
            {objective.risks.length} risk{objective.risks.length === 1 ? '' : 's'}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {objective.controls.map((c) => c.ref).join(', ') || 'No control'}
          </Text>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
