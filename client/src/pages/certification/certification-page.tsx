import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Grid, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarPlus, IconCertificate } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLiveTopic } from '../../apollo/organization-events';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { RecordCertificateForm, RecordDecisionForm } from './certification-forms';
import { buildCycle } from './certification-cycle';
import { CERTIFICATION_PAGE_QUERY, type CertificationRow } from './certification-operations';
import { BlockersList, CertificateCard, CycleTimeline, DecisionHistory, StatusCard } from './certification-parts';

/**
 * Where the organisation stands in the certification cycle (step 5 of the journey): the status,
 * what blocks the decision and the record that fixes it, the certificate, the decisions and the
 * three-year cycle. Owners and ISMS managers record the decision and the certificate here.
 */
export function CertificationPage() {
  const { organization, can } = useCurrentOrganization();
  const query = useQuery(CERTIFICATION_PAGE_QUERY, { variables: { id: organization.id }, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  useLiveTopic('audits', () => void refetch());

  const certification = query.data?.organization?.certification ?? null;
  const audits = useMemo(() => query.data?.organization?.audits?.edges.map((e) => e.node) ?? [], [query.data]);
  const steps = useMemo(
    () => (certification ? buildCycle({ audits, decisions: certification.decisions, certificate: certification.certificate, nextAudits: certification.nextAudits }) : []),
    [audits, certification],
  );
  const auditsLink = `/o/${organization.id}/audits`;
  const recorder = can('certification:record');

  const header = (
    <PageHeader
      eyebrow={
        <Badge variant="light" color="indigo" size="md">
          Step 5 · Certification
        </Badge>
      }
      title="Certification"
      description="Where you stand with ISO/IEC 27001 certification: what still blocks the decision, the certificate, and the audits of the three-year cycle."
      actions={
        can('audit:read') ? (
          <Button component={Link} to={auditsLink} variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />}>
            Audits
          </Button>
        ) : null
      }
    />
  );

  if (!query.data && query.loading) return (<>{header}<PageLoader label="Loading certification…" /></>);
  if (!query.data && query.error) return (<>{header}<ErrorState error={query.error} onRetry={() => refetch()} /></>);
  if (!certification) return (<>{header}<ErrorState error={query.error} title="Certification is not available" onRetry={() => refetch()} /></>);

  const granted = certification.decisions.filter((d) => d.decision === 'GRANTED').sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0];
  const needsCertificate = !!granted && (!certification.certificate || granted.decidedOn > certification.certificate.issuedOn);
  const decidable = certification.status !== 'CERTIFIED' || audits.some((a) => a.kind === 'RECERTIFICATION' && (a.status === 'REPORTING' || a.status === 'CLOSED'));
  const hasStages = audits.some((a) => a.kind === 'STAGE1' || a.kind === 'STAGE2');

  return (
    <>
      {header}
      <StatusCard certification={certification} />
      {certification.status === 'NOT_STARTED' && !hasStages ? <HowItWorks auditsLink={auditsLink} canPlan={can('audit:manage')} /> : null}
      {certification.blockers.length > 0 ? <BlockersList orgId={organization.id} blockers={certification.blockers} auditsLink={auditsLink} /> : null}
      {certification.status !== 'CERTIFIED' ? <Stage1ReadinessCard readiness={certification.stage1Readiness} orgId={organization.id} /> : null}
      <CycleTimeline steps={steps} orgId={organization.id} />
      {recorder && (needsCertificate || decidable) ? (
        <Grid gap="lg" mb="lg">
          {decidable ? (
            <Grid.Col span={{ base: 12, md: needsCertificate ? 6 : 12 }}>
              <RecordDecisionForm key={audits.map((a) => a.id).join()} orgId={organization.id} audits={audits} />
            </Grid.Col>
          ) : null}
          {needsCertificate ? (
            <Grid.Col span={{ base: 12, md: decidable ? 6 : 12 }}>
              <RecordCertificateForm orgId={organization.id} />
            </Grid.Col>
          ) : null}
        </Grid>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CertificateCard certificate={certification.certificate} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DecisionHistory decisions={certification.decisions} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The empty state: how certification works, and the first step. */
function HowItWorks({ auditsLink, canPlan }: { auditsLink: string; canPlan: boolean }) {
  return (
    <Paper withBorder radius="md" p="lg" mb="lg">
      <Group gap="sm" mb="sm">
        <ThemeIcon variant="light" size="lg" radius="xl">
          <IconCertificate size={20} aria-hidden />
        </ThemeIcon>
        <Title order={2} fz={20}>
          How certification works
        </Title>
      </Group>
      <List type="ordered" spacing="xs" mb="md">
        <List.Item>
          <Text span fw={700}>Stage 1</Text> — the certification body reviews your documented ISMS and whether you are ready.
        </List.Item>
        <List.Item>
          <Text span fw={700}>Stage 2</Text> — on site, the auditors check that the ISMS works in practice and raise findings.
        </List.Item>
        <List.Item>
          <Text span fw={700}>Decision</Text> — with no open major nonconformity, the body grants the certificate, valid three years with yearly surveillance audits.
        </List.Item>
      </List>
      {canPlan ? (
        <Button component={Link} to={auditsLink} leftSection={<IconCalendarPlus size={18} aria-hidden />}>
          Plan the stage 1 audit
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          Your ISMS manager plans the stage 1 audit with the certification body.
        </Text>
      )}
    </Paper>
  );
}

const READINESS_LINKS: Record<string, string> = {
  MANDATORY_DOCUMENT_MISSING: 'documents?tab=mandatory',
  SOA_NOT_APPROVED: 'statement-of-applicability',
  RISK_TREATMENT_INCOMPLETE: 'risks',
  RISK_ACCEPTANCE_MISSING: 'risks',
  NO_RECENT_INTERNAL_AUDIT: 'audits',
  NO_RECENT_MANAGEMENT_REVIEW: 'management-reviews',
  CONSISTENCY_ERRORS: 'documents?tab=consistency',
};

/** What the stage 1 documentation review would stop at, each line linking to where it is fixed. */
function Stage1ReadinessCard({ readiness, orgId }: { readiness: CertificationRow['stage1Readiness']; orgId: string }) {
  return (
    <Card withBorder radius="md" p="lg" mb="lg" component="section" aria-labelledby="stage1-readiness-heading">
      <Group justify="space-between" mb="xs">
        <Title id="stage1-readiness-heading" order={2} fz={20}>
          Stage 1 readiness
        </Title>
        <Badge color={readiness.ready ? 'teal' : 'orange'} variant="light" size="lg">
          {readiness.ready ? 'Ready for stage 1' : `${readiness.blockers.length} to fix`}
        </Badge>
      </Group>
      {readiness.ready ? (
        <Text size="sm" c="dimmed">
          Mandatory documents, the approved SoA, risk treatment and acceptance, a recent internal audit and consistent data: the documentation review has what it needs.
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {readiness.blockers.map((blocker, index) => (
            <Group key={`${blocker.code}-${index}`} component="li" gap="sm" wrap="nowrap" justify="space-between">
              <Text size="sm">{blocker.message}</Text>
              {READINESS_LINKS[blocker.code] ? (
                <Anchor component={Link} to={`/o/${orgId}/${READINESS_LINKS[blocker.code]}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                  Fix it →
                </Anchor>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
