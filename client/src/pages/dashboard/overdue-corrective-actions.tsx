import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DueDate } from '../../components/due-date';
import { useCurrentOrganization } from '../../organization/organization-context';

interface OverdueData {
  organization: {
    __typename?: 'Organization';
    id: string;
    correctiveActions: Array<{
      __typename?: 'CorrectiveAction';
      id: string;
      dueDate: string;
      overdue: boolean;
      owner: { __typename?: 'User'; id: string; name: string } | null;
      finding: { __typename?: 'Finding'; id: string; kind: string; requirementRef: string; requirementTitle: string; audit: { __typename?: 'Audit'; id: string; title: string } };
    }> | null;
  } | null;
}

const OVERDUE_QUERY: TypedDocumentNode<OverdueData, { id: string }> = gql`
  query CorrectiveActions($id: ID!) {
    organization(id: $id) {
      id
      correctiveActions(overdue: true) {
        id
        dueDate
        overdue
        owner {
          id
          name
        }
        finding {
          id
          kind
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

/** Corrective actions past their due date: on the dashboard for everyone who follows audits (refreshed live). */
export function OverdueCorrectiveActions() {
  const { organization, can } = useCurrentOrganization();
  const { data } = useQuery(OVERDUE_QUERY, { variables: { id: organization.id }, skip: !can('audit:read'), fetchPolicy: 'cache-and-network' });
  const actions = data?.organization?.correctiveActions ?? [];
  if (actions.length === 0) return null;
  return (
    <Card withBorder mt="lg" style={{ borderColor: 'var(--mantine-color-red-4)' }} component="section" aria-label="Overdue corrective actions">
      <Group gap="xs" mb="xs">
        <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden />
        <Title order={2} fz={18}>
          Overdue corrective actions
        </Title>
        <Badge color="red">{actions.length}</Badge>
      </Group>
      <Stack gap="xs">
        {actions.map((action) => (
          <Group key={action.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/o/${organization.id}/audits/${action.finding.audit.id}?tab=findings&finding=${action.finding.id}`} size="sm" fw={600}>
                {action.finding.requirementRef} {action.finding.requirementTitle}
              </Anchor>
              <Text size="xs" c="dimmed">
                {action.finding.kind === 'MAJOR_NONCONFORMITY' ? 'Major' : 'Minor'} nonconformity · {action.finding.audit.title} · {action.owner?.name ?? 'no owner'}
              </Text>
            </Stack>
            <DueDate value={action.dueDate} overdue size="xs" />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
