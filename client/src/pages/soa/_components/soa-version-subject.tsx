import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { SOA_COMPARE_QUERY } from '../soa-operations';
import { ChangeTable, HashPrefix } from './soa-versions';

interface SubjectData {
  catalog: { __typename?: 'Catalog'; controls: { __typename?: 'CatalogControl'; ref: string; title: string }[] };
  organization: {
    __typename?: 'Organization';
    id: string;
    soaVersions: { __typename?: 'SoaVersion'; id: string; number: number; approval: { __typename?: 'ApprovalRequest'; id: string } | null }[] | null;
  } | null;
  node: {
    __typename: string;
    id: string;
    number?: number;
    note?: string;
    contentHash?: string;
    issuedAt?: string;
    issuedBy?: { __typename?: 'User'; id: string; name: string };
    entries?: { __typename?: 'SoaVersionEntry'; controlRef: string; applicable: boolean | null; justification: string; implementationStatus: string }[];
  } | null;
}

const SOA_VERSION_SUBJECT_QUERY: TypedDocumentNode<SubjectData, { organizationId: string; id: string }> = gql`
  query SoaVersionSubject($organizationId: ID!, $id: ID!) {
    catalog {
      controls {
        ref
        title
      }
    }
    organization(id: $organizationId) {
      id
      soaVersions {
        id
        number
        approval {
          id
        }
      }
    }
    node(id: $id) {
      id
      ... on SoaVersion {
        number
        note
        contentHash
        issuedAt
        issuedBy {
          id
          name
        }
        # The same fields as everywhere else: entries are not normalised, a subset would replace them.
        entries {
          controlRef
          applicable
          justification
          implementationStatus
        }
      }
    }
  }
`;

/**
 * What an approver of an SoA version signs, for the approvals panel: the version, its hash, and
 * its changes from the last approved version, in words. Usage: `<SoaVersionSubject versionId={id} />`.
 */
export function SoaVersionSubject({ versionId }: { versionId: string }) {
  const { organization } = useCurrentOrganization();
  const { data, error, refetch } = useQuery(SOA_VERSION_SUBJECT_QUERY, { variables: { organizationId: organization.id, id: versionId }, fetchPolicy: 'cache-and-network' });
  const version = data?.node?.__typename === 'SoaVersion' ? data.node : null;
  const number = version?.number ?? 0;
  const lastApproved = useMemo(() => (data?.organization?.soaVersions ?? []).find((v) => v.number < number && !!v.approval) ?? null, [data, number]);
  const titles = useMemo(() => new Map((data?.catalog.controls ?? []).map((c) => [c.ref, c.title])), [data]);
  const diff = useQuery(SOA_COMPARE_QUERY, {
    variables: { id: organization.id, from: lastApproved?.number ?? 0, to: number },
    skip: !lastApproved || !number,
  });

  if (error && !data) return <ErrorState error={error} title="The version could not be loaded" onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={4} />;
  if (!version) {
    return (
      <Text size="sm" c="dimmed">
        This version is not visible to you.
      </Text>
    );
  }
  const applicable = version.entries?.filter((e) => e.applicable === true).length ?? 0;
  const excluded = version.entries?.filter((e) => e.applicable === false).length ?? 0;
  const changes = diff.data?.organization?.compareSoaVersions ?? null;

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" bg="gray.0">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Text fw={650}>Statement of Applicability, version {version.number}</Text>
            <Text size="xs" c="dimmed">
              Issued {dayjs(version.issuedAt).format('D MMM YYYY')} by {version.issuedBy?.name} · {applicable} applicable, {excluded} excluded
            </Text>
            {version.note ? <Text size="sm">“{version.note}”</Text> : null}
          </Stack>
          {version.contentHash ? <HashPrefix hash={version.contentHash} /> : null}
        </Group>
      </Paper>
      {!lastApproved ? (
        <Text size="sm">No earlier version is approved: this approval covers all 93 controls as issued.</Text>
      ) : diff.loading && !changes ? (
        <SkeletonRows rows={3} />
      ) : changes ? (
        <ChangeTable changes={changes} titles={titles} heading={`Changes since version ${lastApproved.number} (the last approved)`} />
      ) : null}
      <Anchor component={Link} to={`/o/${organization.id}/statement-of-applicability?tab=versions${lastApproved ? `&from=${lastApproved.number}&to=${version.number}` : ''}`} size="sm">
        Open the Statement of Applicability
      </Anchor>
    </Stack>
  );
}
