import { useQuery } from '@apollo/client/react';
import { Badge, Button, Center, Grid, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconCalendarMonth, IconClipboardSearch, IconList, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { AuditCalendar } from './_components/overview/audit-calendar';
import { AuditFormModal } from './_components/overview/audit-form-modal';
import { AuditList } from './_components/overview/audit-list';
import { AuditProgrammeCard } from './_components/overview/audit-programme-card';
import { AUDITS_PAGE_QUERY, AUDIT_PROGRAMME_QUERY } from './audit-operations';
import { AUDIT_KINDS, AUDIT_KIND_LABELS, AUDIT_STATUSES, AUDIT_STATUS_LABELS, isAuditKind, isAuditStatus } from './audit-words';

type View = 'list' | 'calendar';

const KIND_OPTIONS = AUDIT_KINDS.map((k) => ({ value: k, label: AUDIT_KIND_LABELS[k] }));
const STATUS_OPTIONS = AUDIT_STATUSES.map((s) => ({ value: s, label: AUDIT_STATUS_LABELS[s] }));

/** Internal audits and the certification body's visits: what is coming, what is running, what is done. */
export function AuditsPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const [planning, setPlanning] = useState(false);
  const manage = can('audit:manage');
  const auditor = organization.viewerRole === 'AUDITOR';

  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? '';
  const view: View = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : dayjs().format('YYYY-MM');
  const filter = useMemo(() => ({ ...(isAuditKind(kind) ? { kind } : {}), ...(isAuditStatus(status) ? { status } : {}) }), [kind, status]);
  const filtered = Object.keys(filter).length > 0;

  const audits = useQuery(AUDITS_PAGE_QUERY, { variables: { id: organization.id, filter }, fetchPolicy: 'cache-and-network' });
  const programme = useQuery(AUDIT_PROGRAMME_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network', skip: auditor });
  // Evidence requests and findings change the counts too; AuditsPage alone is refetched for audit changes.
  useLiveTopic('audits', () => {
    void audits.refetch();
    if (!auditor) void programme.refetch();
  });

  /** Months move from the month in the address at the moment of the click (two quick clicks move two months). */
  const shiftMonth = (delta: number) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const from = /^\d{4}-\d{2}$/.test(current.get('month') ?? '') ? current.get('month')! : dayjs().format('YYYY-MM');
        next.set('month', dayjs(`${from}-01`).add(delta, 'month').format('YYYY-MM'));
        return next;
      },
      { replace: true },
    );

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const rows = audits.data?.organization?.audits?.edges.map((e) => e.node) ?? null;
  const programmeRows = programme.data?.organization?.auditProgramme ?? null;

  let body;
  if (audits.error && !audits.data) {
    body = <ErrorState error={audits.error} title="The audits could not be loaded" onRetry={() => audits.refetch()} />;
  } else if (!rows) {
    body = <SkeletonRows rows={4} height={110} />;
  } else if (!rows.length && filtered) {
    body = (
      <Center mih={200}>
        <Stack align="center" gap="xs" ta="center">
          <Text fw={600}>No audit matches these filters</Text>
          <Button variant="default" size="sm" onClick={() => setParams(new URLSearchParams(view === 'calendar' ? { view } : {}), { replace: true })}>
            Clear the filters
          </Button>
        </Stack>
      </Center>
    );
  } else if (!rows.length) {
    body = (
      <Center mih={280}>
        <Stack align="center" gap="xs" maw={480} ta="center">
          <IconClipboardSearch size={40} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={2} fz={18}>
            {auditor ? 'You are not on any audit yet' : 'No audit planned yet'}
          </Title>
          <Text size="sm" c="dimmed">
            {auditor
              ? `As an auditor you see the audits of ${organization.name} that you lead or are on. When the ISMS manager puts you on an audit team, it appears here with its agenda, checklist and evidence requests.`
              : 'Before certification, run an internal audit of every clause (9.2). Then the certification body audits in two stages: the documentation (stage 1) and its implementation (stage 2).'}
          </Text>
          {manage ? (
            <Button mt="sm" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setPlanning(true)}>
              Plan an audit
            </Button>
          ) : null}
        </Stack>
      </Center>
    );
  } else if (view === 'calendar') {
    body = <AuditCalendar audits={rows} month={month} onMonth={(next) => set('month', next)} onShift={shiftMonth} />;
  } else {
    body = <AuditList audits={rows} />;
  }

  const main = (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Select
            label="Kind"
            placeholder="All kinds"
            data={KIND_OPTIONS}
            value={isAuditKind(kind) ? kind : null}
            onChange={(v) => set('kind', v)}
            clearable
            w={200}
            size="sm"
          />
          <Select
            label="Status"
            placeholder="All statuses"
            data={STATUS_OPTIONS}
            value={isAuditStatus(status) ? status : null}
            onChange={(v) => set('status', v)}
            clearable
            w={180}
            size="sm"
          />
        </Group>
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(v) => set('view', v === 'calendar' ? 'calendar' : null)}
          data={[
            {
              value: 'list',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconList size={16} aria-hidden />
                  <span>List</span>
                </Group>
              ),
            },
            {
              value: 'calendar',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconCalendarMonth size={16} aria-hidden />
                  <span>Calendar</span>
                </Group>
              ),
            },
          ]}
          style={{ alignSelf: 'flex-end' }}
        />
      </Group>
      {body}
    </Stack>
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Steps 4–5 · Audits
          </Badge>
        }
        title="Audits"
        description={
          auditor
            ? 'The audits you lead or are on: their agenda, checklist, evidence requests and findings.'
            : 'Internal audits and the certification body’s stage 1, stage 2 and surveillance visits: plan them, run them, follow up on findings.'
        }
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setPlanning(true)}>
              Plan an audit
            </Button>
          ) : null
        }
      />
      {auditor ? (
        main
      ) : (
        <Grid gap="lg">
          {/* The calendar needs the width for its days; the programme goes below it then. */}
          <Grid.Col span={{ base: 12, lg: view === 'calendar' ? 12 : 8 }}>{main}</Grid.Col>
          <Grid.Col span={{ base: 12, lg: view === 'calendar' ? 6 : 4 }}>
            <AuditProgrammeCard rows={programmeRows} loading={programme.loading} />
          </Grid.Col>
        </Grid>
      )}
      {manage ? <AuditFormModal opened={planning} onClose={() => setPlanning(false)} /> : null}
    </>
  );
}
