import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { PersonLabel } from '../../../components/person-avatar';
import { formatDate } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import type { IndicatorRow } from '../objective-operations';
import { FREQUENCY_LABELS, formatTarget, formatValue } from '../objective-words';
import { IndicatorFlags, TrendBadge } from './objective-badges';
import { IndicatorSparkline } from './indicator-trend-chart';

/** The indicators with their last year at a glance: sparkline against the target, flags, trend. */
export function IndicatorsTable({ indicators }: { indicators: IndicatorRow[] }) {
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing={10} highlightOnHover aria-label="Indicators">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Indicator</Table.Th>
            <Table.Th w={170}>Last 12 months</Table.Th>
            <Table.Th w={130}>Latest</Table.Th>
            <Table.Th w={200}>Flags</Table.Th>
            <Table.Th w={140}>Trend</Table.Th>
            <Table.Th w={150}>Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => (
            <IndicatorTableRow key={indicator.id} indicator={indicator} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function IndicatorTableRow({ indicator }: { indicator: IndicatorRow }) {
  const { organization } = useCurrentOrganization();
  const flash = useLiveHighlightClass(indicator.id);
  return (
    <Table.Tr className={flash} data-indicator={indicator.name}>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={`/o/${organization.id}/objectives/indicators/${indicator.id}`} fw={600}>
            {indicator.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            Target {formatTarget(indicator.target, indicator.unit, indicator.direction)} · {FREQUENCY_LABELS[indicator.frequency].toLowerCase()}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <IndicatorSparkline series={indicator.series} target={indicator.target} unit={indicator.unit} direction={indicator.direction} name={indicator.name} />
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text fw={600} c={indicator.onTarget === false ? 'red.7' : undefined}>
            {formatValue(indicator.lastValue, indicator.unit)}
          </Text>
          {indicator.lastMeasuredOn ? (
            <Text size="xs" c="dimmed" title={dayjs(indicator.lastMeasuredOn).format('D MMMM YYYY')}>
              {formatDate(indicator.lastMeasuredOn)}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <IndicatorFlags indicator={indicator} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <TrendBadge trend={indicator.trend} />
        </Group>
      </Table.Td>
      <Table.Td>
        <PersonLabel person={indicator.owner} />
      </Table.Td>
    </Table.Tr>
  );
}
