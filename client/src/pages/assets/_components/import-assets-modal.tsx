import { Alert, Anchor, Button, Code, FileButton, Group, Modal, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { applyMutationError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useImportAssets, type ImportProblem } from '../asset-operations';
import { ASSET_CSV_COLUMNS, ASSET_TYPES } from '../asset-words';

interface ImportAssetsModalProps {
  opened: boolean;
  onClose(): void;
  /** Assets were imported: the list reloads. */
  onImported(count: number): void;
}

type Outcome = { kind: 'imported'; count: number } | { kind: 'refused'; problems: ImportProblem[] };

const HEADER = ASSET_CSV_COLUMNS.join(',');
const EXAMPLE = 'Customer database,INFORMATION,anna@example.com,Cloud (eu-west),3,3,2,2027-06-30,"Customers, contracts and invoices"';
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`${HEADER}\n${EXAMPLE}\n`)}`;
/** The server takes at most 5,000 rows; a file much larger than that is not an inventory. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Paste CSV or choose a file; all or nothing: any refused line imports nothing, and each problem is listed. */
export function ImportAssetsModal({ opened, onClose, onImported }: ImportAssetsModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import assets from CSV" size="xl">
      {opened ? <ImportForm onClose={onClose} onImported={onImported} /> : null}
    </Modal>
  );
}

function ImportForm({ onClose, onImported }: { onClose(): void; onImported(count: number): void }) {
  const { organization } = useCurrentOrganization();
  const [importAssets, { loading }] = useImportAssets();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ csv: string }>({
    initialValues: { csv: '' },
    validate: { csv: (value) => (value.trim() ? null : 'Paste the CSV here, or choose a file.') },
  });

  const readFile = (file: File | null) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      form.setFieldError('csv', `${file.name} is larger than 5 MB: import at most 5,000 assets at once.`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      form.setFieldValue('csv', typeof reader.result === 'string' ? reader.result : '');
      form.clearFieldError('csv');
      setFileName(file.name);
      setOutcome(null);
    };
    reader.onerror = () => form.setFieldError('csv', `${file.name} could not be read.`);
    reader.readAsText(file);
  };

  const submit = form.onSubmit(async ({ csv }) => {
    setFormError(null);
    setOutcome(null);
    try {
      const { data } = await importAssets({ variables: { input: { organizationId: organization.id, csv } } });
      const result = data?.importAssets;
      if (!result) return;
      if (result.problems.length) {
        setOutcome({ kind: 'refused', problems: result.problems });
      } else {
        setOutcome({ kind: 'imported', count: result.importedCount });
        onImported(result.importedCount);
      }
    } catch (e) {
      setFormError(applyMutationError(form, e));
    }
  });

  if (outcome?.kind === 'imported') {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={`${outcome.count} ${outcome.count === 1 ? 'asset' : 'assets'} imported`} role="status">
          They are in the inventory now. Check the owners and values of what you imported, then plan their reviews.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  const rows = Math.max(0, form.values.csv.split(/\r?\n/).filter((line) => line.trim()).length - 1);
  const refusedLines = outcome?.kind === 'refused' ? new Set(outcome.problems.map((p) => p.row)).size : 0;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Stack gap={6}>
          <Text size="sm">
            One asset per line, with this header line first (the order of the columns does not matter; name, type and the three values are required):
          </Text>
          <Code block>{`${HEADER}\n${EXAMPLE}`}</Code>
          <Text size="xs" c="dimmed">
            Type is one of {ASSET_TYPES.join(', ')}. Confidentiality, integrity and availability are 1 (low), 2 (medium) or 3 (high). The owner is a member’s e-mail address; review_date is
            written 2027-06-30. Nothing is imported unless every line is right.{' '}
            <Anchor href={TEMPLATE_HREF} download="assets-template.csv" size="xs">
              <IconDownload size={12} aria-hidden /> Download a template
            </Anchor>
          </Text>
        </Stack>

        {outcome?.kind === 'refused' ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="Nothing was imported" role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {outcome.problems.length} {outcome.problems.length === 1 ? 'problem' : 'problems'} in {refusedLines} {refusedLines === 1 ? 'line' : 'lines'}. Fix {refusedLines === 1 ? 'it' : 'them'} below or
                in your file and import again: the whole file goes in at once, or not at all.
              </Text>
              <ScrollArea.Autosize mah={240} type="auto">
                <Table withTableBorder withColumnBorders verticalSpacing={4} bg="white" aria-label="Import problems">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>Line</Table.Th>
                      <Table.Th w={150}>Column</Table.Th>
                      <Table.Th>Reason</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {outcome.problems.map((problem, index) => (
                      <Table.Tr key={`${problem.row}-${problem.field}-${index}`}>
                        <Table.Td>{problem.row}</Table.Td>
                        <Table.Td>
                          <Code>{problem.field}</Code>
                        </Table.Td>
                        <Table.Td>{problem.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Stack>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}

        <Textarea
          label="CSV"
          placeholder={`${HEADER}\n…`}
          autosize
          minRows={6}
          maxRows={14}
          spellCheck={false}
          wrap="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          description={
            (fileName ? `From ${fileName}; you can still correct it here.` : 'Paste from a spreadsheet saved as CSV, or choose the file.') +
            (rows > 0 ? ` ${rows} ${rows === 1 ? 'line' : 'lines'} after the header.` : '')
          }
          {...form.getInputProps('csv')}
        />
        <Group justify="space-between" gap="sm">
          <FileButton onChange={readFile} accept=".csv,text/csv,text/plain">
            {(props) => (
              <Button variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} {...props}>
                Choose a file…
              </Button>
            )}
          </FileButton>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Import
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
