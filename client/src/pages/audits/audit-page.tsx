import { useQuery } from '@apollo/client/react';
import { Badge, Button, Center, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertOctagon, IconCalendarTime, IconChecklist, IconClipboardSearch, IconFileSearch, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { DocumentTitle } from '../../components/document-title';
import { ErrorState } from '../../components/query-states';
import { useCurrentOrganization } from '../../organization/organization-context';
import { AuditEvidenceRequests } from './_components/audit-evidence-requests';
import { AuditFindings } from './_components/audit-findings';
import { AuditAgenda } from './_components/overview/audit-agenda';
import { AuditChecklist } from './_components/overview/audit-checklist';
import { AuditFormModal } from './_components/overview/audit-form-modal';
import { AuditHeader } from './_components/overview/audit-header';
import { AuditOverview } from './_components/overview/audit-overview';
import { AUDIT_DETAIL_QUERY, isAuditNode, type AuditDetail } from './audit-operations';

const TABS = ['overview', 'agenda', 'checklist', 'evidence', 'findings'] as const;
type AuditTab = (typeof TABS)[number];

function readTab(params: URLSearchParams): AuditTab {
  const tab = params.get('tab');
  return (TABS as readonly string[]).includes(tab ?? '') ? (tab as AuditTab) : 'overview';
}

/** One audit: its plan, agenda, checklist, evidence requests and findings. */
export function AuditPage() {
  const { auditId = '' } = useParams();
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(AUDIT_DETAIL_QUERY, { variables: { id: auditId }, fetchPolicy: 'cache-and-network' });
  const node = data?.node;

  if (error && !data) return <ErrorState error={error} title="This audit could not be loaded" onRetry={() => refetch()} />;
  if (!data) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the audit">
        <Skeleton height={14} width={80} />
        <Skeleton height={34} width="45%" />
        <Skeleton height={18} width="30%" />
        <Skeleton height={36} width={520} mt="md" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (!isAuditNode(node)) {
    return (
      <Center mih={360}>
        <Stack align="center" gap="xs" maw={440} ta="center">
          <IconFileSearch size={36} aria-hidden color="var(--mantine-color-gray-6)" />
          <Title order={1} fz={20}>
            Audit not found
          </Title>
          <Text c="dimmed" size="sm">
            It may not exist, or you are not on its audit team. The audits page lists the audits you can open.
          </Text>
          <Button component={Link} to={`/o/${organization.id}/audits`} variant="default" mt="sm">
            Back to the audits
          </Button>
        </Stack>
      </Center>
    );
  }
  return <AuditView audit={node} reload={() => void refetch()} />;
}

function AuditView({ audit, reload }: { audit: AuditDetail; reload(): void }) {
  const { can } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const tab = readTab(params);
  const manage = can('audit:manage');

  const setTab = (next: string | null) => {
    const p = new URLSearchParams(params);
    if (!next || next === 'overview') p.delete('tab');
    else p.set('tab', next);
    if (next !== 'checklist') p.delete('verdict');
    setParams(p, { replace: true });
  };

  const unchecked = audit.checklist.filter((i) => i.verdict === 'NOT_CHECKED').length;
  const openRequests = audit.evidenceRequests.filter((r) => r.status === 'OPEN' || r.status === 'RETURNED').length;
  const nonconformities = audit.findings.filter((f) => f.kind === 'MAJOR_NONCONFORMITY' || f.kind === 'MINOR_NONCONFORMITY').length;
  const count = (n: number, label: string, color = 'gray') =>
    n ? (
      <Badge size="sm" variant="light" color={color} aria-label={label}>
        {n}
      </Badge>
    ) : null;

  return (
    <>
      <DocumentTitle title={audit.title} />
      <AuditHeader audit={audit} onEdit={manage ? () => setEditing(true) : null} onReload={reload} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} aria-hidden />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="agenda" leftSection={<IconCalendarTime size={16} aria-hidden />} rightSection={count(audit.agenda.length, `${audit.agenda.length} sessions`)}>
            Agenda
          </Tabs.Tab>
          <Tabs.Tab value="checklist" leftSection={<IconChecklist size={16} aria-hidden />} rightSection={count(unchecked, `${unchecked} not checked`)}>
            Checklist
          </Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconClipboardSearch size={16} aria-hidden />} rightSection={count(openRequests, `${openRequests} open`, 'blue')}>
            Evidence requests
          </Tabs.Tab>
          <Tabs.Tab value="findings" leftSection={<IconAlertOctagon size={16} aria-hidden />} rightSection={count(audit.findings.length, `${audit.findings.length} findings`, nonconformities ? 'orange' : 'gray')}>
            Findings
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <AuditOverview audit={audit} onTab={setTab} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda">
          <AuditAgenda audit={audit} />
        </Tabs.Panel>
        <Tabs.Panel value="checklist">
          <AuditChecklist audit={audit} onReload={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence">
          <AuditEvidenceRequests auditId={audit.id} />
        </Tabs.Panel>
        <Tabs.Panel value="findings">
          <AuditFindings auditId={audit.id} />
        </Tabs.Panel>
      </Tabs>
      {manage ? <AuditFormModal opened={editing} onClose={() => setEditing(false)} audit={audit} /> : null}
    </>
  );
}
