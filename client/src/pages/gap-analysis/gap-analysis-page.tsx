import { useQuery } from '@apollo/client/react';
import { ActionBar, Alert, Anchor, Badge, Button, Card, Center, Group, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconBulb, IconListCheck, IconZoomCheck } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { usePanelParam } from '../../components/use-panel-param';
import { useCurrentOrganization } from '../../organization/organization-context';
import { GapDrawer } from './_components/gap-drawer';
import { GapFilters } from './_components/gap-filters';
import { GapScores } from './_components/gap-scores';
import { GapTable, type GapTableGroup } from './_components/gap-table';
import { PlanGapsModal } from './_components/plan-gaps-modal';
import { GAP_ANALYSIS_QUERY, GAP_CATALOG_QUERY, type CatalogEntry, type GapItemRow } from './gap-operations';
import { NO_FILTER, isFiltered, matchesGapFilter, readGapUrlFilter, readGapView, writeGapUrl, type GapUrlFilter, type GapView } from './gap-url-filter';
import { isGap } from './gap-words';

/**
 * Step 1 of the journey: where the organisation stands against every clause and Annex A control,
 * and the gaps turned into a plan.
 */
export function GapAnalysisPage() {
  const { organization, can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const urlFilter = useMemo(() => readGapUrlFilter(params), [params]);
  const view = readGapView(params);
  const panel = usePanelParam('item');
  const { data, error, refetch } = useQuery(GAP_ANALYSIS_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const { data: catalogData } = useQuery(GAP_CATALOG_QUERY);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [planning, setPlanning] = useState<string[] | null>(null);

  // Someone assessed an item or planned a gap: reload the scores and the items in place.
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveTopic('gaps', reload);
  useLiveTopic('tasks', reload);

  const assessment = data?.organization?.gapAssessment ?? null;
  const items = useMemo(() => assessment?.items ?? null, [assessment]);

  const catalog = useMemo(() => {
    const map = new Map<string, CatalogEntry>();
    for (const clause of catalogData?.catalog.clauses ?? []) map.set(clause.ref, clause);
    for (const control of catalogData?.catalog.controls ?? []) map.set(control.ref, control);
    return map;
  }, [catalogData]);

  const update = (next: Partial<GapUrlFilter>, nextView: GapView = view) => setParams(writeGapUrl(params, { ...urlFilter, ...next }, nextView), { replace: true });
  const clear = () => setParams(writeGapUrl(params, NO_FILTER, view), { replace: true });

  const groups = useMemo<GapTableGroup[]>(() => {
    if (!assessment) return [];
    const shown = assessment.items.filter((item) => item.kind === (view === 'controls' ? 'CONTROL' : 'CLAUSE') && matchesGapFilter(item, urlFilter));
    const scores = view === 'controls' ? assessment.themeScores : assessment.clauseScores;
    const groupOf = (item: GapItemRow) => (view === 'controls' ? item.theme : item.ref.split('.')[0]);
    return scores.map((score) => ({ ...score, items: shown.filter((item) => groupOf(item) === score.key) })).filter((group) => group.items.length > 0);
  }, [assessment, view, urlFilter]);

  const canPlan = can('gap:plan');
  // Only gaps can be planned: drop whatever stopped being one (assessed meanwhile).
  const selectedItems = useMemo(() => (items ?? []).filter((item) => selection.has(item.ref) && isGap(item.status)), [items, selection]);
  const select = (refs: string[], selected: boolean) =>
    setSelection((current) => {
      const next = new Set(current);
      for (const ref of refs) {
        if (selected) next.add(ref);
        else next.delete(ref);
      }
      return next;
    });

  const counts = useMemo(() => {
    const all = items ?? [];
    return {
      clauses: all.filter((i) => i.kind === 'CLAUSE').length,
      controls: all.filter((i) => i.kind === 'CONTROL').length,
      shown: groups.reduce((n, g) => n + g.items.length, 0),
    };
  }, [items, groups]);
  const neverAssessed = !!items && items.every((i) => !i.lastAssessedAt);

  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            Step 1 · Preparation
          </Badge>
        }
        title="Gap analysis"
        description="Where you stand against ISO/IEC 27001:2022: rate every clause and Annex A control, then turn the gaps into your implementation plan."
        actions={
          can('task:read') ? (
            <Button component={Link} to={`/o/${organization.id}/tasks`} variant="default" leftSection={<IconListCheck size={18} aria-hidden />}>
              Tasks
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {error && !assessment ? (
          <ErrorState error={error} title="The gap analysis could not be loaded" onRetry={() => refetch()} />
        ) : !assessment || !items ? (
          <Card>
            <SkeletonRows rows={6} />
          </Card>
        ) : (
          <>
            {neverAssessed ? <IntroCard /> : null}
            <GapScores
              score={assessment.score}
              clauseScores={assessment.clauseScores}
              themeScores={assessment.themeScores}
              items={items}
              activeTheme={view === 'controls' ? urlFilter.theme : ''}
              onTheme={(theme) => update({ theme: urlFilter.theme === theme && view === 'controls' ? '' : theme }, 'controls')}
            />
            <Card p={0}>
              <Tabs value={view} onChange={(next) => update({}, next === 'controls' ? 'controls' : 'clauses')} keepMounted={false}>
                <Tabs.List px="md" pt="xs">
                  <Tabs.Tab value="clauses">Clauses ({counts.clauses})</Tabs.Tab>
                  <Tabs.Tab value="controls">Annex A controls ({counts.controls})</Tabs.Tab>
                </Tabs.List>
                <Stack p="md" gap="xs">
                  <GapFilters value={urlFilter} view={view} onChange={(next) => update(next)} onClear={clear} />
                  <Text size="xs" c="dimmed">
                    {view === 'clauses'
                      ? 'Clauses 4 to 10 are the management system itself: all of them are required for certification.'
                      : 'Annex A lists 93 reference controls in four themes; the ones you exclude need a justification in the Statement of Applicability.'}{' '}
                    Hover a title for what it asks; click a row to assess it.
                  </Text>
                </Stack>
                <Tabs.Panel value={view}>
                  {groups.length === 0 ? (
                    <Center p="xl">
                      <Stack align="center" gap={4} ta="center">
                        <Text fw={600}>Nothing matches these filters</Text>
                        <Text size="sm" c="dimmed">
                          {urlFilter.gapsOnly ? 'No gaps left here: every item is implemented or not applicable.' : 'Clear a filter to see more.'}
                        </Text>
                        {isFiltered(urlFilter, view) ? (
                          <Button variant="default" size="xs" mt="xs" onClick={clear}>
                            Clear filters
                          </Button>
                        ) : null}
                      </Stack>
                    </Center>
                  ) : (
                    <>
                      <VisuallyHidden role="status">{`${counts.shown} items shown`}</VisuallyHidden>
                      <GapTable
                        groups={groups}
                        catalog={catalog}
                        selectedRef={panel.value}
                        onOpen={panel.open}
                        selection={canPlan ? selection : null}
                        onSelect={select}
                      />
                    </>
                  )}
                </Tabs.Panel>
              </Tabs>
            </Card>
          </>
        )}
      </Stack>
      <GapDrawer items={items} catalog={catalog} onPlan={(refs) => setPlanning(refs)} />
      {canPlan ? (
        <>
          <ActionBar opened={selectedItems.length > 0 && !planning && !panel.value} onClose={() => setSelection(new Set())} aria-label="Selected gaps" shadow="lg">
            <Group gap="sm" wrap="nowrap" px="xs">
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {selectedItems.length} {selectedItems.length === 1 ? 'gap' : 'gaps'} selected
              </Text>
              <ActionBar.Divider />
              <Button size="sm" onClick={() => setPlanning(selectedItems.map((i) => i.ref))}>
                Plan selected gaps
              </Button>
              <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => setSelection(new Set())}>
                Clear selection
              </Anchor>
            </Group>
          </ActionBar>
          <PlanGapsModal
            items={planning ? (items ?? []).filter((item) => planning.includes(item.ref)) : null}
            onClose={() => setPlanning(null)}
            onPlanned={() => setSelection(new Set())}
          />
        </>
      ) : null}
    </>
  );
}

function IntroCard() {
  return (
    <Alert color="indigo" variant="light" icon={<IconBulb size={20} />} title="What a gap analysis is for">
      <Stack gap={6}>
        <Text size="sm">
          This is step 1 of the certification journey. Before writing policies or buying tools, find out where you stand: for every clause from 4.1 to 10.2 and each of the 93 Annex A controls,
          record whether it is in place (status), how established it is (maturity 0–5), who owns it, and what shows it (notes and evidence links).
        </Text>
        <Text size="sm">
          The scores per clause and theme show where the work is. Select the gaps and plan them: each becomes a task with an owner and a due date, your prioritised implementation plan. Start
          with the clauses, walking through them with the people who own them.
        </Text>
        <Group gap={6}>
          <IconZoomCheck size={16} aria-hidden />
          <Text size="sm" fw={500}>
            Click the first row below to rate it.
          </Text>
        </Group>
      </Stack>
    </Alert>
  );
}
