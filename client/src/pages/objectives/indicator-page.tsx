import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Code, Center, Grid, Group, Modal, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconChartLine, IconInfoCircle, IconPencil, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { readApiError } from '../../apollo/api-error';
import { DocumentTitle } from '../../components/document-title';
import { PersonLabel } from '../../components/person-avatar';
import { ErrorState } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { IndicatorFormModal } from './_components/indicator-form';
import { IndicatorTrendChart } from './_components/indicator-trend-chart';
import { MeasurementForm } from './_components/measurement-form';
import { MeasurementHistory } from './_components/measurement-history';
import { IndicatorFlags, ObjectiveStatusBadge, TrendBadge } from './_components/objective-badges';
import { formatDate } from '../../components/relative-time';
import { INDICATOR_PAGE_QUERY, isIndicatorNode, useDeleteIndicator, type IndicatorDetail } from './objective-operations';
import { FREQUENCY_LABELS, formatTarget, formatValue } from './objective-words';

/** One indicator: its trend against the target, recording a measurement, and the whole history. */
export function IndicatorPage() {
  const { indicatorId = '' } = useParams();
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(INDICATOR_PAGE_QUERY, { variables: { id: indicatorId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node;

  if (error && !data) return <ErrorState error={error} title="This indicator could not be loaded" onRetry={() => refetch()} />;
  if (!data) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the indicator">
        <Skeleton height={14} width={120} />
        <Skeleton height={34} width="40%" />
        <Skeleton height={300} radius="md" mt="md" />
      </Stack>
    );
  }
  if (!isIndicatorNode(node)) {
    return (
      <Center mih={360}>
        <Stack align="center" gap="xs" maw={440} ta="center">
          <IconChartLine size={36} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={1} fz={20}>
            Indicator not found
          </Title>
          <Text c="dimmed" size="sm">
            It may have been deleted. The indicators are listed under Objectives & KPIs.
          </Text>
          <Button component={Link} to={`/o/${organization.id}/objectives?tab=indicators`} variant="default" mt="sm">
            Back to the indicators
          </Button>
        </Stack>
      </Center>
    );
  }
  return <IndicatorView indicator={node} />;
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function IndicatorView({ indicator }: { indicator: IndicatorDetail }) {
  const { organization, can } = useCurrentOrganization();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [remove, { loading: removing }] = useDeleteIndicator();
  const manage = can('objective:manage');
  const range = params.get('range') === 'all' ? 'all' : '12m';
  const chartSeries = useMemo(
    () => (range === 'all' ? [...indicator.measurements].reverse().map((m) => ({ measuredOn: m.measuredOn, value: m.value })) : indicator.series),
    [range, indicator.measurements, indicator.series],
  );

  return (
    <>
      <DocumentTitle title={indicator.name} />
      <Stack gap="md" mb="lg">
        <Anchor component={Link} to={`/o/${organization.id}/objectives?tab=indicators`} size="sm" c="dimmed">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            Objectives & KPIs
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6} maw={760}>
            <Group gap="sm">
              <Title order={1} fz={26}>
                {indicator.name}
              </Title>
            </Group>
            <IndicatorFlags indicator={indicator} />
            {indicator.description ? <Text c="dimmed">{indicator.description}</Text> : null}
          </Stack>
          {manage ? (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
                Edit indicator
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDeleting(true)}>
                Delete
              </Button>
            </Group>
          ) : null}
        </Group>
        <Group gap="xl" wrap="wrap">
          <Meta label="Latest">
            <Text fw={700} fz={20} c={indicator.onTarget === false ? 'red.7' : indicator.onTarget ? 'teal.8' : undefined}>
              {formatValue(indicator.lastValue, indicator.unit)}
            </Text>
          </Meta>
          <Meta label="Target">
            <Text fw={600}>{formatTarget(indicator.target, indicator.unit, indicator.direction)}</Text>
          </Meta>
          <Meta label="Trend">
            <TrendBadge trend={indicator.trend} />
          </Meta>
          <Meta label="Measured">
            <Text size="sm">{FREQUENCY_LABELS[indicator.frequency]}</Text>
          </Meta>
          <Meta label="Next measurement">
            <Text size="sm" c={indicator.measurementDue ? 'orange.8' : undefined} fw={indicator.measurementDue ? 600 : undefined}>
              {indicator.measurementDue ? `Due since ${formatDate(indicator.nextMeasurementDueOn)}` : formatDate(indicator.nextMeasurementDueOn)}
            </Text>
          </Meta>
          <Meta label="Owner">
            <PersonLabel person={indicator.owner} />
          </Meta>
        </Group>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: indicator.viewerCanMeasure ? 8 : 12 }}>
          <Card>
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz={16}>
                  Trend against the target
                </Title>
                <SegmentedControl
                  size="xs"
                  aria-label="Period"
                  value={range}
                  onChange={(v) => {
                    const next = new URLSearchParams(params);
                    if (v === 'all') next.set('range', 'all');
                    else next.delete('range');
                    setParams(next, { replace: true });
                  }}
                  data={[
                    { value: '12m', label: 'Last 12 months' },
                    { value: 'all', label: 'All' },
                  ]}
                />
              </Group>
              <IndicatorTrendChart series={chartSeries} target={indicator.target} unit={indicator.unit} direction={indicator.direction} name={indicator.name} height={280} />
            </Stack>
          </Card>
        </Grid.Col>
        {indicator.viewerCanMeasure ? (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card>
              <Stack gap="sm">
                <Title order={2} fz={16}>
                  Record a measurement
                </Title>
                <MeasurementForm indicator={indicator} />
              </Stack>
            </Card>
          </Grid.Col>
        ) : null}
        <Grid.Col span={12}>
          <Card>
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz={16}>
                  History
                </Title>
                <Text size="sm" c="dimmed">
                  {indicator.measurements.length} measurement{indicator.measurements.length === 1 ? '' : 's'}
                  {indicator.measurements.length ? ` since ${dayjs(indicator.measurements.at(-1)!.measuredOn).format('MMMM YYYY')}` : ''}
                </Text>
              </Group>
              {!indicator.viewerCanMeasure ? (
                <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
                  {indicator.owner ? `${indicator.owner.name} records this indicator` : 'Its owner records this indicator'}; ISMS managers can too. Scripts record through the API (<Code>recordMeasurement</Code>) with an API token.
                </Alert>
              ) : null}
              <MeasurementHistory indicator={indicator} measurements={indicator.measurements} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card>
            <Stack gap="xs">
              <Title order={2} fz={16}>
                Objectives it measures
              </Title>
              {indicator.objectives.length ? (
                indicator.objectives.map((o) => (
                  <Group key={o.id} gap="sm">
                    <Anchor component={Link} to={`/o/${organization.id}/objectives?objective=${o.id}`} size="sm">
                      {o.title}
                    </Anchor>
                    <ObjectiveStatusBadge status={o.status} />
                  </Group>
                ))
              ) : (
                <Text size="sm" c="dimmed">
                  Not linked to an objective yet: link it from an objective’s panel.
                </Text>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>

      {manage ? <IndicatorFormModal opened={editing} onClose={() => setEditing(false)} indicator={indicator} /> : null}
      <Modal opened={deleting} onClose={() => setDeleting(false)} title="Delete this indicator?">
        <Stack gap="sm">
          <Text size="sm">
            “{indicator.name}” and its {indicator.measurements.length} measurement{indicator.measurements.length === 1 ? '' : 's'} go; objectives lose the link. The audit trail keeps a record.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={removing}
              onClick={async () => {
                try {
                  await remove({ variables: { input: { id: indicator.id } } });
                  notifications.show({ color: 'teal', message: `“${indicator.name}” is deleted.` });
                  navigate(`/o/${organization.id}/objectives?tab=indicators`);
                } catch (e) {
                  notifications.show({ color: 'red', title: 'Not deleted', message: readApiError(e).message });
                }
              }}
            >
              Delete indicator
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
