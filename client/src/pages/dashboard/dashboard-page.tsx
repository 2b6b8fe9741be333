import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import dayjs from 'dayjs';
import { Alert, Anchor, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconHistory, IconKey, IconListCheck, IconUserPlus, IconUsers, type Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../components/relative-time';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { RoleBadge } from '../../organization/role-badge';
import { ROLE_DESCRIPTIONS, ROLE_IN_A_SENTENCE, isRole } from '../../organization/roles';
import { useViewer } from '../../session/require-viewer';
import { AUDIT_KIND_LABELS } from '../audits/audit-words';
import { describeStatus } from '../certification/certification-parts';
import { JourneySteps } from '../journey/_components/journey-steps';
import { OverdueCorrectiveActions } from './overdue-corrective-actions';
import { READINESS_DASHBOARD_QUERY, type ReadinessDashboardData } from './dashboard-operations';
import { ReadinessBlockers, ReadinessBreakdown, ReadinessScoreCard } from './_components/readiness-cards';
import { DashboardHeatMap, GapProgress, NonconformityBurndown, TasksThisWeek } from './_components/dashboard-panels';
import { DashboardCycle } from './_components/dashboard-cycle';
import { IndicatorTrends } from './_components/indicator-trends';

const DASHBOARD_QUERY: TypedDocumentNode<
  { organization: { id: string; name: string; viewerRole: string | null; members: { id: string }[] } | null },
  { id: string }
> = gql`
  query Dashboard($id: ID!) {
    organization(id: $id) {
      id
      name
      viewerRole
      members {
        id
      }
    }
  }
`;

interface NextStep {
  icon: Icon;
  title: string;
  detail: string;
  to: string;
}

/** Welcome, the team, next steps and the journey: for people without the readiness view, and new organisations. */
function GettingStarted() {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const { data, loading, error, refetch } = useQuery(DASHBOARD_QUERY, { variables: { id: organization.id } });
  const base = `/o/${organization.id}`;
  const role = organization.viewerRole;
  const firstName = viewer.name.split(/\s+/)[0] ?? viewer.name;

  const nextSteps: NextStep[] = [
    { icon: IconListCheck, title: 'See what needs you now', detail: 'My work: approvals waiting for your decision, your overdue tasks and this week’s deadlines.', to: `${base}/my-work` },
    can('member:invite')
      ? { icon: IconUserPlus, title: 'Invite your team', detail: 'Give your ISMS manager, management and colleagues the role that fits them.', to: `${base}/members` }
      : { icon: IconUsers, title: 'Meet your team', detail: 'See who works on the programme and what each role does.', to: `${base}/members` },
    { icon: IconKey, title: 'Set up your account and API tokens', detail: 'Your name, your password, and tokens for scripts and integrations.', to: `${base}/account` },
    ...(can('auditTrail:read')
      ? [{ icon: IconHistory, title: 'Review the audit trail', detail: 'Every change, who made it and when, in a chain you can verify.', to: `${base}/audit-trail` }]
      : []),
  ];

  const memberCount = data?.organization?.members.length;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card h="100%">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {organization.name}
            </Text>
            <Title order={2} fz={22}>
              Welcome, {firstName}
            </Title>
            {role ? (
              <Group gap="xs">
                <Text size="sm">Your role here:</Text>
                <RoleBadge role={role} size="lg" />
              </Group>
            ) : null}
            {role && isRole(role) ? (
              <Stack gap={2} mt={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  What {ROLE_IN_A_SENTENCE[role]} does
                </Text>
                <Text size="sm">{ROLE_DESCRIPTIONS[role]}</Text>
              </Stack>
            ) : null}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card h="100%">
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fw={600}>Team</Text>
              <ThemeIcon variant="light" radius="xl" aria-hidden>
                <IconUsers size={16} />
              </ThemeIcon>
            </Group>
            {error ? (
              <ErrorState error={error} onRetry={() => refetch()} />
            ) : loading && memberCount === undefined ? (
              <SkeletonRows rows={2} height={24} />
            ) : (
              <>
                <Text fz={36} fw={700} lh={1.1} aria-label={`${memberCount ?? 0} members`}>
                  {memberCount ?? 0}
                </Text>
                <Text size="sm" c="dimmed">
                  {memberCount === 1 ? 'member' : 'members'} in {organization.name}
                </Text>
                <Anchor component={Link} to={`${base}/members`} size="sm" mt="xs">
                  {can('member:invite') ? 'Manage members' : 'See members'}
                </Anchor>
              </>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={12}>
        <Card>
          <Stack gap="md">
            <Title order={2} fz={18}>
              Next steps
            </Title>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {nextSteps.map((step) => {
                const StepIcon = step.icon;
                return (
                  <li key={step.title}>
                    <Anchor component={Link} to={step.to} underline="never" c="inherit" display="block" py="sm" className="annex-next-step">
                      <Group wrap="nowrap" gap="md">
                        <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
                          <StepIcon size={18} />
                        </ThemeIcon>
                        <Stack gap={0} style={{ flex: 1 }}>
                          <Text fw={600} c="indigo.8">
                            {step.title}
                          </Text>
                          <Text size="sm" c="dimmed">
                            {step.detail}
                          </Text>
                        </Stack>
                        <IconArrowRight size={18} aria-hidden color="var(--mantine-color-dimmed)" />
                      </Group>
                    </Anchor>
                  </li>
                );
              })}
            </Stack>
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={12}>
        <Card>
          <Stack gap="md">
            <Stack gap={2}>
              <Title order={2} fz={18}>
                The certification journey
              </Title>
              <Text size="sm" c="dimmed">
                Annex follows the five steps to an ISO/IEC 27001 certificate. Most of the work starts with preparation; the areas in the navigation follow the same order.
              </Text>
            </Stack>
            <JourneySteps highlight={['preparation']} highlightLabel="Start here" />
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

/** Monday-to-Sunday: the last day of the current week. */
function endOfWeek(): string {
  const today = dayjs();
  return today.add((7 - today.day()) % 7, 'day').format('YYYY-MM-DD');
}

/**
 * The home page: where the organisation stands (readiness score and blockers for stage 1 and
 * stage 2, each linked to the record that fixes it), gap progress, the risk heat map, tasks due
 * and overdue, the non-conformity burn-down and the certification cycle. It refetches on every
 * change anyone makes in the organisation.
 */
export function DashboardPage() {
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const base = `/o/${organization.id}`;
  const firstName = viewer.name.split(/\s+/)[0] ?? viewer.name;
  const canReadiness = can('readiness:read');
  const { data, error, refetch } = useQuery(READINESS_DASHBOARD_QUERY, {
    variables: {
      id: organization.id,
      weekEnd: endOfWeek(),
      readiness: canReadiness,
      gap: can('gap:read'),
      risk: can('risk:read'),
      certification: can('certification:read'),
      tasks: can('task:readAll'),
    },
    skip: !canReadiness,
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const org = data?.organization;
  const readiness = org?.readiness ?? null;
  // New organisations (and people without the readiness view) get the welcome and next steps.
  const gettingStarted = !canReadiness || (readiness !== null && readiness.score < 30);

  return (
    <>
      <PageHeader
        eyebrow={
          canReadiness && !gettingStarted ? (
            <Group gap="xs">
              <Text size="sm" fw={600}>
                Welcome, {firstName}
              </Text>
              {organization.viewerRole ? <RoleBadge role={organization.viewerRole} size="sm" /> : null}
            </Group>
          ) : null
        }
        title="Dashboard"
        description={canReadiness ? `Where ${organization.name} stands on the way to ISO/IEC 27001 certification, live.` : `Your starting point for ${organization.name}'s ISO/IEC 27001 programme.`}
      />
      {canReadiness ? (
        error && !readiness ? (
          <ErrorState error={error} onRetry={() => refetch()} />
        ) : !readiness ? (
          <SkeletonRows rows={6} height={48} />
        ) : (
          <Grid gap="lg" mb="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ReadinessScoreCard readiness={readiness} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {org?.certification ? <CertificationSummary certification={org.certification} base={base} /> : null}
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ReadinessBlockers readiness={readiness} base={base} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <ReadinessBreakdown readiness={readiness} base={base} />
            </Grid.Col>
            {org?.gapAssessment ? (
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <GapProgress gap={org.gapAssessment} base={base} />
              </Grid.Col>
            ) : null}
            {org?.riskMatrix && org.residualHeatMap ? (
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <DashboardHeatMap matrix={org.riskMatrix} cells={org.residualHeatMap} base={base} />
              </Grid.Col>
            ) : null}
            {org?.dueThisWeek && org.overdueTasks ? (
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <TasksThisWeek
                  base={base}
                  dueThisWeek={{ totalCount: org.dueThisWeek.totalCount, tasks: org.dueThisWeek.edges.map((e) => e.node) }}
                  overdue={{ totalCount: org.overdueTasks.totalCount, tasks: org.overdueTasks.edges.map((e) => e.node) }}
                />
              </Grid.Col>
            ) : null}
            <Grid.Col span={{ base: 12, lg: org?.dueThisWeek ? 7 : 12 }}>
              <NonconformityBurndown readiness={readiness} />
            </Grid.Col>
            {can('objective:read') ? (
              <Grid.Col span={12}>
                <IndicatorTrends organizationId={organization.id} />
              </Grid.Col>
            ) : null}
            <Grid.Col span={12}>
              <OverdueCorrectiveActions />
            </Grid.Col>
            {can('certification:read') && can('audit:read') ? (
              <Grid.Col span={12}>
                <DashboardCycle organizationId={organization.id} />
              </Grid.Col>
            ) : null}
          </Grid>
        )
      ) : null}
      {gettingStarted ? <GettingStarted /> : null}
    </>
  );
}

function CertificationSummary({ certification, base }: { certification: NonNullable<NonNullable<ReadinessDashboardData['organization']>['certification']>; base: string }) {
  const look = describeStatus(certification);
  const next = certification.nextAudits[0];
  return (
    <Card h="100%" component="section" aria-label="Certification">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz={18}>
            Certification
          </Title>
          <Anchor component={Link} to={`${base}/certification`} size="sm">
            Open certification
          </Anchor>
        </Group>
        <Alert color={look.color} variant="light" p="xs" title={look.headline} data-testid="certification-status">
          {certification.certificate ? `Certificate from ${certification.certificate.certificationBody}, valid until ${formatDate(certification.certificate.expiresOn)}.` : 'No certificate yet.'}
        </Alert>
        {next ? (
          <Text size="sm">
            Next audit:{' '}
            {next.audit ? (
              <Anchor component={Link} to={`${base}/audits/${next.audit.id}`}>
                {next.audit.title}
              </Anchor>
            ) : (
              `${AUDIT_KIND_LABELS[next.kind].toLowerCase()} audit`
            )}{' '}
            by {formatDate(next.dueOn)}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
