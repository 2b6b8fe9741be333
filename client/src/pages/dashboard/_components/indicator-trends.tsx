import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IndicatorTrendChart } from '../../objectives/_components/indicator-trend-chart';
import { formatTarget, formatValue } from '../../objectives/objective-words';

interface TrendIndicator {
  __typename?: 'Indicator';
  id: string;
  name: string;
  unit: string;
  target: number;
  direction: 'AT_LEAST' | 'AT_MOST';
  lastValue: number | null;
  onTarget: boolean | null;
  measurementDue: boolean;
  series: Array<{ __typename?: 'IndicatorPoint'; measuredOn: string; value: number }>;
}

const DASHBOARD_TRENDS_QUERY: TypedDocumentNode<{ organization: { __typename?: 'Organization'; id: string; indicators: TrendIndicator[] | null } | null }, { id: string }> = gql`
  query DashboardTrends($id: ID!) {
    organization(id: $id) {
      id
      indicators {
        id
        name
        unit
        target
        direction
        lastValue
        onTarget
        measurementDue
        series {
          measuredOn
          value
        }
      }
    }
  }
`;

/** The security indicators against their targets (clause 9.1), a small chart each. */
export function IndicatorTrends({ organizationId }: { organizationId: string }) {
  const { data } = useQuery(DASHBOARD_TRENDS_QUERY, { variables: { id: organizationId }, fetchPolicy: 'cache-and-network' });
  const indicators = data?.organization?.indicators ?? [];
  const base = `/o/${organizationId}`;
  return (
    <Card component="section" aria-label="Indicator trends">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz={18}>
            Indicators
          </Title>
          <Anchor component={Link} to={`${base}/objectives?tab=indicators`} size="sm">
            All objectives and indicators
          </Anchor>
        </Group>
        {indicators.length === 0 ? (
          <Text size="sm" c="dimmed">
            No indicator yet. Define how you measure your security objectives in Objectives & KPIs.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(indicators.length, 5) }} spacing="md">
            {indicators.slice(0, 10).map((indicator) => (
              <Stack key={indicator.id} gap={4} data-indicator={indicator.name}>
                <Anchor component={Link} to={`${base}/objectives/indicators/${indicator.id}`} size="sm" fw={600} lineClamp={1}>
                  {indicator.name}
                </Anchor>
                <Group gap={6}>
                  <Text size="sm" fw={700} c={indicator.onTarget === false ? 'red.8' : undefined}>
                    {indicator.lastValue === null ? '–' : formatValue(indicator.lastValue, indicator.unit)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    target {formatTarget(indicator.target, indicator.unit, indicator.direction)}
                  </Text>
                </Group>
                <IndicatorTrendChart series={indicator.series} target={indicator.target} unit={indicator.unit} direction={indicator.direction} name={indicator.name} compact height={56} />
                <Group gap={4}>
                  {indicator.onTarget === false ? (
                    <Badge size="xs" color="red" variant="light">
                      Off target
                    </Badge>
                  ) : null}
                  {indicator.measurementDue ? (
                    <Badge size="xs" color="orange" variant="light">
                      Measurement due
                    </Badge>
                  ) : null}
                </Group>
              </Stack>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
