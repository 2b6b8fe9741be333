import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconDownload, IconUsers } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ROLE_LABELS, isRole } from '../../../organization/roles';
import { TRAINING_COVERAGE_QUERY, type MissingRow } from '../training-operations';
import { TRAINING_STATUSES, TRAINING_STATUS_LABELS, coverageColor, isLate } from '../training-words';
import { Stat } from './courses-tab';
import { NextDue, TrainingStatusBadge } from './training-badges';

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Coverage per role and per course, and everyone who is missing something: what an auditor asks for under 7.2 and 7.3. */
export function CoverageTab({ onOpenCourse }: { onOpenCourse(id: string): void }) {
  const { organization } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const { data, error, refetch } = useQuery(TRAINING_COVERAGE_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const coverage = data?.organization?.trainingCoverage ?? null;
  const roleParam = params.get('role');
  const courseParam = params.get('for');
  const lateOnly = params.get('late') === '1';

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const missing = useMemo(() => {
    if (!coverage) return [];
    const rows: MissingRow[] = coverage.byCourse.flatMap((c) => c.missing);
    return rows
      .filter((r) => (!roleParam || r.role === roleParam) && (!courseParam || r.course.id === courseParam) && (!lateOnly || isLate(r.status)))
      .sort((a, b) => TRAINING_STATUSES.indexOf(a.status) - TRAINING_STATUSES.indexOf(b.status) || (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? '') || a.user.name.localeCompare(b.user.name));
  }, [coverage, roleParam, courseParam, lateOnly]);

  if (error && !data) return <ErrorState error={error} title="The coverage could not be loaded" onRetry={() => refetch()} />;
  if (!coverage) return <SkeletonRows rows={5} height={56} />;

  const download = () => {
    const lines = [['person', 'role', 'course', 'status', 'due'].join(',')].concat(
      missing.map((r) => [r.user.name, ROLE_LABELS[r.role], r.course.title, TRAINING_STATUS_LABELS[r.status], r.nextDueOn ?? ''].map(csvCell).join(',')),
    );
    const url = URL.createObjectURL(new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `training-missing-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Stat icon={IconUsers} color={coverageColor(coverage.percent)} label={`current (${coverage.current} of ${coverage.assigned})`} value={coverage.percent === null ? '—' : `${coverage.percent}%`} />
        <Stat icon={IconAlertTriangle} color="red" label="overdue" value={String(coverage.overdue - coverage.expired)} alert={coverage.overdue - coverage.expired > 0} />
        <Stat icon={IconAlertTriangle} color="orange" label="expired (refresher lapsed)" value={String(coverage.expired)} alert={coverage.expired > 0} />
        <Stat icon={IconCalendarDue} color="yellow" label="due within 14 days" value={String(coverage.dueSoon)} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              By role
            </Text>
            {coverage.byRole.length === 0 ? (
              <Text size="sm" c="dimmed">
                No course is assigned yet.
              </Text>
            ) : (
              coverage.byRole.map((row) => (
                <UnstyledButton key={row.role} onClick={() => set('role', roleParam === row.role ? null : row.role)} aria-pressed={roleParam === row.role} aria-label={`Show who is missing among ${ROLE_LABELS[row.role]}`}>
                  <Stack gap={4} p={6} style={{ borderRadius: 6, background: roleParam === row.role ? 'var(--mantine-color-indigo-0)' : undefined }}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={500}>
                        {ROLE_LABELS[row.role]}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {row.current} of {row.assigned} · {row.percent}%
                      </Text>
                    </Group>
                    <Progress value={row.percent ?? 0} color={coverageColor(row.percent)} size="sm" radius="xl" aria-label={`${ROLE_LABELS[row.role]}: ${row.current} of ${row.assigned} current`} />
                    <Text size="xs" c="dimmed">
                      {row.membersComplete} of {row.members} {row.members === 1 ? 'person is' : 'people are'} up to date on everything
                      {row.overdue ? (
                        <Text span c="red.8" fw={600} size="xs">
                          {' '}
                          · {row.overdue} late
                        </Text>
                      ) : null}
                    </Text>
                  </Stack>
                </UnstyledButton>
              ))
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              By course
            </Text>
            {coverage.byCourse.length === 0 ? (
              <Text size="sm" c="dimmed">
                No course yet.
              </Text>
            ) : (
              coverage.byCourse.map((row) => (
                <Stack key={row.course.id} gap={4}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Anchor component="button" type="button" size="sm" fw={500} onClick={() => onOpenCourse(row.course.id)} ta="left">
                      {row.course.title}
                    </Anchor>
                    <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                      {row.assigned ? `${row.current} of ${row.assigned} · ${row.percent}%` : 'not assigned'}
                    </Text>
                  </Group>
                  <Progress value={row.percent ?? 0} color={coverageColor(row.percent)} size="sm" radius="xl" aria-label={`${row.course.title}: ${row.current} of ${row.assigned} current`} />
                </Stack>
              ))
            )}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} fz={17}>
            Who is missing
          </Title>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Role"
              placeholder="All roles"
              size="sm"
              w={170}
              clearable
              data={coverage.byRole.map((r) => ({ value: r.role, label: ROLE_LABELS[r.role] }))}
              value={roleParam && isRole(roleParam) ? roleParam : null}
              onChange={(v) => set('role', v)}
            />
            <Select
              label="Course"
              placeholder="All courses"
              size="sm"
              w={240}
              clearable
              data={coverage.byCourse.map((c) => ({ value: c.course.id, label: c.course.title }))}
              value={courseParam}
              onChange={(v) => set('for', v)}
            />
            <Button variant={lateOnly ? 'filled' : 'default'} color={lateOnly ? 'red' : undefined} size="sm" onClick={() => set('late', lateOnly ? null : '1')} aria-pressed={lateOnly}>
              Late only
            </Button>
            <Button variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} onClick={download} disabled={!missing.length}>
              CSV
            </Button>
          </Group>
        </Group>
        <Paper withBorder>
          {missing.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" py="lg">
              {coverage.assigned ? 'Nobody is missing anything here.' : 'Assign courses to see who still has to take them.'}
            </Text>
          ) : (
            <Table verticalSpacing={6} horizontalSpacing="md" highlightOnHover aria-label="Who is missing">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Course</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Due</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {missing.map((r) => (
                  <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => onOpenCourse(r.course.id)}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.user.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ROLE_LABELS[r.role]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.course.title}</Text>
                    </Table.Td>
                    <Table.Td>
                      <TrainingStatusBadge status={r.status} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <NextDue status={r.status} nextDueOn={r.nextDueOn} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </Stack>
  );
}
