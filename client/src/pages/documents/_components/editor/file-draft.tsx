import { Alert, Button, Code, CopyButton, Group, Loader, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconCopy, IconDownload, IconFileText, IconFileTypeDocx, IconFileTypePdf, IconUpload } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { RelativeTime } from '../../../../components/relative-time';
import { uploadDocumentFile, type DocumentDraftRow, type StoredFileRow } from '../../document-operations';
import './document-editor.css';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function FileIcon({ file }: { file: StoredFileRow }) {
  const pdf = file.contentType === 'application/pdf' || /\.pdf$/i.test(file.filename);
  const docx = /wordprocessingml/.test(file.contentType) || /\.docx$/i.test(file.filename);
  return (
    <ThemeIcon size={44} radius="md" variant="light" color={pdf ? 'red' : docx ? 'blue' : 'gray'} aria-hidden>
      {pdf ? <IconFileTypePdf size={26} /> : docx ? <IconFileTypeDocx size={26} /> : <IconFileText size={26} />}
    </ThemeIcon>
  );
}

/** A stored file: name, size, hash and where to download it. */
export function StoredFileCard({ file, title }: { file: StoredFileRow; title: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start" miw={0} style={{ flex: 1 }}>
          <FileIcon file={file} />
          <Stack gap={4} miw={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {title}
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {file.filename}
            </Text>
            <Group gap={6} wrap="wrap">
              <Text size="sm" c="dimmed">
                {formatBytes(file.size)} · uploaded
              </Text>
              <RelativeTime value={file.uploadedAt} c="dimmed" />
            </Group>
            <Group gap={4} wrap="nowrap">
              <Text size="xs" c="dimmed">
                SHA-256
              </Text>
              <Code fz="xs" style={{ overflowWrap: 'anywhere' }} aria-label={`SHA-256 ${file.sha256}`}>
                {file.sha256}
              </Code>
              <CopyButton value={file.sha256}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy the hash'}>
                    <Button size="compact-xs" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy the SHA-256 hash">
                      {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                    </Button>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Group>
        <Button component="a" href={file.url} download={file.filename} variant="default" leftSection={<IconDownload size={16} aria-hidden />} aria-label={`Download ${file.filename}`}>
          Download
        </Button>
      </Group>
    </Paper>
  );
}

const UPLOAD_MESSAGES: Record<string, string> = {
  CONFLICT: 'Someone else uploaded a newer file while you were choosing yours. The page now shows theirs; upload yours again if it should replace it.',
  NETWORK: 'Annex could not be reached. Check your connection and try again.',
};

interface FileDraftProps {
  documentId: string;
  draft: DocumentDraftRow;
  canEdit: boolean;
  /** Called after an upload (or a refused one) to load the latest draft. */
  onChanged(): Promise<unknown> | void;
}

/** The draft of an uploaded-file document: the current file, and (for editors) the upload of a new one. */
export function FileDraft({ documentId, draft, canEdit, onChanged }: FileDraftProps) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  const upload = async (file: File) => {
    setError(null);
    setUploading(file.name);
    try {
      const result = await uploadDocumentFile(documentId, file, draft.version);
      if (!result.ok) {
        setError({ code: result.code, message: UPLOAD_MESSAGES[result.code] ?? result.message });
        if (result.code === 'CONFLICT') await onChanged();
        return;
      }
      await onChanged();
      notifications.show({ color: 'teal', title: 'File uploaded', message: `“${file.name}” is the new draft. Submit it for approval when it is ready.` });
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Stack gap="md">
      {draft.file ? (
        <StoredFileCard file={draft.file} title="Current draft" />
      ) : (
        <Paper withBorder radius="md" p="lg" bg="gray.0">
          <Stack gap={4} align="center" ta="center">
            <IconFileText size={32} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text fw={600}>No file uploaded yet</Text>
            <Text size="sm" c="dimmed" maw={480}>
              This document is kept as a file (PDF or Word). {canEdit ? 'Upload the first draft; then submit it for approval.' : 'Its owner has not uploaded a draft yet.'}
            </Text>
          </Stack>
        </Paper>
      )}
      {canEdit ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Group gap="md" wrap="wrap">
              {/* A native file input inside its label: keyboard reachable, named "Upload file" for assistive technology and tests. */}
              <label htmlFor={inputId} className="annex-file-input-label">
                <Button component="span" leftSection={uploading ? <Loader size={14} color="white" aria-hidden /> : <IconUpload size={16} aria-hidden />} aria-hidden>
                  Upload file
                </Button>
                <input
                  ref={input}
                  id={inputId}
                  type="file"
                  aria-label="Upload file"
                  accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                  disabled={!!uploading}
                  style={{ position: 'absolute', inset: 0, opacity: 0, width: '100%', cursor: 'pointer' }}
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    if (file) void upload(file);
                  }}
                />
              </label>
              <Text size="sm" c="dimmed">
                {uploading ? `Uploading “${uploading}”…` : draft.file
                    ? 'PDF or Word (.docx). A new file replaces the current draft; published versions stay as they are.'
                    : 'PDF or Word (.docx).'}
              </Text>
            </Group>
            {error ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" title="The file was not uploaded">
                <Text size="sm">{error.message}</Text>
                <Text size="xs" c="dimmed" mt={4}>
                  Code: {error.code}
                </Text>
              </Alert>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
