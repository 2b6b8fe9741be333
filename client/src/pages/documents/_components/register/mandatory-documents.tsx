import { Anchor, Badge, Button, Card, Center, Group, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClockExclamation, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState, SkeletonRows } from '../../../../components/query-states';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { MandatoryDocumentRow } from '../../documents-operations';
import type { DocumentKind } from '../../document-words';
import { DocumentStatusBadge } from '../status-badges';
import type { NewDocumentPreset } from './new-document-modal';
import type { MandatoryShow } from './register-url';

interface MandatoryDocumentsProps {
  rows: MandatoryDocumentRow[] | null;
  error: unknown;
  onRetry(): void;
  show: MandatoryShow;
  onShow(show: MandatoryShow): void;
  onCreate: ((preset: NewDocumentPreset) => void) | null;
}

/** The SoA is issued and approved on its own page; an issued version satisfies this requirement. */
export const SOA_MANDATORY_REF = 'MD-6.1.3-d';

/** A kind for a document written to fill a requirement, guessed from its name. */
function guessKind(row: Pick<MandatoryDocumentRow, 'kind' | 'title'>): DocumentKind {
  if (row.kind === 'RECORD') return 'RECORD';
  const title = row.title.toLowerCase();
  if (title.includes('policy') || title.includes('policies') || title.includes('rules')) return 'POLICY';
  if (title.includes('procedure') || title.includes('process')) return 'PROCEDURE';
  if (title.includes('plan')) return 'PLAN';
  return 'OTHER';
}

/** What a "Create" button for a requirement fills in: its title, a kind, its clause or control and the tag. */
export function presetFor(row: Pick<MandatoryDocumentRow, 'ref' | 'title' | 'clause' | 'kind'>): NewDocumentPreset {
  const annexA = row.clause.startsWith('A.');
  return {
    title: row.title,
    kind: guessKind(row),
    mandatoryRefs: [row.ref],
    ...(annexA ? { controlRefs: [row.clause] } : { clauseRefs: [row.clause] }),
  };
}

type Standing = 'satisfied' | 'not-current' | 'missing';

function standingOf(row: MandatoryDocumentRow): Standing {
  if (row.satisfied) return 'satisfied';
  return row.documents.length ? 'not-current' : 'missing';
}

/** The ISO/IEC 27001:2022 checklist of mandatory documented information, filled from the documents' tags. */
export function MandatoryDocuments({ rows, error, onRetry, show, onShow, onCreate }: MandatoryDocumentsProps) {
  if (error && !rows) return <ErrorState error={error} title="The checklist could not be loaded" onRetry={onRetry} />;
  if (!rows) return <SkeletonRows rows={10} />;

  const satisfied = rows.filter((r) => r.satisfied).length;
  const clauses = rows.filter((r) => !r.clause.startsWith('A.'));
  const annexA = rows.filter((r) => r.clause.startsWith('A.'));
  const percent = rows.length ? Math.round((satisfied / rows.length) * 100) : 0;
  const visible = (list: MandatoryDocumentRow[]) => list.filter((r) => (show === 'all' ? true : show === 'missing' ? !r.satisfied : r.satisfied));
  const none = satisfied === 0;

  return (
    <Stack gap="lg">
      <Card>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
          <Stack gap={6} maw={640}>
            <Text fw={700} fz={22} role="status">
              {satisfied} of {rows.length} satisfied
            </Text>
            <Text size="sm" c="dimmed">
              The documented information ISO/IEC 27001:2022 requires. A requirement is satisfied when a document tagged with it is published, its approval covers the published content and its
              review is not overdue — or when Annex itself keeps the records (audit reports, training records, measurements, the signed management review, the risk register, the asset
              inventory). The Annex A ones are required when the Statement of Applicability marks their control applicable.
            </Text>
            {none && onCreate ? (
              <Text size="sm">
                <Text span fw={600}>
                  First step:
                </Text>{' '}
                write the information security policy (clause 5.2), tag it “MD-5.2”, have it approved and publish it. Or tag the documents you already have.
              </Text>
            ) : null}
          </Stack>
          <SimpleGrid cols={2} spacing="lg" miw={300}>
            <GroupProgress label="Clauses 4–10" rows={clauses} />
            <GroupProgress label="Annex A" rows={annexA} />
          </SimpleGrid>
        </Group>
        <Progress value={percent} color={percent === 100 ? 'teal' : 'indigo'} size="md" mt="md" aria-label={`${satisfied} of ${rows.length} mandatory documents satisfied`} />
      </Card>

      <Group justify="space-between">
        <SegmentedControl
          aria-label="Show"
          value={show}
          onChange={(value) => onShow(value as MandatoryShow)}
          data={[
            { value: 'all', label: `All ${rows.length}` },
            { value: 'missing', label: `Missing ${rows.length - satisfied}` },
            { value: 'satisfied', label: `Satisfied ${satisfied}` },
          ]}
        />
      </Group>

      <ChecklistSection title="Clauses 4–10" caption="Always required" rows={visible(clauses)} onCreate={onCreate} show={show} />
      <ChecklistSection title="Annex A" caption="Required when the control applies" rows={visible(annexA)} onCreate={onCreate} show={show} />
    </Stack>
  );
}

function GroupProgress({ label, rows }: { label: string; rows: MandatoryDocumentRow[] }) {
  const done = rows.filter((r) => r.satisfied).length;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={600}>
        {done} of {rows.length}
      </Text>
      <Progress value={rows.length ? (done / rows.length) * 100 : 0} color="teal" size="sm" aria-label={`${label}: ${done} of ${rows.length} satisfied`} />
    </Stack>
  );
}

function ChecklistSection({ title, caption, rows, onCreate, show }: { title: string; caption: string; rows: MandatoryDocumentRow[]; onCreate: MandatoryDocumentsProps['onCreate']; show: MandatoryShow }) {
  return (
    <Card p={0}>
      <Group gap="xs" px="md" pt="md" pb="xs">
        <Title order={2} fz={17}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          · {caption}
        </Text>
      </Group>
      {rows.length === 0 ? (
        <Center p="lg">
          <Text size="sm" c="dimmed">
            {show === 'missing' ? 'Nothing missing here.' : 'None satisfied here yet.'}
          </Text>
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} aria-label={`Mandatory documents: ${title}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Ref</Table.Th>
                <Table.Th>Required documented information</Table.Th>
                <Table.Th w={80}>Clause</Table.Th>
                <Table.Th w={110}>Type</Table.Th>
                <Table.Th w={130}>Status</Table.Th>
                <Table.Th w={330}>Documents</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <ChecklistRow key={row.ref} row={row} onCreate={onCreate} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The page of each module that keeps mandatory records (the part of `keptIn` before the colon). */
const KEPT_IN_PAGES: Record<string, string> = {
  Audits: 'audits',
  Training: 'training',
  'Objectives & KPIs': 'objectives',
  'Management reviews': 'management-reviews',
  Risks: 'risks',
  Assets: 'assets',
};

function ChecklistRow({ row, onCreate }: { row: MandatoryDocumentRow; onCreate: MandatoryDocumentsProps['onCreate'] }) {
  const { organization } = useCurrentOrganization();
  const standing = standingOf(row);
  return (
    <Table.Tr data-mandatory-ref={row.ref}>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.ref}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {row.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.clause}</Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" color={row.kind === 'RECORD' ? 'cyan' : 'gray'} size="sm">
          {row.kind === 'RECORD' ? 'Record' : 'Document'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <StandingBadge standing={standing} />
      </Table.Td>
      <Table.Td>
        <Stack gap={6}>
          {row.documents.map((doc) => (
            <Group key={doc.id} gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/o/${organization.id}/documents/${doc.id}`} size="sm" lineClamp={1}>
                {doc.title}
              </Anchor>
              <DocumentStatusBadge status={doc.status} size="xs" style={{ flexShrink: 0 }} />
              {doc.reviewOverdue ? (
                <Text size="xs" c="red.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  Review overdue
                </Text>
              ) : null}
            </Group>
          ))}
          {row.keptIn ? (
            <Anchor component={Link} to={`/o/${organization.id}/${KEPT_IN_PAGES[row.keptIn.split(':')[0]!] ?? ''}`} size="sm">
              Kept in Annex — {row.keptIn}
            </Anchor>
          ) : null}
          {row.ref === SOA_MANDATORY_REF && row.documents.length === 0 ? (
            <Anchor component={Link} to={`/o/${organization.id}/statement-of-applicability`} size="sm">
              {row.satisfied ? 'The issued Statement of Applicability' : 'Issue the Statement of Applicability'}
            </Anchor>
          ) : standing !== 'satisfied' && onCreate && row.documents.length === 0 && !row.keptIn ? (
            <Group>
              <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onCreate(presetFor(row))} aria-label={`Create ${row.title}`}>
                Create
              </Button>
            </Group>
          ) : null}
          {row.documents.length === 0 && !onCreate && !row.keptIn && row.ref !== SOA_MANDATORY_REF ? (
            <Text size="sm" c="dimmed">
              No document tagged
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function StandingBadge({ standing }: { standing: Standing }) {
  if (standing === 'satisfied') {
    return (
      <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} aria-hidden />}>
        Satisfied
      </Badge>
    );
  }
  if (standing === 'not-current') {
    return (
      <Tooltip label="Documents are tagged with it, but none is published with a valid approval and within its review date." multiline w={260}>
        <Stack gap={2} align="flex-start">
          <Badge color="red" variant="light" leftSection={<IconCircleX size={12} aria-hidden />}>
            Missing
          </Badge>
          <Group gap={3} wrap="nowrap">
            <IconClockExclamation size={12} aria-hidden color="var(--mantine-color-orange-8)" />
            <Text size="xs" c="orange.9">
              Not current yet
            </Text>
          </Group>
        </Stack>
      </Tooltip>
    );
  }
  return (
    <Badge color="red" variant="light" leftSection={<IconCircleX size={12} aria-hidden />}>
      Missing
    </Badge>
  );
}
