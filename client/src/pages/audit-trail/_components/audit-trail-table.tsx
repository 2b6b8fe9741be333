import { Stack, Table, Text, Tooltip } from '@mantine/core';
import { RelativeTime } from '../../../components/relative-time';
import { actionInWords, summaryInWords, type NameOf } from '../audit-event-words';
import type { AuditEventRow } from '../audit-trail-operations';

export function AuditTrailTable({ rows, brokenId, nameOf }: { rows: AuditEventRow[]; brokenId: string | null; nameOf?: NameOf }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover striped="even" stripedColor="gray.0">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>#</Table.Th>
            <Table.Th w={140}>When</Table.Th>
            <Table.Th w={200}>Who</Table.Th>
            <Table.Th w={200}>Action</Table.Th>
            <Table.Th w={200}>Entity</Table.Th>
            <Table.Th>Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const summary = summaryInWords(row.summary, nameOf);
            const broken = row.id === brokenId;
            return (
              <Table.Tr key={row.id} bg={broken ? 'red.0' : undefined} aria-label={broken ? `Row ${row.seq}: first broken row of the chain` : undefined}>
                <Table.Td>
                  <Text size="sm" c={broken ? 'red.8' : 'dimmed'} fw={broken ? 700 : 400} ff="monospace">
                    {row.seq}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={row.at} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={row.actorLabel ?? undefined}>
                    {row.actor?.name ?? row.actorLabel ?? 'System'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {actionInWords(row.action)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {row.action}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {row.entityType ? (
                    <Stack gap={0}>
                      <Text size="sm">{row.entityType}</Text>
                      {row.entityId ? (
                        <Tooltip label={row.entityId}>
                          <Text size="xs" c="dimmed" ff="monospace" truncate maw={190}>
                            {row.entityId}
                          </Text>
                        </Tooltip>
                      ) : null}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {summary.length ? (
                    <Text size="sm" lineClamp={2} style={{ wordBreak: 'break-word' }} title={JSON.stringify(row.summary, null, 2)}>
                      {summary.join(' · ')}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
