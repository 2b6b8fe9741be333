import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconFile, IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { formatDate, RelativeTime } from '../../../../components/relative-time';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { formatBytes, uploadEvidenceFile } from '../../evidence-operations';
import { EVIDENCE_ACCEPT } from './evidence-file-input';

interface AttachedEvidenceItem {
  __typename?: 'Evidence';
  id: string;
  title: string;
  controlRefs: string[];
  effectiveOn: string | null;
  expiresOn: string | null;
  expired: boolean;
  createdAt: string;
  uploadedBy: { __typename?: 'User'; id: string; name: string } | null;
  subject: { __typename: string; id: string; title?: string } | null;
  file: { __typename?: 'StoredFile'; id: string; filename: string; url: string; sha256: string; size: number; contentType: string } | null;
}

interface AttachedEvidenceData {
  organization: { __typename?: 'Organization'; id: string; evidence: AttachedEvidenceItem[] | null } | null;
}

const ATTACHED_EVIDENCE_QUERY: TypedDocumentNode<AttachedEvidenceData, { id: string; subjectId?: string | null; controlRef?: string | null }> = gql`
  query AttachedEvidence($id: ID!, $subjectId: ID, $controlRef: String) {
    organization(id: $id) {
      id
      evidence(subjectId: $subjectId, controlRef: $controlRef) {
        id
        title
        controlRefs
        effectiveOn
        expiresOn
        expired
        createdAt
        uploadedBy {
          id
          name
        }
        subject {
          id
          ... on Risk {
            title
          }
          ... on Task {
            title
          }
        }
        file {
          id
          filename
          url
          sha256
          size
          contentType
        }
      }
    }
  }
`;

/** Where a record the evidence is on opens (the list page with its drawer). */
function subjectLink(organizationId: string, subject: NonNullable<AttachedEvidenceItem['subject']>): { label: string; to: string } | null {
  if (subject.__typename === 'Risk') return { label: `risk “${subject.title ?? ''}”`, to: `/o/${organizationId}/risks?risk=${encodeURIComponent(subject.id)}` };
  if (subject.__typename === 'Task') return { label: `task “${subject.title ?? ''}”`, to: `/o/${organizationId}/tasks?task=${encodeURIComponent(subject.id)}` };
  return null;
}

interface AttachedEvidenceProps {
  /** The record the evidence is on (a risk, a task): lists its evidence, and attaches new files to it. */
  subjectId?: string;
  /** A control (`A.8.13`): lists the evidence naming it, and names it on new files. */
  controlRef?: string;
  /** Further controls new files name (a risk's controls). */
  controlRefs?: string[];
  canAttach: boolean;
  /** Said when there is nothing yet. */
  emptyText?: string;
}

/**
 * Evidence kept with a record outside audits (a risk, a task) or with a control: hashed files
 * with the date they show things as they were and, if they age, when they expire. Everyone who
 * uploads evidence may attach more.
 */
export function AttachedEvidence({ subjectId, controlRef, controlRefs = [], canAttach, emptyText }: AttachedEvidenceProps) {
  const { organization, can } = useCurrentOrganization();
  const allowed = can('evidence:upload');
  const { data, refetch } = useQuery(ATTACHED_EVIDENCE_QUERY, {
    variables: { id: organization.id, subjectId: subjectId ?? null, controlRef: controlRef ?? null },
    skip: !allowed || (!subjectId && !controlRef),
    fetchPolicy: 'cache-and-network',
  });
  useLiveTopic('audits', () => void refetch().catch(() => undefined));
  const [formOpen, setFormOpen] = useState(false);
  const [attached, setAttached] = useState<string | null>(null);
  useEffect(() => {
    if (!attached) return;
    const timer = setTimeout(() => setAttached(null), 4000);
    return () => clearTimeout(timer);
  }, [attached]);
  if (!allowed) return null;
  const evidence = data?.organization?.evidence ?? [];
  const expiredCount = evidence.filter((e) => e.expired).length;

  return (
    <Stack gap="xs" component="section" aria-label="Evidence">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <IconPaperclip size={16} aria-hidden />
          <Title order={3} fz={16}>
            Evidence
          </Title>
          {evidence.length ? <Badge variant="light">{evidence.length}</Badge> : null}
          {expiredCount ? (
            <Badge variant="light" color="red">
              {expiredCount} expired
            </Badge>
          ) : null}
        </Group>
        {canAttach && !formOpen ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUpload size={14} aria-hidden />}
            onClick={() => {
              setAttached(null);
              setFormOpen(true);
            }}
          >
            Attach evidence
          </Button>
        ) : null}
      </Group>
      {attached ? (
        <Group gap={4} c="teal.8" role="status">
          <IconCheck size={14} aria-hidden />
          <Text size="xs" c="teal.8">
            Attached “{attached}”.
          </Text>
        </Group>
      ) : null}
      {canAttach && formOpen ? (
        <AttachEvidenceForm
          organizationId={organization.id}
          subjectId={subjectId}
          controlRefs={[...new Set([...(controlRef ? [controlRef] : []), ...controlRefs])]}
          onCancel={() => setFormOpen(false)}
          onAttached={async (name) => {
            setFormOpen(false);
            setAttached(name);
            await refetch().catch(() => undefined);
          }}
        />
      ) : null}
      {evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText ?? 'No evidence yet. Attach what shows this works (a test record, a review, a screenshot): auditors sample it.'}
        </Text>
      ) : (
        <Stack gap={6} component="ul" aria-label="Attached evidence" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {evidence.map((item) => (
            <EvidenceItem key={item.id} item={item} organizationId={organization.id} showSubject={!subjectId} showControls={!controlRef} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function EvidenceItem({ item, organizationId, showSubject, showControls }: { item: AttachedEvidenceItem; organizationId: string; showSubject: boolean; showControls: boolean }) {
  const on = showSubject && item.subject ? subjectLink(organizationId, item.subject) : null;
  return (
    <Paper component="li" withBorder radius="sm" px="sm" py={8} aria-label={item.title} bg={item.expired ? 'red.0' : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {item.file ? (
            <Anchor href={item.file.url} download={item.file.filename} size="sm" fw={600} aria-label={`Download ${item.file.filename}`} style={{ wordBreak: 'break-word' }}>
              {item.title}
            </Anchor>
          ) : (
            <Text size="sm" fw={600}>
              {item.title}
            </Text>
          )}
          {item.file ? (
            <Group gap={6} wrap="wrap">
              <IconFile size={13} aria-hidden color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {item.file.filename}
              </Text>
              <Text size="xs" c="dimmed">
                · {formatBytes(item.file.size)} ·
              </Text>
              <Tooltip label={`SHA-256 ${item.file.sha256}`}>
                <Text size="xs" c="dimmed" ff="monospace" aria-label={`SHA-256 ${item.file.sha256}`}>
                  {item.file.sha256.slice(0, 12)}…
                </Text>
              </Tooltip>
            </Group>
          ) : null}
          <Text size="xs" c="dimmed">
            {item.effectiveOn ? `Effective ${formatDate(item.effectiveOn)}` : 'No effective date'}
            {item.expired && item.expiresOn ? `, expired ${formatDate(item.expiresOn)}` : ''} · uploaded by {item.uploadedBy?.name ?? 'someone'}{' '}
            <RelativeTime value={item.createdAt} span size="xs" c="dimmed" />
            {on ? (
              <>
                {' · on '}
                <Anchor component={Link} to={on.to} size="xs">
                  {on.label}
                </Anchor>
              </>
            ) : null}
            {showControls && item.controlRefs.length ? ` · ${item.controlRefs.join(', ')}` : ''}
          </Text>
        </Stack>
        {item.expiresOn ? (
          item.expired ? (
            <Tooltip label={`Expired on ${formatDate(item.expiresOn)}: attach a newer record.`}>
              <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
                Expired
              </Badge>
            </Tooltip>
          ) : (
            <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
              Until {formatDate(item.expiresOn)}
            </Badge>
          )
        ) : null}
      </Group>
    </Paper>
  );
}

function AttachEvidenceForm({
  organizationId,
  subjectId,
  controlRefs,
  onCancel,
  onAttached,
}: {
  organizationId: string;
  subjectId?: string | undefined;
  controlRefs: string[];
  onCancel(): void;
  onAttached(name: string): Promise<void>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<{ file?: string; expiresOn?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setErrors({ file: 'Choose the file to attach.' });
    if (expiresOn && effectiveOn && expiresOn < effectiveOn) return setErrors({ expiresOn: 'It cannot expire before it takes effect.' });
    setBusy(true);
    setErrors({});
    const result = await uploadEvidenceFile(organizationId, file, {
      title: title.trim() || undefined,
      subjectId,
      controlRefs,
      effectiveOn: effectiveOn || undefined,
      expiresOn: expiresOn || undefined,
    });
    setBusy(false);
    if (!result.ok) {
      const message = `“${result.filename}” was not attached: ${result.message}`;
      return setErrors(result.code === 'BAD_USER_INPUT' && /file|MB|empty|upload a/i.test(result.message) ? { file: message } : { form: message });
    }
    await onAttached(title.trim() || file.name);
  };

  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0" component="form" onSubmit={(event) => void submit(event)} aria-label="Attach evidence">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <FileInput
            label="Evidence file"
            placeholder="Choose a file"
            description="PDF, image, text, CSV, DOCX, XLSX or ZIP"
            accept={EVIDENCE_ACCEPT}
            leftSection={<IconPaperclip size={14} aria-hidden />}
            value={file}
            onChange={(next) => {
              setFile(next);
              setErrors({});
            }}
            error={errors.file}
            clearable
            withAsterisk
            size="sm"
          />
          <TextInput label="Evidence title" description="Defaults to the file name" placeholder="Restore test, March" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} size="sm" />
          <TextInput label="Effective on" description="The day it shows things as they were; today if empty" type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.currentTarget.value)} size="sm" />
          <TextInput
            label="Expires on"
            description="Optional: when it no longer proves anything"
            type="date"
            value={expiresOn}
            onChange={(e) => {
              setExpiresOn(e.currentTarget.value);
              setErrors((current) => ({ ...current, expiresOn: undefined }));
            }}
            error={errors.expiresOn}
            size="sm"
          />
        </SimpleGrid>
        {errors.form ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            {errors.form}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {controlRefs.length ? `Names ${controlRefs.join(', ')}. ` : ''}Stored with its SHA-256, size and type.
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
            <Button size="xs" type="submit" leftSection={<IconUpload size={14} aria-hidden />} loading={busy}>
              Attach
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
