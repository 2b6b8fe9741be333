import { FileInput, type FileInputProps } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';

export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx,.zip,application/pdf,image/png,image/jpeg,text/plain,text/csv,application/zip';

/** "Evidence files": one or more files, uploaded when the form is sent. */
export function EvidenceFileInput({ value, onChange, error, disabled, description }: { value: File[]; onChange: (files: File[]) => void; error?: string | null; disabled?: boolean; description?: string } & Pick<FileInputProps<true>, never>) {
  return (
    <FileInput
      multiple
      clearable
      label="Evidence files"
      placeholder="Choose files"
      description={description ?? 'PDF, PNG, JPEG, text, CSV, DOCX, XLSX or ZIP.'}
      accept={EVIDENCE_ACCEPT}
      leftSection={<IconPaperclip size={16} aria-hidden />}
      value={value}
      onChange={(files) => onChange(files ?? [])}
      error={error ?? undefined}
      disabled={disabled}
    />
  );
}
