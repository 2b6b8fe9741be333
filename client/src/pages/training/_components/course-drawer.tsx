import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Anchor, Badge, Button, Divider, Drawer, Group, Menu, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconArchiveOff, IconBook, IconCheck, IconDots, IconExternalLink, IconPaperclip, IconPencil, IconTrash, IconUserPlus, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { formatDate } from '../../../components/relative-time';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { ROLE_LABELS } from '../../../organization/roles';
import {
  TRAINING_COURSE_QUERY,
  isCourseDetail,
  useArchiveCourse,
  useDeleteTrainingRecord,
  useUnassignCourse,
  type CourseAssignmentRow,
  type CourseDetail,
  type TrainingRecordRow,
} from '../training-operations';
import { durationLabel, isCurrent, refresherLabel } from '../training-words';
import { AssignCourseModal } from './assign-course-modal';
import { CourseFormModal } from './course-form-modal';
import { RecordCompletionModal } from './record-completion-modal';
import { CoverageBar, NextDue, TrainingStatusBadge } from './training-badges';

type PeopleFilter = 'missing' | 'current' | 'all';

/** A course in a side panel over the page (`?course=<id>`): material, assignments, each person's status, the records. */
export function CourseDrawer() {
  const { value: courseId, close } = usePanelParam('course');
  const { data, error, refetch } = useQuery(TRAINING_COURSE_QUERY, { variables: { id: courseId ?? '' }, skip: !courseId, fetchPolicy: 'cache-and-network' });
  const node = data?.node;
  const course = isCourseDetail(node) ? node : null;
  const missing = !!data && !course;
  return (
    <Drawer
      opened={!!courseId}
      onClose={close}
      position="right"
      size={880}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {course?.title ?? (missing ? 'Course not found' : 'Course')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close course' }}
    >
      {error && !data ? (
        <ErrorState error={error} title="This course could not be loaded" onRetry={() => refetch()} />
      ) : missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title="This course is not available">
          It does not exist, or you may not see it.
        </Alert>
      ) : !course ? (
        <SkeletonRows rows={6} height={40} />
      ) : (
        <CoursePanel
          key={course.id}
          course={course}
          onReload={async () => {
            const result = await refetch();
            const latest = result.data?.node;
            return isCourseDetail(latest) ? latest : null;
          }}
        />
      )}
    </Drawer>
  );
}

function CoursePanel({ course, onReload }: { course: CourseDetail; onReload: () => Promise<CourseDetail | null> }) {
  const { organization } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const [editing, edit] = useDisclosure(false);
  const [assigning, assign] = useDisclosure(false);
  const [recording, setRecording] = useState<{ mode: 'self' | 'other'; userId: string | null } | null>(null);
  const [archive, { loading: archiving }] = useArchiveCourse();
  const [unassign] = useUnassignCourse();
  const manage = course.viewerCanManage;
  const filterParam = params.get('people');
  const filter: PeopleFilter = filterParam === 'current' || filterParam === 'all' ? filterParam : 'missing';
  const people = useMemo(() => course.assignments ?? [], [course.assignments]);
  const shown = useMemo(
    () => people.filter((a) => (filter === 'all' ? true : filter === 'current' ? isCurrent(a.status) : !isCurrent(a.status))),
    [people, filter],
  );
  const duration = durationLabel(course.durationMinutes);
  const own = course.viewerAssignment;

  const setFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'missing') next.delete('people');
    else next.set('people', value);
    setParams(next, { replace: true });
  };

  const toggleArchive = async () => {
    try {
      await archive({ variables: { input: { id: course.id, archived: !course.archived } } });
      notifications.show({
        color: 'teal',
        title: course.archived ? 'Course restored' : 'Course archived',
        message: course.archived ? `“${course.title}” is back in the programme.` : `“${course.title}” is no longer assigned, reminded or counted. Its records stay.`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: readApiError(error).message });
    }
  };

  const removeRole = async (role: CourseDetail['roleAssignments'][number]['role']) => {
    try {
      await unassign({ variables: { input: { courseId: course.id, roles: [role] } } });
      notifications.show({ color: 'teal', title: 'Role unassigned', message: `${ROLE_LABELS[role]} no longer get “${course.title}”; people named individually keep it.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: readApiError(error).message });
    }
  };

  const removePerson = async (assignment: CourseAssignmentRow) => {
    try {
      await unassign({ variables: { input: { courseId: course.id, userIds: [assignment.user.id] } } });
      notifications.show({ color: 'teal', title: 'Person unassigned', message: `${assignment.user.name} no longer has “${course.title}” assigned by name.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: readApiError(error).message });
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="indigo">
            {refresherLabel(course.refresherMonths)}
          </Badge>
          {duration ? (
            <Badge variant="light" color="gray">
              {duration}
            </Badge>
          ) : null}
          {course.passScore !== null ? (
            <Badge variant="light" color="gray">
              Pass mark {course.passScore}
            </Badge>
          ) : null}
          {course.archived ? (
            <Badge variant="outline" color="gray">
              Archived
            </Badge>
          ) : null}
        </Group>
        {manage ? (
          <Group gap="xs" wrap="nowrap">
            {!course.archived ? (
              <>
                <Button size="xs" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={assign.open}>
                  Assign
                </Button>
                <Button size="xs" variant="default" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setRecording({ mode: 'other', userId: null })}>
                  Record completion
                </Button>
              </>
            ) : null}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="md" aria-label="More actions">
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={edit.open}>
                  Edit details
                </Menu.Item>
                <Menu.Item leftSection={course.archived ? <IconArchiveOff size={14} /> : <IconArchive size={14} />} onClick={() => void toggleArchive()} disabled={archiving}>
                  {course.archived ? 'Restore' : 'Archive'}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        ) : null}
      </Group>

      {course.description ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {course.description}
        </Text>
      ) : null}

      {course.materialDocument || course.materialUrl ? (
        <Group gap="lg">
          {course.materialDocument ? (
            <Anchor component={Link} to={`/o/${organization.id}/documents/${course.materialDocument.id}`} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconBook size={16} aria-hidden />
                {course.materialDocument.title}
              </Group>
            </Anchor>
          ) : null}
          {course.materialUrl ? (
            <Anchor href={course.materialUrl} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4} wrap="nowrap">
                <IconExternalLink size={16} aria-hidden />
                Open the course material
              </Group>
            </Anchor>
          ) : null}
        </Group>
      ) : null}

      {own ? (
        <Paper withBorder p="sm" bg={isCurrent(own.status) ? undefined : 'yellow.0'}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm">
              <Text size="sm" fw={600}>
                You
              </Text>
              <TrainingStatusBadge status={own.status} />
              <NextDue status={own.status} nextDueOn={own.nextDueOn} />
            </Group>
            {!isCurrent(own.status) || own.status === 'EXPIRING_SOON' ? (
              <Button size="xs" variant="light" onClick={() => setRecording({ mode: 'self', userId: null })} disabled={course.archived}>
                {own.status === 'EXPIRED' || own.status === 'EXPIRING_SOON' ? 'Record the refresher' : 'Mark as completed'}
              </Button>
            ) : null}
          </Group>
        </Paper>
      ) : null}

      <Stack gap="xs">
        <Title order={3} fz={15}>
          Assigned to
        </Title>
        {course.roleAssignments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {people.some((p) => p.direct) ? 'No role; people named individually only.' : 'Nobody yet. Assign it to the roles that need it; newcomers to those roles will get it too.'}
          </Text>
        ) : (
          <Group gap="xs">
            {course.roleAssignments.map((r) => (
              <Badge
                key={r.role}
                size="lg"
                variant="light"
                color="indigo"
                rightSection={
                  manage ? (
                    <ActionIcon size="xs" variant="transparent" color="indigo" aria-label={`Unassign ${ROLE_LABELS[r.role]}`} onClick={() => void removeRole(r.role)}>
                      <IconX size={12} />
                    </ActionIcon>
                  ) : null
                }
              >
                {ROLE_LABELS[r.role]} · due {formatDate(r.dueDate)}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>

      {course.coverage ? (
        <Paper withBorder p="md">
          <CoverageBar counts={course.coverage} label={course.title} />
        </Paper>
      ) : null}

      {course.assignments ? (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} fz={15}>
              People
            </Title>
            <SegmentedControl
              size="xs"
              aria-label="Show people"
              value={filter}
              onChange={setFilter}
              data={[
                { value: 'missing', label: `Not current (${people.filter((p) => !isCurrent(p.status)).length})` },
                { value: 'current', label: `Current (${people.filter((p) => isCurrent(p.status)).length})` },
                { value: 'all', label: `All (${people.length})` },
              ]}
            />
          </Group>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              {filter === 'missing' ? (people.length ? 'Everyone it is assigned to is current.' : 'Nobody is assigned yet.') : 'Nobody here.'}
            </Text>
          ) : (
            <Table verticalSpacing={6} striped="even" aria-label="People assigned">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Last completed</Table.Th>
                  {manage ? <Table.Th w={110} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((a) => (
                  <Table.Tr key={a.id} data-person={a.user.name}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {a.user.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {ROLE_LABELS[a.role]}
                        {a.direct ? ' · named' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TrainingStatusBadge status={a.status} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <NextDue status={a.status} nextDueOn={a.nextDueOn} />
                    </Table.Td>
                    <Table.Td>
                      {a.completedOn ? (
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{formatDate(a.completedOn)}</Text>
                          {a.latestRecord?.score !== null && a.latestRecord?.score !== undefined ? (
                            <Text size="xs" c="dimmed">
                              score {a.latestRecord.score}
                            </Text>
                          ) : null}
                          {a.latestRecord?.evidenceFilename ? (
                            <Tooltip label={`Evidence: ${a.latestRecord.evidenceFilename}`}>
                              <IconPaperclip size={14} aria-label={`Evidence: ${a.latestRecord.evidenceFilename}`} />
                            </Tooltip>
                          ) : a.latestRecord?.attested ? (
                            <Text size="xs" c="dimmed">
                              own word
                            </Text>
                          ) : null}
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Never
                        </Text>
                      )}
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {!course.archived && !isCurrent(a.status) ? (
                            <Tooltip label={`Record ${a.user.name}’s completion`}>
                              <ActionIcon variant="light" color="teal" aria-label={`Record ${a.user.name}’s completion`} onClick={() => setRecording({ mode: 'other', userId: a.user.id })}>
                                <IconCheck size={16} />
                              </ActionIcon>
                            </Tooltip>
                          ) : null}
                          {a.direct ? (
                            <Tooltip label={`Unassign ${a.user.name}`}>
                              <ActionIcon variant="subtle" color="gray" aria-label={`Unassign ${a.user.name}`} onClick={() => void removePerson(a)}>
                                <IconX size={16} />
                              </ActionIcon>
                            </Tooltip>
                          ) : null}
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ) : null}

      {course.records && course.records.length > 0 ? (
        <>
          <Divider />
          <RecordHistory records={course.records} manage={manage} />
        </>
      ) : null}

      {manage ? (
        <>
          <CourseFormModal opened={editing} onClose={edit.close} course={course} onReload={onReload} />
          <AssignCourseModal opened={assigning} onClose={assign.close} courseId={course.id} title={course.title} />
        </>
      ) : null}
      {recording ? (
        <RecordCompletionModal
          opened
          onClose={() => setRecording(null)}
          course={course}
          mode={recording.mode}
          userId={recording.userId}
          assignedUserIds={people.map((p) => p.user.id)}
        />
      ) : null}
    </Stack>
  );
}

/** Every completion recorded for the course, newest first: the evidence an auditor samples. */
function RecordHistory({ records, manage }: { records: TrainingRecordRow[]; manage: boolean }) {
  const [remove] = useDeleteTrainingRecord();
  const [all, setAll] = useState(false);
  const shown = all ? records : records.slice(0, 8);
  const del = async (record: TrainingRecordRow) => {
    try {
      await remove({ variables: { input: { id: record.id } } });
      notifications.show({ color: 'teal', title: 'Record removed', message: `${record.user.name}’s completion of ${formatDate(record.completedOn)} is removed; the audit trail keeps a trace.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not removed', message: readApiError(error).message });
    }
  };
  return (
    <Stack gap="xs">
      <Title order={3} fz={15}>
        Completion records
      </Title>
      <Table verticalSpacing={6} aria-label="Completion records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Completed</Table.Th>
            <Table.Th>Person</Table.Th>
            <Table.Th>Proof</Table.Th>
            <Table.Th>Expires</Table.Th>
            {manage ? <Table.Th w={40} /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text size="sm">{formatDate(r.completedOn)}</Text>
                {r.score !== null ? (
                  <Text size="xs" c="dimmed">
                    Score {r.score}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.user.name}</Text>
                <Text size="xs" c="dimmed">
                  {r.selfRecorded ? 'recorded themself' : `recorded by ${r.recordedBy?.name ?? 'someone'}`}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.evidence?.file ? (
                  <Anchor href={r.evidence.file.url} size="sm">
                    <Group gap={4} wrap="nowrap">
                      <IconPaperclip size={14} aria-hidden />
                      {r.evidenceFilename ?? 'Evidence'}
                    </Group>
                  </Anchor>
                ) : r.evidenceFilename ? (
                  <Text size="sm">{r.evidenceFilename}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {r.attested ? '“I completed this”' : 'No file attached'}
                  </Text>
                )}
                {r.note ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {r.note}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {r.expiresOn ? (
                  <Text size="sm" c={r.expired ? 'red.8' : undefined} fw={r.expired ? 600 : undefined}>
                    {r.expired ? 'Expired ' : ''}
                    {formatDate(r.expiresOn)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    Never
                  </Text>
                )}
              </Table.Td>
              {manage ? (
                <Table.Td>
                  <Tooltip label="Remove this record (recorded by mistake)">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${r.user.name}’s record of ${formatDate(r.completedOn)}`} onClick={() => void del(r)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {records.length > 8 ? (
        <Button variant="subtle" size="xs" onClick={() => setAll((v) => !v)} style={{ alignSelf: 'flex-start' }}>
          {all ? 'Show fewer' : `Show all ${records.length}`}
        </Button>
      ) : null}
    </Stack>
  );
}
