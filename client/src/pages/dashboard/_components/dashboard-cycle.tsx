import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useLiveTopic } from '../../../apollo/organization-events';
import { buildCycle } from '../../certification/certification-cycle';
import { CERTIFICATION_PAGE_QUERY } from '../../certification/certification-operations';
import { CycleTimeline } from '../../certification/certification-parts';

/** The certification cycle of the certification page, on the dashboard. */
export function DashboardCycle({ organizationId }: { organizationId: string }) {
  const query = useQuery(CERTIFICATION_PAGE_QUERY, { variables: { id: organizationId }, fetchPolicy: 'cache-and-network' });
  const { refetch } = query;
  useLiveTopic('audits', () => void refetch());
  const certification = query.data?.organization?.certification ?? null;
  const audits = useMemo(() => query.data?.organization?.audits?.edges.map((e) => e.node) ?? [], [query.data]);
  const steps = useMemo(
    () => (certification ? buildCycle({ audits, decisions: certification.decisions, certificate: certification.certificate, nextAudits: certification.nextAudits }) : []),
    [audits, certification],
  );
  if (!steps.length) return null;
  return <CycleTimeline steps={steps} orgId={organizationId} />;
}
