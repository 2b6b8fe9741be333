import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconExternalLink, IconLink, IconLock, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { DueDate } from '../../../components/due-date';
import { SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { usePanelParam } from '../../../components/use-panel-param';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { TASK_STATUS_COLORS, TASK_STATUS_LABELS, isOpenStatus } from '../../tasks/task-words';
import type { CatalogEntry, GapItemRow } from '../gap-operations';
import { ATTRIBUTE_FAMILIES, THEME_LABELS, attributeWords, isGap, maturityLabel } from '../gap-words';
import { GapAssessmentForm, isLink } from './gap-assessment-form';
import { GapStatusBadge } from './gap-badges';

interface GapDrawerProps {
  /** All items, or null while they load. */
  items: GapItemRow[] | null;
  catalog: Map<string, CatalogEntry>;
  onPlan(refs: string[]): void;
}

/** One item of the gap analysis in a side panel over the table (`?item=<ref>`). */
export function GapDrawer({ items, catalog, onPlan }: GapDrawerProps) {
  const { value: ref, close } = usePanelParam('item');
  const item = ref && items ? (items.find((i) => i.ref === ref) ?? null) : null;
  const missing = !!ref && !!items && !item;

  return (
    <Drawer
      opened={!!ref}
      onClose={close}
      position="right"
      size={680}
      padding="lg"
      title={
        <Group gap="xs" wrap="nowrap" align="baseline">
          {item ? (
            <Text fw={700} fz={18} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {item.ref}
            </Text>
          ) : null}
          <Text fw={650} fz={18} lineClamp={2}>
            {item?.title ?? (missing ? 'Not a requirement' : 'Requirement')}
          </Text>
        </Group>
      }
      closeButtonProps={{ 'aria-label': 'Close assessment' }}
    >
      {missing ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title={`${ref} is not in the gap analysis`}>
          The link names no clause (4.1 to 10.2) or Annex A control (A.5.1 to A.8.34) of ISO/IEC 27001:2022.
        </Alert>
      ) : !item ? (
        <SkeletonRows rows={6} height={40} />
      ) : (
        <GapPanel key={item.ref} item={item} entry={catalog.get(item.ref)} parent={catalog.get(catalog.get(item.ref)?.parent ?? '')} onPlan={onPlan} />
      )}
    </Drawer>
  );
}

function GapPanel({ item, entry, parent, onPlan }: { item: GapItemRow; entry: CatalogEntry | undefined; parent: CatalogEntry | undefined; onPlan(refs: string[]): void }) {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const flash = useLiveHighlightClass(item.id);
  const canEdit = can('gap:updateAny') || (can('gap:update') && item.owner?.id === viewer.id);
  const canPlan = can('gap:plan') && isGap(item.status);
  const attributes = entry?.attributes;

  return (
    <Stack gap="lg">
      <Stack gap="xs" className={flash} style={{ borderRadius: 8 }}>
        <Group gap="xs">
          <GapStatusBadge status={item.status} size="lg" />
          {item.kind === 'CONTROL' && item.theme ? (
            <Badge color="gray" variant="outline" size="lg">
              {THEME_LABELS[item.theme]}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline" size="lg">
              Clause {item.ref.split('.')[0]}
            </Badge>
          )}
          {item.score !== null ? (
            <Tooltip label="How far towards the requirement, 0–100: implemented counts fully, partial by its maturity.">
              <Badge color="indigo" variant="light" size="lg">
                Score {item.score}
              </Badge>
            </Tooltip>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {item.lastAssessedAt ? (
            <>
              Last assessed <RelativeTime value={item.lastAssessedAt} size="xs" c="dimmed" />
            </>
          ) : (
            'Not assessed yet'
          )}
          {item.owner ? ` · owned by ${item.owner.name}` : ' · nobody owns it yet'}
          {item.maturity !== null ? ` · maturity ${maturityLabel(item.maturity)}` : ''}
        </Text>
        {parent ? (
          <Text size="sm" c="dimmed">
            Part of {parent.ref} {parent.title}
          </Text>
        ) : null}
        {entry ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {entry.summary}
          </Text>
        ) : null}
        {attributes ? (
          <Stack gap={6} mt={4} aria-label="ISO/IEC 27002 attributes">
            {ATTRIBUTE_FAMILIES.map((family) => {
              const values = attributes[family.key] ?? [];
              if (!values.length) return null;
              return (
                <Group key={family.key} gap={6} wrap="wrap">
                  <Text size="xs" c="dimmed" w={150}>
                    {family.label}
                  </Text>
                  {values.map((value) => (
                    <Badge key={value} size="sm" color={family.color} variant="light">
                      {attributeWords(value)}
                    </Badge>
                  ))}
                </Group>
              );
            })}
          </Stack>
        ) : null}
      </Stack>

      <Divider />
      {canEdit ? (
        <GapAssessmentForm item={item} canReassign={can('gap:updateAny')} />
      ) : (
        <GapReadOnly item={item} editable={can('gap:update')} />
      )}

      <Divider />
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} fz={16}>
            Linked tasks
          </Title>
          {canPlan ? (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onPlan([item.ref])}>
              Plan this gap
            </Button>
          ) : null}
        </Group>
        {item.tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {isGap(item.status)
              ? 'No task closes this gap yet. Plan it to give someone the work and a deadline.'
              : 'No tasks: nothing is planned for this requirement.'}
          </Text>
        ) : (
          <Stack gap={6}>
            {item.tasks.map((task) => (
              <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm">
                <Group gap={6} wrap="nowrap" miw={0}>
                  <IconChecklist size={16} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                  <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${encodeURIComponent(task.id)}`} size="sm" lineClamp={1}>
                    {task.title}
                  </Anchor>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {task.assignee?.name ?? 'Unassigned'}
                  </Text>
                  <DueDate value={task.dueDate} overdue={task.overdue} finished={!isOpenStatus(task.status)} none="No due date" size="xs" />
                  <Badge size="sm" color={TASK_STATUS_COLORS[task.status]}>
                    {TASK_STATUS_LABELS[task.status]}
                  </Badge>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function GapReadOnly({ item, editable }: { item: GapItemRow; editable: boolean }) {
  return (
    <Stack gap="sm">
      <Alert variant="light" color="gray" icon={<IconLock size={16} />} p="xs">
        <Text size="sm">{editable ? 'You assess the items you own; the ISMS manager assesses this one.' : 'Your role reads the gap analysis; the owner of each item and ISMS managers assess it.'}</Text>
      </Alert>
      <ReadOnlyField label="Notes">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={item.notes ? undefined : 'dimmed'}>
          {item.notes || 'No notes.'}
        </Text>
      </ReadOnlyField>
      <ReadOnlyField label="Evidence">
        {item.evidenceLinks.length ? (
          <Stack gap={4}>
            {item.evidenceLinks.map((link) => (
              <Group key={link} gap={6} wrap="nowrap">
                <IconLink size={14} aria-hidden color="var(--mantine-color-dimmed)" />
                {isLink(link) ? (
                  <Anchor href={link} target="_blank" rel="noopener noreferrer" size="sm" lineClamp={1}>
                    {link} <IconExternalLink size={12} aria-label="(opens in a new tab)" />
                  </Anchor>
                ) : (
                  <Text size="sm">{link}</Text>
                )}
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No evidence linked.
          </Text>
        )}
      </ReadOnlyField>
    </Stack>
  );
}

function ReadOnlyField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
