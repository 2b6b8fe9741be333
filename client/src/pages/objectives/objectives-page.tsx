import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Center, Group, Select, SimpleGrid, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartLine, IconPlus, IconTarget } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { usePanelParam } from '../../components/use-panel-param';
import { useMemberOptions } from '../../organization/member-options';
import { useCurrentOrganization } from '../../organization/organization-context';
import { IndicatorFormModal } from './_components/indicator-form';
import { IndicatorsTable } from './_components/indicators-table';
import { NEW_OBJECTIVE, ObjectiveDrawer } from './_components/objective-drawer';
import { ObjectivesTable } from './_components/objectives-table';
import { OBJECTIVES_PAGE_QUERY, type IndicatorRow, type ObjectiveRow } from './objective-operations';
import { OBJECTIVE_STATUSES, OBJECTIVE_STATUS_LABELS, isObjectiveStatus } from './objective-words';

type Tab = 'objectives' | 'indicators';
const FLAGS = [
  { value: 'due', label: 'Measurement due' },
  { value: 'off', label: 'Off target' },
  { value: 'on', label: 'On target' },
] as const;

function matchesFlag(indicator: IndicatorRow, flag: string): boolean {
  if (flag === 'due') return indicator.measurementDue;
  if (flag === 'off') return indicator.onTarget === false;
  if (flag === 'on') return indicator.onTarget === true;
  return true;
}

/** Security objectives (clause 6.2) and the indicators that measure them (clause 9.1). */
export function ObjectivesPage() {
  const { organization, can } = useCurrentOrganization();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const panel = usePanelParam('objective');
  const [defining, { open: openDefine, close: closeDefine }] = useDisclosure(false);
  const { options: members } = useMemberOptions();
  const manage = can('objective:manage');

  const tab: Tab = params.get('tab') === 'indicators' ? 'indicators' : 'objectives';
  const status = params.get('status') ?? '';
  const owner = params.get('owner') ?? '';
  const flag = params.get('flag') ?? '';

  const { data, error, refetch } = useQuery(OBJECTIVES_PAGE_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const objectives = data?.organization?.objectives ?? null;
  const indicators = data?.organization?.indicators ?? null;

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const shownObjectives = useMemo(
    () => (objectives ?? []).filter((o) => (!isObjectiveStatus(status) || o.status === status) && (!owner || o.owner?.id === owner)),
    [objectives, status, owner],
  );
  const shownIndicators = useMemo(() => (indicators ?? []).filter((i) => matchesFlag(i, flag) && (!owner || i.owner?.id === owner)), [indicators, flag, owner]);
  const ownerOptions = useMemo(() => {
    const ids = new Set([...(objectives ?? []).map((o) => o.owner?.id), ...(indicators ?? []).map((i) => i.owner?.id)].filter(Boolean));
    return members.filter((m) => ids.has(m.value)).map((m) => ({ value: m.value, label: m.label }));
  }, [members, objectives, indicators]);

  const counts = useMemo(() => summary(objectives ?? [], indicators ?? []), [objectives, indicators]);

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 5 · Keeping the certificate
          </Badge>
        }
        title="Objectives & KPIs"
        description="What you aim for in information security (clause 6.2), and the indicators that show you get there (clause 9.1)."
        actions={
          manage ? (
            <>
              <Button variant="default" leftSection={<IconChartLine size={18} aria-hidden />} onClick={openDefine}>
                New indicator
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => panel.open(NEW_OBJECTIVE)}>
                New objective
              </Button>
            </>
          ) : null
        }
      />
      {error && !data ? (
        <ErrorState error={error} title="Objectives and indicators could not be loaded" onRetry={() => refetch()} />
      ) : !objectives || !indicators ? (
        <SkeletonRows rows={6} height={48} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Stat label="Objectives on track" value={counts.onTrack} total={counts.open} color="teal" onClick={() => set({ tab: null, status: 'ON_TRACK', flag: null })} />
            <Stat label="Objectives at risk" value={counts.atRisk} total={counts.open} color="orange" onClick={() => set({ tab: null, status: 'AT_RISK', flag: null })} />
            <Stat label="Indicators off target" value={counts.offTarget} total={indicators.length} color="red" onClick={() => set({ tab: 'indicators', flag: 'off', status: null })} />
            <Stat label="Measurements due" value={counts.due} total={indicators.length} color="orange" onClick={() => set({ tab: 'indicators', flag: 'due', status: null })} />
          </SimpleGrid>

          <Tabs value={tab} onChange={(next) => set({ tab: next === 'indicators' ? 'indicators' : null })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="objectives" leftSection={<IconTarget size={16} aria-hidden />}>
                Objectives ({objectives.length})
              </Tabs.Tab>
              <Tabs.Tab value="indicators" leftSection={<IconChartLine size={16} aria-hidden />}>
                Indicators ({indicators.length})
              </Tabs.Tab>
            </Tabs.List>

            <Tabs.Panel value="objectives" pt="md">
              <Stack gap="md">
                <Group gap="sm">
                  <Select label="Status" placeholder="All statuses" data={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: OBJECTIVE_STATUS_LABELS[s] }))} value={isObjectiveStatus(status) ? status : null} onChange={(v) => set({ status: v })} clearable w={180} size="sm" />
                  <Select label="Owner" placeholder="Anyone" data={ownerOptions} value={owner || null} onChange={(v) => set({ owner: v })} clearable searchable w={200} size="sm" />
                </Group>
                <Card p={0}>
                  {!objectives.length ? (
                    <Empty
                      title="No objective set yet"
                      text="Set a handful of information security objectives (clause 6.2): what you aim for, who is responsible, by when, and the indicators that measure it. Auditors ask for them from stage 1."
                      action={manage ? <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => panel.open(NEW_OBJECTIVE)}>New objective</Button> : null}
                    />
                  ) : !shownObjectives.length ? (
                    <Empty title="No objective matches these filters" action={<Button variant="default" size="sm" onClick={() => set({ status: null, owner: null })}>Clear the filters</Button>} />
                  ) : (
                    <ObjectivesTable objectives={shownObjectives} selectedId={panel.value} onOpen={panel.open} />
                  )}
                </Card>
              </Stack>
            </Tabs.Panel>

            <Tabs.Panel value="indicators" pt="md">
              <Stack gap="md">
                <Group gap="sm">
                  <Select label="Show" placeholder="All indicators" data={FLAGS.map((f) => ({ value: f.value, label: f.label }))} value={FLAGS.some((f) => f.value === flag) ? flag : null} onChange={(v) => set({ flag: v })} clearable w={200} size="sm" />
                  <Select label="Owner" placeholder="Anyone" data={ownerOptions} value={owner || null} onChange={(v) => set({ owner: v })} clearable searchable w={200} size="sm" />
                </Group>
                <Card p={0}>
                  {!indicators.length ? (
                    <Empty
                      title="No indicator defined yet"
                      text="Indicators show whether the ISMS works (clause 9.1): what is measured, the target, how often and by whom. Measurements are recorded here by hand or by a script through the API."
                      action={manage ? <Button leftSection={<IconChartLine size={18} aria-hidden />} onClick={openDefine}>New indicator</Button> : null}
                    />
                  ) : !shownIndicators.length ? (
                    <Empty title="No indicator matches these filters" action={<Button variant="default" size="sm" onClick={() => set({ flag: null, owner: null })}>Clear the filters</Button>} />
                  ) : (
                    <IndicatorsTable indicators={shownIndicators} />
                  )}
                </Card>
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      <ObjectiveDrawer />
      {manage ? <IndicatorFormModal opened={defining} onClose={closeDefine} onSaved={(id) => navigate(`/o/${organization.id}/objectives/indicators/${id}`)} /> : null}
    </>
  );
}

function summary(objectives: ObjectiveRow[], indicators: IndicatorRow[]) {
  const open = objectives.filter((o) => ['PLANNED', 'ON_TRACK', 'AT_RISK'].includes(o.status)).length;
  return {
    open,
    onTrack: objectives.filter((o) => o.status === 'ON_TRACK').length,
    atRisk: objectives.filter((o) => o.status === 'AT_RISK').length,
    offTarget: indicators.filter((i) => i.onTarget === false).length,
    due: indicators.filter((i) => i.measurementDue).length,
  };
}

function Stat({ label, value, total, color, onClick }: { label: string; value: number; total: number; color: string; onClick(): void }) {
  return (
    <Card p={0}>
      <UnstyledButton onClick={onClick} p="md" style={{ width: '100%' }} aria-label={`${label}: ${value} of ${total}. Show them.`}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Group gap={6} align="baseline">
          <Text fz={28} fw={700} c={value > 0 ? `${color}.7` : undefined}>
            {value}
          </Text>
          <Text size="sm" c="dimmed">
            of {total}
          </Text>
        </Group>
      </UnstyledButton>
    </Card>
  );
}

function Empty({ title, text, action }: { title: string; text?: string; action?: ReactNode }) {
  return (
    <Center mih={220} p="lg">
      <Stack align="center" gap="xs" maw={520} ta="center">
        <IconTarget size={36} aria-hidden color="var(--mantine-color-gray-6)" />
        <Title order={2} fz={18}>
          {title}
        </Title>
        {text ? (
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        ) : null}
        {action}
      </Stack>
    </Center>
  );
}
