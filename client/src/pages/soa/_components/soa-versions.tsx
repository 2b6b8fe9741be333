import { useQuery } from '@apollo/client/react';
import { ActionIcon, Anchor, Badge, Box, Button, Card, Center, CopyButton, Group, Menu, Select, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconCheck, IconCopy, IconDots, IconDownload, IconGitCompare } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { SOA_COMPARE_QUERY, soaExportHref, type SoaChange, type SoaVersionRow } from '../soa-operations';
import type { SoaComparison } from '../soa-url-filter';
import { CHANGE_FIELD_LABELS, IMPLEMENTATION_COLORS, changeValueWords, type SoaImplementationStatus } from '../soa-words';

/** Where a version's approval stands, in words. */
export function VersionApproval({ version }: { version: SoaVersionRow }) {
  const { organization } = useCurrentOrganization();
  const link = (id: string, children: ReactNode) => (
    <Anchor component={Link} to={`/o/${organization.id}/approvals?request=${encodeURIComponent(id)}`} size="sm" underline="hover">
      {children}
    </Anchor>
  );
  if (version.approval) {
    const approvers = version.approval.decisions.filter((d) => d.decision === 'APPROVE');
    const when = version.approval.closedAt ?? approvers.at(-1)?.decidedAt ?? null;
    return (
      <Stack gap={2}>
        <Group gap={6}>
          <Badge color="teal" leftSection={<IconCheck size={12} aria-hidden />}>
            Approved
          </Badge>
          {link(version.approval.id, 'View')}
        </Group>
        <Text size="xs" c="dimmed">
          by {approvers.map((d) => d.approver.name).join(', ') || 'management'}
          {when ? `, ${dayjs(when).format('D MMM YYYY')}` : ''}
        </Text>
      </Stack>
    );
  }
  const pending = version.approvalRequests.find((r) => r.status === 'PENDING');
  if (pending) {
    return (
      <Stack gap={2}>
        <Group gap={6}>
          <Badge color="yellow">Awaiting approval</Badge>
          {link(pending.id, 'View')}
        </Group>
        <Text size="xs" c="dimmed">
          from {pending.approvers.map((a) => a.name).join(', ')}
        </Text>
      </Stack>
    );
  }
  const last = [...version.approvalRequests].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (last && (last.status === 'REJECTED' || last.status === 'INVALIDATED')) {
    return (
      <Group gap={6}>
        <Badge color="red">{last.status === 'REJECTED' ? 'Rejected' : 'Approval lapsed'}</Badge>
        {link(last.id, 'View')}
      </Group>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      Not submitted
    </Text>
  );
}

/** A content hash, shortened, with the whole one on hover and a copy button. */
export function HashPrefix({ hash }: { hash: string }) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={`SHA-256 ${hash}`} multiline w={300} style={{ wordBreak: 'break-all' }}>
        <Text size="xs" ff="monospace" c="dimmed">
          {hash.slice(0, 12)}
        </Text>
      </Tooltip>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copied ? 'Hash copied' : 'Copy the full hash'}>
            {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
          </ActionIcon>
        )}
      </CopyButton>
    </Group>
  );
}

interface SoaVersionsProps {
  versions: SoaVersionRow[];
  comparison: SoaComparison | null;
  titles: ReadonlyMap<string, string>;
  onCompare(comparison: SoaComparison | null): void;
}

/** Issued versions, newest first, and what changed between any two of them (or a version and the draft). */
export function SoaVersions({ versions, comparison, titles, onCompare }: SoaVersionsProps) {
  const { organization } = useCurrentOrganization();
  if (versions.length === 0) {
    return (
      <Card>
        <Center p="lg">
          <Stack align="center" gap={6} ta="center" maw={540}>
            <IconGitCompare size={36} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text fw={600}>No version issued yet</Text>
            <Text size="sm" c="dimmed">
              Once every control is decided and justified, issue the SoA as version 1: it becomes an immutable, hashed snapshot that management approves and your auditor reads. Later changes
              are drafted and issued as new versions, compared here.
            </Text>
          </Stack>
        </Center>
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      <Card p={0}>
        <Table.ScrollContainer minWidth={980}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Version</Table.Th>
                <Table.Th w={190}>Issued</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th w={230}>Approval</Table.Th>
                <Table.Th w={150}>Hash</Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((version, index) => {
                const previous = versions[index + 1];
                return (
                  <Table.Tr key={version.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text fw={700}>Version {version.number}</Text>
                        {index === 0 ? (
                          <Badge size="xs" variant="outline" color="gray">
                            latest
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={version.issuedAt} format="date" />
                      <Text size="xs" c="dimmed">
                        by {version.issuedBy.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={version.note ? undefined : 'dimmed'} lineClamp={3}>
                        {version.note || 'No note'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <VersionApproval version={version} />
                    </Table.Td>
                    <Table.Td>
                      <HashPrefix hash={version.contentHash} />
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for version ${version.number}`}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconGitCompare size={16} aria-hidden />} onClick={() => onCompare({ from: version.number, to: null })}>
                            Compare with the current draft
                          </Menu.Item>
                          {previous ? (
                            <Menu.Item leftSection={<IconGitCompare size={16} aria-hidden />} onClick={() => onCompare({ from: previous.number, to: version.number })}>
                              Compare with version {previous.number}
                            </Menu.Item>
                          ) : null}
                          <Menu.Divider />
                          <Menu.Label>Export version {version.number}</Menu.Label>
                          {(['pdf', 'xlsx', 'csv'] as const).map((format) => (
                            <Menu.Item key={format} component="a" href={soaExportHref(organization.id, format, version.number)} download leftSection={<IconDownload size={16} aria-hidden />}>
                              {format.toUpperCase()}
                            </Menu.Item>
                          ))}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SoaCompare versions={versions} comparison={comparison} titles={titles} onCompare={onCompare} />
    </Stack>
  );
}

const DRAFT = 'draft';

function SoaCompare({ versions, comparison, titles, onCompare }: SoaVersionsProps) {
  const { organization } = useCurrentOrganization();
  const latest = versions[0]!;
  const [from, setFrom] = useState<string>(String(comparison?.from ?? latest.number));
  const [to, setTo] = useState<string>(comparison ? (comparison.to === null ? DRAFT : String(comparison.to)) : DRAFT);
  useEffect(() => {
    if (!comparison) return;
    setFrom(String(comparison.from));
    setTo(comparison.to === null ? DRAFT : String(comparison.to));
  }, [comparison]);

  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}${v.approval ? ' (approved)' : ''}` }));
  const { data, error, loading, refetch } = useQuery(SOA_COMPARE_QUERY, {
    variables: { id: organization.id, from: comparison?.from ?? 0, to: comparison?.to ?? null },
    skip: !comparison,
    fetchPolicy: 'cache-and-network',
  });
  const changes = data?.organization?.compareSoaVersions ?? null;
  const describe = (value: number | null) => (value === null ? 'the current draft' : `version ${value}`);
  const same = from === to;

  return (
    <Card>
      <Stack gap="md">
        <div>
          <Title order={2} fz={18}>
            Compare versions
          </Title>
          <Text size="sm" c="dimmed">
            What changed between two issued versions, or between a version and the draft you are editing.
          </Text>
        </div>
        <Group align="flex-end" gap="sm">
          <Select label="From" data={options} value={from} onChange={(value) => value && setFrom(value)} allowDeselect={false} w={220} />
          <IconArrowRight size={18} aria-hidden style={{ marginBottom: 10 }} color="var(--mantine-color-dimmed)" />
          <Select label="To" data={[{ value: DRAFT, label: 'Current draft' }, ...options]} value={to} onChange={(value) => value && setTo(value)} allowDeselect={false} w={220} />
          <Button leftSection={<IconGitCompare size={16} aria-hidden />} disabled={same} onClick={() => onCompare({ from: Number(from), to: to === DRAFT ? null : Number(to) })}>
            Compare
          </Button>
          {same ? (
            <Text size="xs" c="dimmed" mb={10}>
              Choose two different versions.
            </Text>
          ) : null}
        </Group>
        {!comparison ? null : error && !data ? (
          <ErrorState error={error} title="The comparison could not be made" onRetry={() => refetch()} />
        ) : !changes || (loading && !data) ? (
          <SkeletonRows rows={4} />
        ) : (
          <ChangeTable changes={changes} titles={titles} heading={`From ${describe(comparison.from)} to ${describe(comparison.to)}`} />
        )}
      </Stack>
    </Card>
  );
}

/** The changes, control by control, with words for every value. */
export function ChangeTable({ changes, titles, heading }: { changes: SoaChange[]; titles: ReadonlyMap<string, string>; heading: string }) {
  const refs = [...new Set(changes.map((c) => c.controlRef))];
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {heading}: nothing changed.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} role="status">
        {heading}: {changes.length} {changes.length === 1 ? 'change' : 'changes'} in {refs.length} {refs.length === 1 ? 'control' : 'controls'}
      </Text>
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" withTableBorder withColumnBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>Control</Table.Th>
              <Table.Th w={110}>Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {refs.map((ref) => {
              const rows = changes.filter((c) => c.controlRef === ref);
              return (
                <Fragment key={ref}>
                  {rows.map((change, index) => (
                    <Table.Tr key={`${ref}-${change.field}`} style={{ verticalAlign: 'top' }}>
                      {index === 0 ? (
                        <Table.Td rowSpan={rows.length}>
                          <Text size="sm" fw={700}>
                            {ref}
                          </Text>
                          <Text size="sm">{titles.get(ref) ?? ''}</Text>
                        </Table.Td>
                      ) : null}
                      <Table.Td>
                        <Text size="sm">{CHANGE_FIELD_LABELS[change.field] ?? change.field}</Text>
                      </Table.Td>
                      <Table.Td>
                        <ChangeValue field={change.field} value={change.before} side="before" />
                      </Table.Td>
                      <Table.Td>
                        <ChangeValue field={change.field} value={change.after} side="after" />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ChangeValue({ field, value, side }: { field: string; value: string | null; side: 'before' | 'after' }) {
  const words = changeValueWords(field, value);
  if (field === 'applicable') {
    const color = value === null ? 'gray' : value === 'true' ? 'indigo' : 'gray';
    return (
      <Badge color={color} variant={value === 'true' ? 'light' : 'outline'}>
        {words}
      </Badge>
    );
  }
  if (field === 'implementationStatus') {
    return <Badge color={value ? (IMPLEMENTATION_COLORS[value as SoaImplementationStatus] ?? 'gray') : 'gray'}>{words}</Badge>;
  }
  return (
    <Box
      px={8}
      py={4}
      style={{
        borderRadius: 4,
        background: side === 'before' ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-teal-0)',
        borderLeft: `3px solid ${side === 'before' ? 'var(--mantine-color-red-4)' : 'var(--mantine-color-teal-5)'}`,
      }}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={value ? undefined : 'dimmed'}>
        <Text span size="xs" fw={700} c={side === 'before' ? 'red.8' : 'teal.9'}>
          {side === 'before' ? 'Was: ' : 'Now: '}
        </Text>
        {words}
      </Text>
    </Box>
  );
}
