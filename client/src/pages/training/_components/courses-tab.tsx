import { useQuery } from '@apollo/client/react';
import { Badge, Button, Center, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconBook, IconCalendarDue, IconLink, IconPlus, IconSchool, IconSearch, IconUsers, type Icon } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ROLE_LABELS, ROLES } from '../../../organization/roles';
import { TRAINING_COURSES_QUERY, type CourseRow } from '../training-operations';
import { coverageColor, durationLabel, refresherLabel } from '../training-words';
import { CoverageBar } from './training-badges';

/** The programme: every course with its coverage bar; a click opens the course over the list. */
export function CoursesTab({ onOpen, onCreate }: { onOpen(id: string): void; onCreate(): void }) {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === '1';
  const search = params.get('q') ?? '';
  const { data, error, refetch } = useQuery(TRAINING_COURSES_QUERY, { variables: { id: organization.id, includeArchived: archived }, fetchPolicy: 'cache-and-network' });
  const courses = data?.organization?.courses ?? null;

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    return (courses ?? []).filter((c) => !words || c.title.toLowerCase().includes(words) || c.description.toLowerCase().includes(words));
  }, [courses, search]);

  const totals = useMemo(() => {
    const active = (courses ?? []).filter((c) => !c.archived);
    const sum = (key: 'assigned' | 'current' | 'overdue' | 'dueSoon') => active.reduce((n, c) => n + (c.coverage?.[key] ?? 0), 0);
    const assigned = sum('assigned');
    const current = sum('current');
    return { courses: active.length, assigned, current, overdue: sum('overdue'), dueSoon: sum('dueSoon'), percent: assigned ? (current === assigned ? 100 : Math.min(99, Math.round((current / assigned) * 100))) : null };
  }, [courses]);

  if (error && !data) return <ErrorState error={error} title="The courses could not be loaded" onRetry={() => refetch()} />;
  if (!courses) return <SkeletonRows rows={5} height={64} />;

  if (!courses.length && !archived) {
    return (
      <Center mih={300}>
        <Stack align="center" gap="xs" maw={520} ta="center">
          <IconSchool size={40} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={2} fz={18}>
            No course in the programme yet
          </Title>
          <Text size="sm" c="dimmed">
            ISO/IEC 27001 asks that people are competent for their role (clause 7.2) and aware of the policy and their part in it (clause 7.3). Start with a security awareness course for everyone with a yearly refresher; add
            role courses such as secure development later. Auditors will ask for the records.
          </Text>
          {can('training:manage') ? (
            <Button mt="sm" leftSection={<IconPlus size={18} aria-hidden />} onClick={onCreate}>
              Add the first course
            </Button>
          ) : null}
        </Stack>
      </Center>
    );
  }

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <Stat icon={IconUsers} color={coverageColor(totals.percent)} label={`current (${totals.current} of ${totals.assigned} assignments)`} value={totals.percent === null ? '—' : `${totals.percent}%`} />
        <Stat icon={IconAlertTriangle} color="red" label="overdue or expired" value={String(totals.overdue)} alert={totals.overdue > 0} />
        <Stat icon={IconCalendarDue} color="yellow" label="due within 14 days" value={String(totals.dueSoon)} />
        <Stat icon={IconSchool} color="indigo" label={totals.courses === 1 ? 'active course' : 'active courses'} value={String(totals.courses)} />
      </SimpleGrid>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <TextInput
          aria-label="Search courses"
          placeholder="Search courses"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => set('q', e.currentTarget.value || null)}
          w={280}
        />
        <Switch label="Show archived courses" checked={archived} onChange={(e) => set('archived', e.currentTarget.checked ? '1' : null)} />
      </Group>
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Course</Table.Th>
              <Table.Th w={260}>Assigned to</Table.Th>
              <Table.Th w={280}>Coverage</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    No course matches “{search}”.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              shown.map((course) => <CourseLine key={course.id} course={course} onOpen={onOpen} />)
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function CourseLine({ course, onOpen }: { course: CourseRow; onOpen(id: string): void }) {
  const flash = useLiveHighlightClass(course.id);
  const roles = [...course.roleAssignments].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  const named = (course.coverage?.assigned ?? 0) > 0 && roles.length === 0;
  const duration = durationLabel(course.durationMinutes);
  return (
    <Table.Tr className={flash} style={{ cursor: 'pointer', opacity: course.archived ? 0.65 : 1 }} onClick={() => onOpen(course.id)} data-course-id={course.id}>
      <Table.Td>
        <UnstyledButton
          onClick={(e) => {
            e.stopPropagation();
            onOpen(course.id);
          }}
          aria-label={`Open ${course.title}`}
        >
          <Group gap={6} wrap="nowrap">
            <Text fw={600}>{course.title}</Text>
            {course.archived ? (
              <Badge color="gray" variant="outline" size="sm">
                Archived
              </Badge>
            ) : null}
          </Group>
        </UnstyledButton>
        <Group gap={6} mt={2} wrap="wrap">
          <Text size="xs" c="dimmed">
            {refresherLabel(course.refresherMonths)}
            {duration ? ` · ${duration}` : ''}
            {course.passScore !== null ? ` · pass mark ${course.passScore}` : ''}
          </Text>
          {course.materialDocument ? <IconBook size={14} aria-label="Material in Documents" color="var(--mantine-color-dimmed)" /> : null}
          {course.materialUrl ? <IconLink size={14} aria-label="Material online" color="var(--mantine-color-dimmed)" /> : null}
        </Group>
      </Table.Td>
      <Table.Td>
        {roles.length ? (
          <Group gap={4}>
            {roles.map((r) => (
              <Badge key={r.role} variant="light" color="indigo" size="sm">
                {ROLE_LABELS[r.role]}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {named ? 'People named individually' : 'Nobody yet'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{course.coverage ? <CoverageBar counts={course.coverage} label={course.title} size="sm" /> : null}</Table.Td>
    </Table.Tr>
  );
}

export function Stat({ icon: StatIcon, color, label, value, alert = false }: { icon: Icon; color: string; label: string; value: string; alert?: boolean }) {
  return (
    <Paper withBorder p="md" bg={alert ? 'red.0' : undefined} style={alert ? { borderColor: 'var(--mantine-color-red-3)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text fz={28} fw={700} lh={1.1} c={alert ? 'red.8' : undefined}>
            {value}
          </Text>
          <Text size="sm" c={alert ? 'red.9' : 'dimmed'}>
            {label}
          </Text>
        </Stack>
        <ThemeIcon variant="light" color={color} radius="xl" aria-hidden>
          <StatIcon size={16} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}
