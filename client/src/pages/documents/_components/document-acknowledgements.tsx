import { useQuery } from '@apollo/client/react';
import { Alert, Avatar, Badge, Button, Center, Group, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconSearch, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { initials } from '../../../components/person-avatar';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { ROLE_COLORS, ROLE_LABELS, ROLES } from '../../../organization/roles';
import { DOCUMENT_ACKNOWLEDGEMENTS_QUERY, type DocumentAcknowledgementsNode, type DocumentReader } from '../version-operations';

type ReaderFilter = 'pending' | 'acknowledged' | 'all';
const FILTER_PARAM = 'readers';

function isReaderFilter(value: string | null): value is ReaderFilter {
  return value === 'pending' || value === 'acknowledged' || value === 'all';
}

/** 99.6 % is not everyone: round down, so 100 % means nobody is missing. */
function wholePercent(percent: number): number {
  return percent >= 100 ? 100 : Math.floor(percent);
}

function coverageColor(percent: number): string {
  if (percent >= 100) return 'teal';
  if (percent >= 80) return 'green';
  if (percent >= 50) return 'yellow';
  return 'orange';
}

/**
 * Who has read and acknowledged the version in force, overall, by role and by person.
 * Usage: `<DocumentAcknowledgements documentId={id} />` (the document page's Acknowledgements tab).
 */
export function DocumentAcknowledgements({ documentId }: { documentId: string }) {
  const { data, error, refetch } = useQuery(DOCUMENT_ACKNOWLEDGEMENTS_QUERY, { variables: { id: documentId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node;
  if (error && !data) return <ErrorState error={error} title="The acknowledgements could not be loaded" onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={4} height={56} />;
  if (node?.__typename !== 'Document') {
    return (
      <Alert color="gray" variant="light" title="Not found">
        This document does not exist, or you may not see it.
      </Alert>
    );
  }
  const doc = node as DocumentAcknowledgementsNode;
  if (!doc.acknowledgement) {
    return (
      <Paper withBorder p="xl">
        <Center>
          <Stack align="center" gap={6} ta="center" maw={560}>
            <IconUsers size={36} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text fw={600}>{doc.currentVersion ? 'Acknowledgements are not shown to you' : 'No acknowledgements yet'}</Text>
            <Text size="sm" c="dimmed">
              {doc.currentVersion
                ? 'Who has acknowledged this document is visible to the ISMS team, management and auditors.'
                : 'Nothing is published yet: acknowledgements are asked for when a version is published. Everyone the document is addressed to then reads it and confirms they did — the evidence of awareness that clause 7.3 asks for.'}
            </Text>
          </Stack>
        </Center>
      </Paper>
    );
  }
  return <AcknowledgementStatus doc={doc} acknowledgement={doc.acknowledgement} />;
}

function AcknowledgementStatus({ doc, acknowledgement }: { doc: DocumentAcknowledgementsNode; acknowledgement: NonNullable<DocumentAcknowledgementsNode['acknowledgement']> }) {
  const percent = wholePercent(acknowledgement.percent);
  const missing = acknowledgement.required - acknowledgement.acknowledged;
  const byRole = useMemo(() => [...acknowledgement.byRole].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role)), [acknowledgement.byRole]);
  const latest = useMemo(
    () => acknowledgement.people.filter((p) => p.acknowledgedAt).sort((a, b) => (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? ''))[0] ?? null,
    [acknowledgement.people],
  );
  const audience = doc.audienceRoles.length === 0 ? 'everyone in the organisation' : doc.audienceRoles.map((r) => ROLE_LABELS[r]).join(', ');

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Coverage of version {acknowledgement.versionNumber}
            </Text>
            <Group gap="md" align="baseline">
              <Text fz={44} fw={750} lh={1} c={`${coverageColor(percent)}.9`} data-testid="acknowledgement-percent">
                {percent}%
              </Text>
              <Text size="sm">
                {acknowledgement.acknowledged} of {acknowledgement.required} {acknowledgement.required === 1 ? 'person has' : 'people have'} acknowledged
              </Text>
            </Group>
            <Progress
              value={percent}
              color={coverageColor(percent)}
              size="lg"
              radius="xl"
              aria-label={`Acknowledged by ${acknowledgement.acknowledged} of ${acknowledgement.required}`}
            />
            <Text size="sm" c="dimmed">
              {missing === 0 ? 'Everyone it is addressed to has acknowledged it.' : `${missing} still to acknowledge.`} Addressed to {audience}
              {doc.currentVersion?.publishedAt ? (
                <>
                  ; published <RelativeTime value={doc.currentVersion.publishedAt} size="sm" c="dimmed" />
                </>
              ) : null}
              .
            </Text>
            {latest?.acknowledgedAt ? (
              <Text size="sm" c="dimmed">
                Most recent: {latest.user.name}, <RelativeTime value={latest.acknowledgedAt} size="sm" c="dimmed" />.
              </Text>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              By role
            </Text>
            {byRole.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nobody holds a role it is addressed to.
              </Text>
            ) : (
              byRole.map((row) => {
                const rolePercent = wholePercent(row.percent);
                return (
                  <Stack key={row.role} gap={4}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={500}>
                        {ROLE_LABELS[row.role]}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {row.acknowledged} of {row.required} · {rolePercent}%
                      </Text>
                    </Group>
                    <Progress value={rolePercent} color={coverageColor(rolePercent)} size="sm" radius="xl" aria-label={`${ROLE_LABELS[row.role]}: ${row.acknowledged} of ${row.required} acknowledged`} />
                  </Stack>
                );
              })
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <People people={acknowledgement.people} versionNumber={acknowledgement.versionNumber} title={doc.title} />
    </Stack>
  );
}

function csvCell(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function downloadCsv(people: DocumentReader[], title: string, versionNumber: string) {
  const rows = [['Name', 'Email', 'Role', 'Acknowledged at'], ...people.map((p) => [p.user.name, p.user.email, ROLE_LABELS[p.role], p.acknowledgedAt ?? ''])];
  const blob = new Blob([rows.map((r) => r.map(csvCell).join(',')).join('\n')], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[^\w-]+/g, '-').toLowerCase()}-v${versionNumber}-acknowledgements.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function People({ people, versionNumber, title }: { people: DocumentReader[]; versionNumber: string; title: string }) {
  const [params, setParams] = useSearchParams();
  const param = params.get(FILTER_PARAM);
  const filter: ReaderFilter = isReaderFilter(param) ? param : 'pending';
  const [search, setSearch] = useState('');
  const pending = people.filter((p) => !p.acknowledgedAt);
  const acknowledged = people.filter((p) => !!p.acknowledgedAt);
  const shown = useMemo(() => {
    const base = filter === 'pending' ? pending : filter === 'acknowledged' ? acknowledged : [...pending, ...acknowledged];
    const words = search.trim().toLowerCase();
    const matching = words ? base.filter((p) => `${p.user.name} ${p.user.email} ${ROLE_LABELS[p.role]}`.toLowerCase().includes(words)) : base;
    return filter === 'acknowledged' ? [...matching].sort((a, b) => (b.acknowledgedAt ?? '').localeCompare(a.acknowledgedAt ?? '')) : matching;
  }, [filter, pending, acknowledged, search]);

  const setFilter = (value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'pending') next.delete(FILTER_PARAM);
        else next.set(FILTER_PARAM, value);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} fz={18}>
            People
          </Title>
          <Button variant="subtle" size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => downloadCsv(shown, title, versionNumber)} disabled={shown.length === 0}>
            Export CSV
          </Button>
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <SegmentedControl
            aria-label="Show people"
            value={filter}
            onChange={setFilter}
            data={[
              { value: 'pending', label: `Not yet acknowledged (${pending.length})` },
              { value: 'acknowledged', label: `Acknowledged (${acknowledged.length})` },
              { value: 'all', label: `Everyone (${people.length})` },
            ]}
          />
          <TextInput
            label="Find a person"
            placeholder="Name, e-mail or role"
            leftSection={<IconSearch size={14} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
          />
        </Group>
        {shown.length === 0 ? (
          <Group gap={8} py="sm">
            {filter === 'pending' && !search ? <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden /> : null}
            <Text size="sm" c="dimmed">
              {search
                ? 'Nobody matches.'
                : filter === 'pending'
                  ? 'Everyone has acknowledged this version.'
                  : filter === 'acknowledged'
                    ? 'Nobody has acknowledged this version yet.'
                    : 'Nobody is asked to acknowledge it.'}
            </Text>
          </Group>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label={`People asked to acknowledge version ${versionNumber}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th w={170}>Role</Table.Th>
                  <Table.Th w={200}>Acknowledged</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((reader) => (
                  <Table.Tr key={reader.user.id}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar name={reader.user.name} color="initials" radius="xl" size={30} aria-hidden>
                          {initials(reader.user.name)}
                        </Avatar>
                        <Stack gap={0}>
                          <Text size="sm" fw={500}>
                            {reader.user.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {reader.user.email}
                          </Text>
                        </Stack>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ROLE_COLORS[reader.role]}>
                        {ROLE_LABELS[reader.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {reader.acknowledgedAt ? (
                        <Group gap={6} wrap="nowrap">
                          <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
                          <RelativeTime value={reader.acknowledgedAt} />
                        </Group>
                      ) : (
                        <Text size="sm" c="orange.9">
                          Not yet
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {filter === 'pending' && pending.length > 0 ? (
          <Text size="xs" c="dimmed">
            Each of them received a task to read and acknowledge version {versionNumber} when it was published.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
