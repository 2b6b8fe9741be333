import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DueDate } from '../../../components/due-date';
import { RelativeTime, formatDate } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS, CORRECTIVE_ACTION_STATUS_LABELS, FINDING_KIND_COLORS, FINDING_KIND_LABELS, FINDING_KIND_SHORT_LABELS, type AuditKind, type AuditStatus, type CorrectiveActionStatus, type FindingKind } from '../../audits/audit-words';
import { IndicatorSparkline } from '../../objectives/_components/indicator-trend-chart';
import { OBJECTIVE_STATUS_COLORS, OBJECTIVE_STATUS_LABELS, TREND_LABELS, formatTarget, formatValue, isObjectiveStatus, type IndicatorTrend } from '../../objectives/objective-words';
import { RISK_LEVEL_COLORS, RISK_LEVEL_LABELS, RISK_LEVELS, TREATMENT_LABELS, type RiskLevel, type RiskTreatment } from '../../risks/risk-words';
import { TaskStatusBadge } from '../../tasks/_components/task-badges';
import type { TaskStatus } from '../../tasks/task-fragments';
import type { PackData } from '../management-review-operations';
import type { ManagementReviewInputKey } from '../management-review-words';

/** A big number with its words, coloured when it needs attention. */
export function Figure({ value, label, color, hint }: { value: number | string; label: string; color?: string; hint?: string }) {
  const body = (
    <Paper withBorder radius="md" p="sm" bg={color ? `var(--mantine-color-${color}-0)` : undefined}>
      <Text fz={26} fw={700} lh={1.1} c={color ? `${color}.8` : undefined} aria-label={`${value} ${label}`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Paper>
  );
  return hint ? (
    <Tooltip label={hint} multiline w={260}>
      {body}
    </Tooltip>
  ) : (
    body
  );
}

/** One input of clause 9.3.2 as a card: the clause, its title, when its figures were computed, a link to the page that shows them. */
export function PackCard({ inputKey, clause, title, computedAt, page, children }: { inputKey: ManagementReviewInputKey; clause: string; title: string; computedAt?: string | null; page?: { to: string; label: string }; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title} data-input={inputKey}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Badge variant="light" color="indigo" radius="sm" tt="none">
                {clause}
              </Badge>
              <Title order={3} fz={16}>
                {title}
              </Title>
            </Group>
            {computedAt ? (
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  Computed
                </Text>
                <RelativeTime value={computedAt} size="xs" c="dimmed" />
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                Entered by the people preparing the review
              </Text>
            )}
          </Stack>
          {page ? (
            <Anchor component={Link} to={page.to} size="sm">
              <Group gap={4} wrap="nowrap">
                {page.label} <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          ) : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

export function PreviousActionsBody({ section, first }: { section: PackData['previousActions']; first: boolean }) {
  const { organization } = useCurrentOrganization();
  if (!section.total) return <Empty>{first ? 'This is the first management review: there are no earlier decisions to follow up.' : 'No decision of an earlier review needs following up.'}</Empty>;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure value={section.done} label="done" color={section.done === section.total ? 'teal' : undefined} />
        <Figure value={section.open} label="still open" />
        <Figure value={section.overdue} label="overdue" color={section.overdue ? 'red' : undefined} />
        <Figure value={section.untracked} label="not tracked as tasks" color={section.untracked ? 'yellow' : undefined} hint="Decisions never made a task: nobody is reminded of them." />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decision</Table.Th>
              <Table.Th w={130}>Status</Table.Th>
              <Table.Th w={150}>Owner</Table.Th>
              <Table.Th w={160}>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {section.items.map((item) => (
              <Table.Tr key={item.decisionId}>
                <Table.Td>
                  {item.taskId ? (
                    <Anchor component={Link} to={`/o/${organization.id}/tasks?task=${item.taskId}`} size="sm">
                      {item.text}
                    </Anchor>
                  ) : (
                    <Text size="sm">{item.text}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {item.reviewTitle}
                  </Text>
                </Table.Td>
                <Table.Td>{item.taskStatus ? <TaskStatusBadge status={item.taskStatus as TaskStatus} size="sm" /> : <Badge color="yellow" variant="light" size="sm">Not tracked</Badge>}</Table.Td>
                <Table.Td>{item.ownerName ?? <Text size="sm" c="dimmed">Nobody</Text>}</Table.Td>
                <Table.Td>
                  <DueDate value={item.dueDate} overdue={item.overdue} finished={item.taskStatus === 'DONE' || item.taskStatus === 'CANCELLED'} none="No date" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function NonconformitiesBody({ section }: { section: PackData['nonconformities'] }) {
  const { organization } = useCurrentOrganization();
  const trend = section.trend.map((q) => ({ quarter: q.quarter.replace('-', ' '), Raised: q.raised, Verified: q.closed }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure value={section.openMajor} label="open major nonconformities" color={section.openMajor ? 'red' : undefined} hint="Major nonconformities whose corrective action is not verified." />
        <Figure value={section.openMinor} label="open minor nonconformities" color={section.openMinor ? 'orange' : undefined} hint="Minor nonconformities whose corrective action is not verified." />
        <Figure value={section.overdueCorrectiveActions} label="corrective actions overdue" color={section.overdueCorrectiveActions ? 'red' : undefined} />
        <Figure value={section.correctiveActionsByStatus.find((c) => c.status === 'VERIFIED')?.count ?? 0} label="corrective actions verified" color="teal" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Nonconformities raised and actions verified, by quarter
          </Text>
          <BarChart
            h={200}
            data={trend}
            dataKey="quarter"
            series={[
              { name: 'Raised', color: 'orange.6' },
              { name: 'Verified', color: 'teal.6' },
            ]}
            tickLine="none"
            gridAxis="y"
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 28 }}
            yAxisProps={{ allowDecimals: false, width: 28, tickCount: 5 }}
            barProps={{ isAnimationActive: false }}
          />
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Findings since the last review
          </Text>
          <Group gap={6}>
            {section.byKind.map((k) => (
              <Tooltip key={k.kind} label={`${FINDING_KIND_LABELS[k.kind as FindingKind]}: ${k.total} in all`}>
                <Badge variant="light" color={FINDING_KIND_COLORS[k.kind as FindingKind]} radius="sm" tt="none">
                  {k.raisedSince} {FINDING_KIND_SHORT_LABELS[k.kind as FindingKind]}
                </Badge>
              </Tooltip>
            ))}
          </Group>
          <Text size="sm" fw={600} mt="xs">
            Corrective actions by status
          </Text>
          <Group gap={6}>
            {section.correctiveActionsByStatus.map((c) => (
              <Badge key={c.status} variant="default" radius="sm" tt="none">
                {CORRECTIVE_ACTION_STATUS_LABELS[c.status as CorrectiveActionStatus]}: {c.count}
              </Badge>
            ))}
          </Group>
          {section.overdue.length ? (
            <>
              <Text size="sm" fw={600} mt="xs" c="red.8">
                Overdue corrective actions
              </Text>
              {section.overdue.map((o) => (
                <Group key={o.correctiveActionId} gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/o/${organization.id}/audits/${o.auditId}?tab=findings&finding=${o.findingId}`} size="sm">
                    {o.requirementRef}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {FINDING_KIND_SHORT_LABELS[o.kind as FindingKind]} · {o.ownerName ?? 'no owner'} ·
                  </Text>
                  <DueDate value={o.dueDate} overdue />
                </Group>
              ))}
            </>
          ) : null}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

export function MonitoringBody({ section }: { section: PackData['monitoring'] }) {
  if (!section.total) return <Empty>No indicators are defined yet: measure what shows the ISMS works (clause 9.1) in Objectives &amp; KPIs.</Empty>;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure value={section.onTarget} label="on target" color="teal" />
        <Figure value={section.offTarget} label="off target" color={section.offTarget ? 'red' : undefined} />
        <Figure value={section.notMeasured} label="not measured yet" />
        <Figure value={section.measurementDue} label="measurements due" color={section.measurementDue ? 'yellow' : undefined} />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={680}>
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Indicator</Table.Th>
              <Table.Th w={120}>Latest</Table.Th>
              <Table.Th w={100}>Target</Table.Th>
              <Table.Th w={110}>Result</Table.Th>
              <Table.Th w={120}>Trend</Table.Th>
              <Table.Th w={170}>Last 12 months</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {section.indicators.map((i) => {
              const direction = i.direction === 'AT_LEAST' ? 'AT_LEAST' : 'AT_MOST';
              return (
                <Table.Tr key={i.indicatorId}>
                  <Table.Td>
                    <Text size="sm">{i.name}</Text>
                    {i.lastMeasuredOn ? (
                      <Text size="xs" c="dimmed">
                        measured {formatDate(i.lastMeasuredOn)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatValue(i.lastValue, i.unit)}</Table.Td>
                  <Table.Td>{formatTarget(i.target, i.unit, direction)}</Table.Td>
                  <Table.Td>
                    {i.onTarget === null ? (
                      <Badge variant="light" color="gray" size="sm">No data</Badge>
                    ) : i.onTarget ? (
                      <Badge variant="light" color="teal" size="sm">On target</Badge>
                    ) : (
                      <Badge variant="light" color="red" size="sm">Off target</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{TREND_LABELS[i.trend as IndicatorTrend] ?? i.trend}</Table.Td>
                  <Table.Td>
                    <IndicatorSparkline series={i.series} target={i.target} unit={i.unit} direction={direction} name={i.name} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function AuditResultsBody({ section, since }: { section: PackData['auditResults']; since: string }) {
  const { organization } = useCurrentOrganization();
  if (!section.audits.length) return <Empty>No audit reported or closed since {formatDate(since)}.</Empty>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Audit</Table.Th>
            <Table.Th w={200}>Dates</Table.Th>
            <Table.Th w={260}>Findings</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {section.audits.map((a) => {
            const counts: Array<[FindingKind, number]> = [
              ['MAJOR_NONCONFORMITY', a.majorNonconformities],
              ['MINOR_NONCONFORMITY', a.minorNonconformities],
              ['OBSERVATION', a.observations],
              ['OPPORTUNITY_FOR_IMPROVEMENT', a.opportunities],
            ];
            return (
              <Table.Tr key={a.auditId}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${organization.id}/audits/${a.auditId}`} size="sm">
                    {a.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {AUDIT_KIND_LABELS[a.kind as AuditKind]} · {AUDIT_STATUS_LABELS[a.status as AuditStatus]}
                    {a.leadAuditorName ? ` · led by ${a.leadAuditorName}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {formatDate(a.startDate)} – {formatDate(a.endDate)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {counts.every(([, n]) => n === 0) ? (
                      <Text size="sm" c="dimmed">
                        No findings
                      </Text>
                    ) : (
                      counts
                        .filter(([, n]) => n > 0)
                        .map(([kind, n]) => (
                          <Badge key={kind} variant="light" color={FINDING_KIND_COLORS[kind]} radius="sm" tt="none" size="sm">
                            {n} {FINDING_KIND_SHORT_LABELS[kind]}
                          </Badge>
                        ))
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ObjectivesBody({ section }: { section: PackData['objectives'] }) {
  if (!section.total) return <Empty>No security objectives are set yet (clause 6.2): set them in Objectives &amp; KPIs.</Empty>;
  return (
    <Stack gap="sm">
      <Group gap={6}>
        {section.byStatus
          .filter((b) => b.count > 0)
          .map((b) => (
            <Badge key={b.status} variant="light" color={isObjectiveStatus(b.status) ? OBJECTIVE_STATUS_COLORS[b.status] : 'gray'} radius="sm" tt="none" size="lg">
              {b.count} {isObjectiveStatus(b.status) ? OBJECTIVE_STATUS_LABELS[b.status].toLowerCase() : b.status}
            </Badge>
          ))}
      </Group>
      <Table verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Objective</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={150}>Owner</Table.Th>
            <Table.Th w={130}>Target date</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {section.objectives.map((o) => (
            <Table.Tr key={o.objectiveId}>
              <Table.Td>{o.title}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={isObjectiveStatus(o.status) ? OBJECTIVE_STATUS_COLORS[o.status] : 'gray'} size="sm">
                  {isObjectiveStatus(o.status) ? OBJECTIVE_STATUS_LABELS[o.status] : o.status}
                </Badge>
              </Table.Td>
              <Table.Td>{o.ownerName ?? '—'}</Table.Td>
              <Table.Td>{o.targetDate ? formatDate(o.targetDate) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function RisksBody({ section }: { section: PackData['risks'] }) {
  const { organization } = useCurrentOrganization();
  if (!section.total) return <Empty>The risk register is empty: assess the risks first (clause 6.1.2).</Empty>;
  const count = (list: Array<{ level: string; count: number }>, level: RiskLevel) => list.find((l) => l.level === level)?.count ?? 0;
  const plan = section.treatmentTasks;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure value={section.aboveAppetite} label={`above the acceptance threshold (${section.acceptanceThreshold})`} color={section.aboveAppetite ? 'orange' : 'teal'} hint="Residual score (inherent where not assessed) above the threshold." />
        <Figure value={section.untreatedAboveAppetite} label="above it without a treatment decision" color={section.untreatedAboveAppetite ? 'red' : undefined} />
        <Figure value={section.awaitingAcceptance} label="awaiting the owner’s acceptance" color={section.awaitingAcceptance ? 'yellow' : undefined} hint="Clause 6.1.3 f: the risk owner approves the residual risk." />
        <Figure value={section.total} label="risks in the register" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table verticalSpacing={4} fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Level</Table.Th>
              <Table.Th ta="right">Inherent</Table.Th>
              <Table.Th ta="right">Residual</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {RISK_LEVELS.map((level) => (
              <Table.Tr key={level}>
                <Table.Td>
                  <Badge color={RISK_LEVEL_COLORS[level]} variant="light" size="sm">
                    {RISK_LEVEL_LABELS[level]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{count(section.byLevel, level)}</Table.Td>
                <Table.Td ta="right">{count(section.byResidualLevel, level)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Treatment plan
          </Text>
          {plan.total === 0 ? (
            <Text size="sm" c="dimmed">
              No treatment tasks yet: tasks on risks make the treatment plan trackable.
            </Text>
          ) : (
            <>
              <Progress.Root size="lg" aria-label={`${plan.done} of ${plan.total} treatment tasks done`}>
                <Progress.Section value={(plan.done / plan.total) * 100} color="teal" />
              </Progress.Root>
              <Text size="sm">
                {plan.done} of {plan.total} treatment tasks done · {plan.open} open
                {plan.overdue ? (
                  <Text span c="red.8" fw={600} size="sm">
                    {' '}
                    · {plan.overdue} overdue
                  </Text>
                ) : null}
              </Text>
            </>
          )}
          <Group gap={6}>
            {section.byTreatment.map((t) => (
              <Badge key={t.treatment ?? 'none'} variant={t.treatment ? 'default' : 'light'} color={t.treatment ? undefined : 'red'} radius="sm" tt="none">
                {t.treatment ? TREATMENT_LABELS[t.treatment as RiskTreatment] : 'No treatment'}: {t.count}
              </Badge>
            ))}
          </Group>
        </Stack>
      </SimpleGrid>
      {section.topRisks.length ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Risks above the threshold
          </Text>
          {section.topRisks.map((r) => (
            <Group key={r.riskId} gap="xs" wrap="nowrap">
              <Badge color={RISK_LEVEL_COLORS[r.level as RiskLevel]} variant="filled" size="sm" w={38}>
                {r.score}
              </Badge>
              <Anchor component={Link} to={`/o/${organization.id}/risks?risk=${r.riskId}`} size="sm" lineClamp={1}>
                {r.title}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {r.treatment ? TREATMENT_LABELS[r.treatment as RiskTreatment] : 'no treatment'}
                {r.accepted ? ' · accepted by its owner' : ''}
                {r.ownerName ? ` · ${r.ownerName}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

export function ImprovementsBody({ section, since }: { section: PackData['improvements']; since: string }) {
  const { organization } = useCurrentOrganization();
  if (!section.items.length) return <Empty>No opportunity for improvement or observation raised since {formatDate(since)}. Management can still name its own below, in the minutes and decisions.</Empty>;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {section.opportunities} opportunit{section.opportunities === 1 ? 'y' : 'ies'} for improvement and {section.observations} observation{section.observations === 1 ? '' : 's'} from audits since {formatDate(since)}:
      </Text>
      {section.items.map((i) => (
        <Paper key={i.findingId} withBorder radius="sm" p="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="light" color={FINDING_KIND_COLORS[i.kind as FindingKind]} radius="sm" tt="none" size="sm" style={{ flexShrink: 0 }}>
              {FINDING_KIND_SHORT_LABELS[i.kind as FindingKind]}
            </Badge>
            <Stack gap={0}>
              <Text size="sm">{i.description}</Text>
              <Text size="xs" c="dimmed">
                {i.requirementRef} ·{' '}
                <Anchor component={Link} to={`/o/${organization.id}/audits/${i.auditId}?tab=findings&finding=${i.findingId}`} size="xs">
                  {i.auditTitle}
                </Anchor>{' '}
                · {formatDate(i.raisedOn)}
              </Text>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
