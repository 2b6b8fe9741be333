import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, EmptyState, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconFlag, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { ErrorState, SkeletonRows } from '../../../components/query-states';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { FINDING_KINDS, FINDING_KIND_COLORS, FINDING_KIND_LABELS, FINDING_KIND_SHORT_LABELS, type FindingKind } from '../audit-words';
import { AUDIT_FINDINGS_QUERY, RAISE_FINDING_MUTATION, uploadEvidenceFiles, type FindingRow, type RequirementOption } from '../evidence-operations';
import { EvidenceFileInput } from './evidence/evidence-file-input';
import { EvidenceFiles } from './evidence/evidence-files';
import { CorrectiveActionPanel, isNonconformity } from './findings/corrective-action-panel';

const KIND_ORDER: Record<FindingKind, number> = { MAJOR_NONCONFORMITY: 0, MINOR_NONCONFORMITY: 1, OBSERVATION: 2, OPPORTUNITY_FOR_IMPROVEMENT: 3 };

/** Findings of the audit, most serious first, with the corrective action of each nonconformity. */
export function AuditFindings({ auditId }: { auditId: string }) {
  const [searchParams] = useSearchParams();
  const focusId = searchParams.get('finding');
  const { data, error, refetch } = useQuery(AUDIT_FINDINGS_QUERY, { variables: { auditId }, fetchPolicy: 'cache-and-network' });
  const [raising, setRaising] = useState(false);
  const audit = data?.node && data.node.__typename === 'Audit' && 'findings' in data.node ? data.node : null;
  const findings = useMemo(() => [...(audit?.findings ?? [])].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.raisedAt.localeCompare(b.raisedAt)), [audit]);
  const requirements = useMemo(() => [...(data?.catalog.clauses ?? []), ...(data?.catalog.controls ?? [])], [data]);

  useEffect(() => {
    if (!focusId || !audit) return;
    document.getElementById(`finding-${focusId}`)?.scrollIntoView({ block: 'start' });
  }, [focusId, audit]);

  if (error && !data) return <ErrorState error={error} onRetry={() => refetch()} />;
  if (!data) return <SkeletonRows rows={3} height={120} />;
  if (!audit) return <ErrorState error={new Error('not found')} title="This audit could not be found" />;

  const canRaise = audit.viewerCanConduct && audit.status !== 'CLOSED';
  const counts = FINDING_KINDS.map((kind) => ({ kind, count: findings.filter((f) => f.kind === kind).length })).filter((c) => c.count > 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Findings
          </Title>
          {counts.length ? (
            <Group gap="xs" mt={4}>
              {counts.map(({ kind, count }) => (
                <Badge key={kind} color={FINDING_KIND_COLORS[kind]} variant="light">
                  {count} {FINDING_KIND_SHORT_LABELS[kind]}
                </Badge>
              ))}
            </Group>
          ) : null}
        </div>
        {canRaise ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRaising(true)}>
            Raise finding
          </Button>
        ) : null}
      </Group>
      {findings.length === 0 ? (
        <Card>
          <EmptyState
            align="left"
            variant="light"
            icon={<IconFlag size={28} aria-hidden />}
            title="No findings raised"
            description={
              <Text size="sm">
                Findings record where the ISMS falls short of a clause or control (major or minor nonconformities), or what could be better (observations, opportunities for improvement). Each nonconformity gets a corrective
                action that an auditor verifies before certification.
              </Text>
            }
          />
        </Card>
      ) : (
        <Stack gap="md">
          {findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} focused={finding.id === focusId} viewerCanConduct={audit.viewerCanConduct} />
          ))}
        </Stack>
      )}
      <RaiseFindingModal auditId={auditId} requirements={requirements} opened={raising} onClose={() => setRaising(false)} />
    </Stack>
  );
}

function FindingCard({ finding, focused, viewerCanConduct }: { finding: FindingRow; focused: boolean; viewerCanConduct: boolean }) {
  const major = finding.kind === 'MAJOR_NONCONFORMITY';
  return (
    <Card
      id={`finding-${finding.id}`}
      component="article"
      aria-labelledby={`finding-title-${finding.id}`}
      withBorder
      style={{
        borderLeft: `4px solid var(--mantine-color-${FINDING_KIND_COLORS[finding.kind]}-6)`,
        ...(focused ? { boxShadow: '0 0 0 2px var(--mantine-color-blue-2)' } : {}),
      }}
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color={FINDING_KIND_COLORS[finding.kind]} variant={major ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
            {FINDING_KIND_LABELS[finding.kind]}
          </Badge>
          <Text id={`finding-title-${finding.id}`} fw={600}>
            {finding.requirementRef} {finding.requirementTitle}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {finding.description}
        </Text>
        <Group gap="lg">
          <Text size="sm" c="dimmed">
            Raised by {finding.raisedBy?.name ?? 'a former member'} <RelativeTime value={finding.raisedAt} c="dimmed" />
          </Text>
        </Group>
        {finding.evidence.length ? (
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              Evidence
            </Text>
            <EvidenceFiles evidence={finding.evidence} />
          </Stack>
        ) : null}
        {isNonconformity(finding.kind) ? <CorrectiveActionPanel finding={finding} viewerCanConduct={viewerCanConduct} /> : null}
      </Stack>
    </Card>
  );
}

function RaiseFindingModal({ auditId, requirements, opened, onClose }: { auditId: string; requirements: RequirementOption[]; opened: boolean; onClose: () => void }) {
  const { organization } = useCurrentOrganization();
  const [raise] = useMutation(RAISE_FINDING_MUTATION, { refetchQueries: ['AuditFindings'], awaitRefetchQueries: true });
  const [kind, setKind] = useState<FindingKind | ''>('');
  const [requirementRef, setRequirementRef] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'uploading' | 'sending'>(null);
  const options = useMemo(
    () => [
      { group: 'Clauses', items: requirements.filter((r) => !r.ref.startsWith('A.')).map((r) => ({ value: r.ref, label: `${r.ref} ${r.title}` })) },
      { group: 'Annex A controls', items: requirements.filter((r) => r.ref.startsWith('A.')).map((r) => ({ value: r.ref, label: `${r.ref} ${r.title}` })) },
    ],
    [requirements],
  );
  const close = () => {
    setKind('');
    setRequirementRef('');
    setDescription('');
    setFiles([]);
    setErrors({});
    setFormError(null);
    onClose();
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const missing: Record<string, string> = {};
    if (!kind) missing['kind'] = 'Choose the kind of finding.';
    if (!requirementRef) missing['requirementRef'] = 'Choose the clause or control.';
    if (!description.trim()) missing['description'] = 'Describe what you found and the evidence for it.';
    setErrors(missing);
    if (Object.keys(missing).length || !kind) return;
    let evidenceIds: string[] = [];
    if (files.length) {
      setBusy('uploading');
      const uploaded = await uploadEvidenceFiles(organization.id, files, { title: `Finding ${requirementRef}`, controlRefs: requirementRef.startsWith('A.') ? [requirementRef] : [] });
      if (!uploaded.ok) {
        setBusy(null);
        setErrors({ files: uploaded.message });
        return;
      }
      evidenceIds = uploaded.ids;
    }
    setBusy('sending');
    try {
      await raise({ variables: { input: { auditId, kind, requirementRef, description: description.trim(), evidenceIds } } });
      setBusy(null);
      close();
    } catch (error) {
      setBusy(null);
      const { field, message } = readApiError(error);
      if (field === 'evidenceIds') setErrors({ files: message });
      else if (field && ['kind', 'requirementRef', 'description'].includes(field)) setErrors({ [field]: message });
      else setFormError(message);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Raise finding</Text>} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              required
              data-autofocus
              placeholder="Choose"
              data={FINDING_KINDS.map((k) => ({ value: k, label: FINDING_KIND_LABELS[k] }))}
              value={kind || null}
              onChange={(v) => setKind((v as FindingKind | null) ?? '')}
              error={errors['kind']}
            />
            <Select
              label="Requirement"
              required
              searchable
              placeholder="Search clause or control"
              leftSection={<IconSearch size={14} aria-hidden />}
              nothingFoundMessage="No clause or control matches"
              data={options}
              value={requirementRef || null}
              onChange={(v) => setRequirementRef(v ?? '')}
              error={errors['requirementRef']}
              limit={60}
            />
          </SimpleGrid>
          {kind && isNonconformity(kind) ? (
            <Text size="xs" c="dimmed">
              A nonconformity needs a corrective action, due by default {kind === 'MAJOR_NONCONFORMITY' ? '30' : '90'} days after the audit ends.
            </Text>
          ) : null}
          <Textarea label="Description" required description="What you found, against which requirement, and the evidence you saw." autosize minRows={4} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors['description']} />
          <EvidenceFileInput value={files} onChange={setFiles} error={errors['files']} disabled={!!busy} />
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={!!busy}>
              Cancel
            </Button>
            <Button type="submit" loading={!!busy}>
              Raise finding
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

