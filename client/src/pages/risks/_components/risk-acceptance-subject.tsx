import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { RISK_PANEL_QUERY, isRiskNode } from '../risk-operations';
import { TREATMENT_DESCRIPTIONS } from '../risk-words';
import { ReviewDate, ScoreWithLevel, TreatmentBadge } from './risk-badges';

/**
 * What a risk owner accepts (clause 6.1.3 f), for the approvals panel: the scores before and
 * after treatment, the treatment and its controls. Usage: `<RiskAcceptanceSubject riskId={id} />`.
 */
export function RiskAcceptanceSubject({ riskId }: { riskId: string }) {
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(RISK_PANEL_QUERY, { variables: { id: riskId }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorState error={error} title="The risk could not be loaded" onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={4} />;
  const risk = isRiskNode(data.node) ? data.node : null;
  if (!risk) {
    return (
      <Text size="sm" c="dimmed">
        This risk is not visible to you, or it was deleted.
      </Text>
    );
  }
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={650}>{risk.title}</Text>
        {risk.threat || risk.vulnerability ? (
          <Text size="sm" c="dimmed">
            {[risk.threat, risk.vulnerability].filter(Boolean).join(' · ')}
          </Text>
        ) : null}
        <Group gap="sm" wrap="wrap">
          <Text size="sm">Before treatment</Text>
          <ScoreWithLevel score={risk.inherentScore} level={risk.level} />
          <IconArrowRight size={14} aria-label="becomes" color="var(--mantine-color-dimmed)" />
          <Text size="sm">after</Text>
          <ScoreWithLevel score={risk.residualScore} level={risk.residualLevel} above={risk.aboveThreshold} />
        </Group>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TreatmentBadge treatment={risk.treatment} />
          <Text size="sm" c="dimmed">
            {risk.treatment ? TREATMENT_DESCRIPTIONS[risk.treatment] : 'No treatment decided.'}
          </Text>
        </Group>
        <Text size="sm">
          <Text span fw={600} size="sm">
            Controls:{' '}
          </Text>
          {risk.controls.length ? risk.controls.map((c) => `${c.ref} ${c.title}`).join(' · ') : 'none'}
        </Text>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Next review:
          </Text>
          <ReviewDate value={risk.reviewDate} />
        </Group>
        <Anchor component={Link} to={`/o/${organization.id}/risks?risk=${encodeURIComponent(risk.id)}`} size="sm">
          Open the risk
        </Anchor>
      </Stack>
    </Paper>
  );
}
