import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, FileInput, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useLiveTopic } from '../../../../apollo/organization-events';
import { RelativeTime } from '../../../../components/relative-time';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { uploadEvidenceFile } from '../../evidence-operations';

interface AttachedEvidenceData {
  organization: {
    __typename?: 'Organization';
    id: string;
    evidence: Array<{
      __typename?: 'Evidence';
      id: string;
      title: string;
      effectiveOn: string | null;
      expiresOn: string | null;
      expired: boolean;
      createdAt: string;
      uploadedBy: { __typename?: 'User'; id: string; name: string } | null;
      file: { __typename?: 'StoredFile'; id: string; filename: string; url: string; sha256: string; size: number } | null;
    }> | null;
  } | null;
}

const ATTACHED_EVIDENCE_QUERY: TypedDocumentNode<AttachedEvidenceData, { id: string; subjectId?: string | null; controlRef?: string | null }> = gql`
  query AttachedEvidence($id: ID!, $subjectId: ID, $controlRef: String) {
    organization(id: $id) {
      id
      evidence(subjectId: $subjectId, controlRef: $controlRef) {
        id
        title
        effectiveOn
        expiresOn
        expired
        createdAt
        uploadedBy {
          id
          name
        }
        file {
          id
          filename
          url
          sha256
          size
        }
      }
    }
  }
`;

/**
 * Evidence kept with a record outside audits (a risk, a task) or a control: hashed files with the
 * date they show things as they were and, if it ages, when it expires.
 */
export function AttachedEvidence({ subjectId, controlRefs = [], canAttach }: { subjectId: string; controlRefs?: string[]; canAttach: boolean }) {
  const { organization, can } = useCurrentOrganization();
  const { data, refetch } = useQuery(ATTACHED_EVIDENCE_QUERY, { variables: { id: organization.id, subjectId }, skip: !can('evidence:upload'), fetchPolicy: 'cache-and-network' });
  useLiveTopic('audits', () => void refetch().catch(() => undefined));
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!can('evidence:upload')) return null;
  const evidence = data?.organization?.evidence ?? [];

  const attach = async () => {
    if (!file) return setError('Choose a file first.');
    setBusy(true);
    setError(null);
    const result = await uploadEvidenceFile(organization.id, file, { title: title.trim() || undefined, subjectId, controlRefs, effectiveOn: effectiveOn || undefined, expiresOn: expiresOn || undefined });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setFile(null);
    setTitle('');
    setEffectiveOn('');
    setExpiresOn('');
    await refetch();
  };

  return (
    <Stack gap="xs" component="section" aria-label="Evidence">
      <Group gap="xs">
        <IconPaperclip size={16} aria-hidden />
        <Title order={3} fz={15}>
          Evidence
        </Title>
        {evidence.length ? <Badge variant="light">{evidence.length}</Badge> : null}
      </Group>
      {evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          No evidence yet. Attach what shows the treatment works (a restore test, a review record, a screenshot): auditors sample it.
        </Text>
      ) : (
        <Stack gap={4}>
          {evidence.map((item) => (
            <Group key={item.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                {item.file ? (
                  <Anchor href={item.file.url} size="sm" fw={600} aria-label={`Download ${item.file.filename}`}>
                    {item.title}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {item.title}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {item.effectiveOn ? `As of ${item.effectiveOn}` : 'Added'} · {item.uploadedBy?.name ?? 'someone'} · <RelativeTime value={item.createdAt} span size="xs" c="dimmed" />
                  {item.file ? ` · SHA-256 ${item.file.sha256.slice(0, 10)}…` : ''}
                </Text>
              </Stack>
              {item.expiresOn ? (
                <Badge color={item.expired ? 'red' : 'gray'} variant="light">
                  {item.expired ? `Expired ${item.expiresOn}` : `Valid until ${item.expiresOn}`}
                </Badge>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {canAttach ? (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <FileInput label="Evidence file" placeholder="Choose a file" value={file} onChange={setFile} clearable size="sm" />
            <TextInput label="Evidence title" placeholder="Defaults to the file name" value={title} onChange={(e) => setTitle(e.currentTarget.value)} size="sm" />
            <TextInput label="Effective on" type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.currentTarget.value)} size="sm" />
            <TextInput label="Expires on" type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} size="sm" />
          </SimpleGrid>
          {error ? (
            <Alert color="red" variant="light" role="alert" p="xs">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button size="xs" leftSection={<IconUpload size={14} />} loading={busy} onClick={() => void attach()}>
              Attach evidence
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
