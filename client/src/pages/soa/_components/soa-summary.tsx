import { Anchor, Badge, Button, Card, Group, Menu, RingProgress, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChevronDown, IconClock, IconDownload } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { soaExportHref, type SoaVersionRow } from '../soa-operations';

export interface SoaCounts {
  total: number;
  applicable: number;
  excluded: number;
  undecided: number;
  incomplete: number;
}

interface SoaSummaryProps {
  counts: SoaCounts;
  latest: SoaVersionRow | null;
  lastApproved: SoaVersionRow | null;
  /** Changes in the draft since the latest issued version; null before the first. */
  draftChanges: number | null;
  onCompareDraft(): void;
  onShowIncomplete(): void;
}

/** Where the SoA stands: the version and its approval, how far the draft moved, and what is left to decide. */
export function SoaSummary({ counts, latest, lastApproved, draftChanges, onCompareDraft, onShowIncomplete }: SoaSummaryProps) {
  const decided = counts.total - counts.incomplete;
  const approvedLatest = !!latest?.approval;
  const pending = latest?.approvalRequests.find((r) => r.status === 'PENDING');
  const approvers = latest?.approval?.decisions.filter((d) => d.decision === 'APPROVE').map((d) => d.approver.name) ?? [];

  return (
    <Card>
      <Group justify="space-between" wrap="wrap" gap="xl" align="center">
        <Stack gap={6} style={{ flex: '1 1 420px' }}>
          {latest ? (
            <>
              <Group gap="xs" wrap="wrap">
                <Text fz={20} fw={700}>
                  Version {latest.number}
                </Text>
                {approvedLatest ? (
                  <Badge color="teal" size="lg" leftSection={<IconCheck size={14} aria-hidden />}>
                    Approved
                  </Badge>
                ) : pending ? (
                  <Badge color="yellow" size="lg" leftSection={<IconClock size={14} aria-hidden />}>
                    Awaiting approval
                  </Badge>
                ) : (
                  <Badge color="orange" size="lg" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
                    Not approved
                  </Badge>
                )}
                {draftChanges ? (
                  <Text size="sm" c="orange.9" fw={600}>
                    · draft changed since
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    · the draft matches it
                  </Text>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                Issued {dayjs(latest.issuedAt).format('D MMM YYYY')} by {latest.issuedBy.name}
                {approvedLatest ? ` · approved by ${approvers.join(', ')}${latest.approval?.closedAt ? ` on ${dayjs(latest.approval.closedAt).format('D MMM YYYY')}` : ''}` : ''}
                {pending ? ` · waiting for ${pending.approvers.map((a) => a.name).join(', ')}` : ''}
              </Text>
              {!approvedLatest && lastApproved ? (
                <Text size="sm">
                  Version {lastApproved.number} is the latest approved version{lastApproved.approval?.closedAt ? ` (${dayjs(lastApproved.approval.closedAt).format('D MMM YYYY')})` : ''}.
                </Text>
              ) : null}
              {!approvedLatest && !lastApproved ? <Text size="sm">No version is approved yet: management approves an issued version.</Text> : null}
              {draftChanges ? (
                <Text size="sm">
                  The draft has {draftChanges} {draftChanges === 1 ? 'change' : 'changes'} since version {latest.number}.{' '}
                  <Anchor component="button" type="button" size="sm" onClick={onCompareDraft}>
                    See what changed
                  </Anchor>
                </Text>
              ) : null}
            </>
          ) : (
            <>
              <Group gap="xs">
                <Text fz={20} fw={700}>
                  Draft
                </Text>
                <Badge color="gray" size="lg">
                  Never issued
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                Decide and justify every control, then issue version 1 for management’s approval.
              </Text>
            </>
          )}
        </Stack>

        <Group gap="lg" wrap="nowrap">
          <div role="img" aria-label={`${decided} of ${counts.total} controls decided and justified`}>
            <RingProgress
              size={96}
              thickness={10}
              sections={[
                { value: (counts.applicable / counts.total) * 100, color: 'indigo.6', tooltip: `${counts.applicable} applicable` },
                { value: (counts.excluded / counts.total) * 100, color: 'gray.5', tooltip: `${counts.excluded} excluded` },
              ]}
              label={
                <Text ta="center" fw={700} size="sm" lh={1.1}>
                  {decided}/{counts.total}
                  <Text span size="xs" c="dimmed" display="block" fw={400}>
                    decided
                  </Text>
                </Text>
              }
            />
          </div>
          <Stack gap={4}>
            <Count value={counts.applicable} label="applicable" color="indigo.8" />
            <Count value={counts.excluded} label="excluded" />
            {counts.incomplete ? (
              <Tooltip label={counts.undecided ? `${counts.undecided} undecided, ${counts.incomplete - counts.undecided} without a justification` : 'Decided but without a justification'}>
                <Anchor component="button" type="button" onClick={onShowIncomplete} underline="hover">
                  <Count value={counts.incomplete} label="incomplete" color="orange.9" />
                </Anchor>
              </Tooltip>
            ) : (
              <Count value={0} label="incomplete" color="teal.8" />
            )}
          </Stack>
        </Group>
      </Group>
    </Card>
  );
}

function Count({ value, label, color }: { value: number; label: string; color?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text fw={700} c={color} w={26} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

/** CSV, XLSX or PDF, of the current draft or of the approved version. */
export function SoaExportMenu({ lastApproved }: { lastApproved: SoaVersionRow | null }) {
  const { organization } = useCurrentOrganization();
  const formats = [
    { format: 'pdf', label: 'PDF' },
    { format: 'xlsx', label: 'Excel (XLSX)' },
    { format: 'csv', label: 'CSV' },
  ] as const;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{lastApproved ? `Approved version (${lastApproved.number})` : 'Approved version (none yet)'}</Menu.Label>
        {lastApproved ? (
          formats.map(({ format, label }) => (
            <Menu.Item key={`approved-${format}`} component="a" href={soaExportHref(organization.id, format, 'approved')} download leftSection={<IconDownload size={14} aria-hidden />}>
              {label}
            </Menu.Item>
          ))
        ) : (
          <Menu.Item disabled>Approve a version first</Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Label>Current draft (not approved)</Menu.Label>
        {formats.map(({ format, label }) => (
          <Menu.Item key={`current-${format}`} component="a" href={soaExportHref(organization.id, format, 'current')} download leftSection={<IconDownload size={14} aria-hidden />}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
