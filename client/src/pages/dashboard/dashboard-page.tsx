import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { OverdueCorrectiveActions } from './overdue-corrective-actions';
import { Anchor, Card, Grid, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconHistory, IconKey, IconListCheck, IconUserPlus, IconUsers, type Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorState, SkeletonRows } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { RoleBadge } from '../../organization/role-badge';
import { ROLE_DESCRIPTIONS, ROLE_IN_A_SENTENCE, isRole } from '../../organization/roles';
import { useViewer } from '../../session/require-viewer';
import { JourneySteps } from '../journey/_components/journey-steps';

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

export function DashboardPage() {
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
    <>
      <PageHeader title="Dashboard" description={`Your starting point for ${organization.name}'s ISO/IEC 27001 programme.`} />
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
          <OverdueCorrectiveActions />
        </Grid.Col>
      </Grid>
    </>
  );
}
