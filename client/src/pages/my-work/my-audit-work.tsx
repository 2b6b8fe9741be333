import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconClipboardSearch, IconTool } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DueDate } from '../../components/due-date';
import { RelativeTime } from '../../components/relative-time';
import { useCurrentOrganization } from '../../organization/organization-context';
import { CORRECTIVE_ACTION_STATUS_COLORS, CORRECTIVE_ACTION_STATUS_LABELS, EVIDENCE_REQUEST_STATUS_LABELS } from '../audits/audit-words';
import type { CorrectiveActionStatus, EvidenceRequestStatus } from '../audits/audit-words';

interface MyAuditWorkData {
  organization: {
    __typename?: 'Organization';
    id: string;
    evidenceRequestsForViewer: Array<{ __typename?: 'EvidenceRequest'; id: string; title: string; status: EvidenceRequestStatus; dueAt: string; overdue: boolean; reviewComment: string; audit: { __typename?: 'Audit'; id: string; title: string } }> | null;
    correctiveActions: Array<{ __typename?: 'CorrectiveAction'; id: string; status: CorrectiveActionStatus; dueDate: string; overdue: boolean; finding: { __typename?: 'Finding'; id: string; requirementRef: string; requirementTitle: string; audit: { __typename?: 'Audit'; id: string; title: string } } }> | null;
  } | null;
}

const MY_AUDIT_WORK_QUERY: TypedDocumentNode<MyAuditWorkData, { id: string; me: string }> = gql`
  query MyAuditWork($id: ID!, $me: ID!) {
    organization(id: $id) {
      id
      evidenceRequestsForViewer {
        id
        title
        status
        dueAt
        overdue
        reviewComment
        audit {
          id
          title
        }
      }
      correctiveActions(ownerId: $me) {
        id
        status
        dueDate
        overdue
        finding {
          id
          requirementRef
          requirementTitle
          audit {
            id
            title
          }
        }
      }
    }
  }
`;

/** What audits ask of you: evidence to provide and the corrective actions you own (shown only when there is something). */
export function MyAuditWork({ viewerId }: { viewerId: string }) {
  const { organization, can } = useCurrentOrganization();
  const { data } = useQuery(MY_AUDIT_WORK_QUERY, {
    variables: { id: organization.id, me: viewerId },
    skip: !can('evidence:answer') || !can('audit:read'),
    fetchPolicy: 'cache-and-network',
  });
  const requests = data?.organization?.evidenceRequestsForViewer ?? [];
  const actions = (data?.organization?.correctiveActions ?? []).filter((a) => a.status !== 'VERIFIED');
  const base = `/o/${organization.id}/audits`;
  return (
    <>
      {requests.length > 0 ? (
        <Card component="section" aria-label="Evidence requested from you">
          <Group gap="xs" mb="xs">
            <IconClipboardSearch size={18} aria-hidden />
            <Title order={2} fz={16}>
              Evidence requested from you
            </Title>
            <Badge variant="light">{requests.length}</Badge>
          </Group>
          <Stack gap="xs">
            {requests.map((request) => (
              <Group key={request.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`${base}/${request.audit.id}?tab=evidence&request=${request.id}`} fw={600} size="sm">
                    {request.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {request.audit.title} · {EVIDENCE_REQUEST_STATUS_LABELS[request.status]}
                    {request.status === 'RETURNED' && request.reviewComment ? ` — ${request.reviewComment}` : ''}
                  </Text>
                </Stack>
                <Text size="xs" c={request.overdue ? 'red.8' : 'dimmed'} fw={request.overdue ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
                  {request.overdue ? 'Overdue · ' : 'Due '}
                  <RelativeTime value={request.dueAt} span size="xs" c={request.overdue ? 'red.8' : 'dimmed'} />
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      {actions.length > 0 ? (
        <Card component="section" aria-label="Corrective actions you own">
          <Group gap="xs" mb="xs">
            <IconTool size={18} aria-hidden />
            <Title order={2} fz={16}>
              Corrective actions you own
            </Title>
            <Badge variant="light">{actions.length}</Badge>
          </Group>
          <Stack gap="xs">
            {actions.map((action) => (
              <Group key={action.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`${base}/${action.finding.audit.id}?tab=findings&finding=${action.finding.id}`} fw={600} size="sm">
                    {action.finding.requirementRef} {action.finding.requirementTitle}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {action.finding.audit.title}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color={CORRECTIVE_ACTION_STATUS_COLORS[action.status]}>
                    {CORRECTIVE_ACTION_STATUS_LABELS[action.status]}
                  </Badge>
                  <DueDate value={action.dueDate} overdue={action.overdue} size="xs" />
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
    </>
  );
}
