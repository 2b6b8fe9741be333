import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { applyMutationError } from '../../../../apollo/api-error';
import { useMemberOptions } from '../../../../organization/member-options';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import { ROLES, ROLE_LABELS, type Role } from '../../../../organization/roles';
import { useViewer } from '../../../../session/require-viewer';
import { DOCUMENT_CATALOG_QUERY, useCreateDocument } from '../../documents-operations';
import { CLASSIFICATIONS, CLASSIFICATION_LABELS, DOCUMENT_FORMAT_LABELS, DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type Classification, type DocumentFormat, type DocumentKind } from '../../document-words';

export interface NewDocumentValues {
  title: string;
  kind: DocumentKind;
  format: DocumentFormat;
  ownerId: string;
  classification: Classification;
  reviewIntervalMonths: number | string;
  audience: 'everyone' | 'roles';
  audienceRoles: string[];
  clauseRefs: string[];
  controlRefs: string[];
  mandatoryRefs: string[];
}

/** What a "New document" button may fill in beforehand (e.g. a missing mandatory document). */
export type NewDocumentPreset = Partial<Pick<NewDocumentValues, 'title' | 'kind' | 'clauseRefs' | 'controlRefs' | 'mandatoryRefs'>>;

interface NewDocumentModalProps {
  opened: boolean;
  onClose(): void;
  preset?: NewDocumentPreset | null;
}

const KIND_OPTIONS = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }));
const CLASSIFICATION_OPTIONS = CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }));
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function initialValues(viewerId: string, preset: NewDocumentPreset | null | undefined): NewDocumentValues {
  return {
    title: preset?.title ?? '',
    kind: preset?.kind ?? 'POLICY',
    format: 'RICH_TEXT',
    ownerId: viewerId,
    classification: 'INTERNAL',
    reviewIntervalMonths: 12,
    audience: 'everyone',
    audienceRoles: [],
    clauseRefs: preset?.clauseRefs ?? [],
    controlRefs: preset?.controlRefs ?? [],
    mandatoryRefs: preset?.mandatoryRefs ?? [],
  };
}

/** Starts a document: its details and what it addresses in the standard; the text is written on its page. */
export function NewDocumentModal({ opened, onClose, preset }: NewDocumentModalProps) {
  const { organization } = useCurrentOrganization();
  const viewer = useViewer();
  const navigate = useNavigate();
  const { options: members } = useMemberOptions();
  const catalog = useQuery(DOCUMENT_CATALOG_QUERY, { skip: !opened });
  const [createDocument, { loading }] = useCreateDocument();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NewDocumentValues>({
    initialValues: initialValues(viewer.id, preset),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the document a title.'),
      reviewIntervalMonths: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= 1 && n <= 60 ? null : 'Review it every 1 to 60 months.';
      },
      audienceRoles: (v, values) => (values.audience === 'roles' && v.length === 0 ? 'Choose at least one role, or address it to everyone.' : null),
    },
  });

  // Opened again (perhaps for another missing document): start from the preset.
  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(viewer.id, preset));
    form.resetDirty();
    form.clearErrors();
    setFormError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens
  }, [opened]);

  const options = useMemo(() => {
    const data = catalog.data?.catalog;
    if (!data) return { clauses: [], controls: [], mandatory: [] };
    const mandatory = [
      { group: 'Clauses 4–10 (always required)', items: data.mandatoryDocuments.filter((m) => m.source === 'CLAUSE').map((m) => ({ value: m.ref, label: `${m.ref} ${m.title}` })) },
      { group: 'Annex A (when the control applies)', items: data.mandatoryDocuments.filter((m) => m.source !== 'CLAUSE').map((m) => ({ value: m.ref, label: `${m.ref} ${m.title}` })) },
    ];
    return {
      clauses: data.clauses.map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` })),
      controls: data.controls.map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` })),
      mandatory,
    };
  }, [catalog.data]);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { data } = await createDocument({
        variables: {
          input: {
            organizationId: organization.id,
            title: values.title.trim(),
            kind: values.kind,
            format: values.format,
            ownerId: values.ownerId || null,
            classification: values.classification,
            reviewIntervalMonths: Number(values.reviewIntervalMonths),
            audienceRoles: values.audience === 'roles' ? (values.audienceRoles as Role[]) : [],
            clauseRefs: values.clauseRefs,
            controlRefs: values.controlRefs,
            mandatoryRefs: values.mandatoryRefs,
          },
        },
      });
      const document = data?.createDocument.document;
      if (!document) return;
      notifications.show({
        color: 'teal',
        title: 'Document created',
        message: values.format === 'FILE' ? `Upload the file of “${document.title}” on its page.` : `Write “${document.title}” on its page; others can edit with you live.`,
      });
      onClose();
      void navigate(`/o/${organization.id}/documents/${document.id}`);
    } catch (error) {
      setFormError(applyMutationError(form, error, { format: 'format', content: 'format' }));
    }
  });

  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));
  const catalogPlaceholder = catalog.loading && !catalog.data ? 'Loading the standard…' : undefined;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>New document</Text>} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A policy, procedure or record of your ISMS. It starts as a draft; when it is ready, submit it for approval, then publish it so the people it is addressed to read and acknowledge it.
          </Text>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <TextInput label="Title" data-autofocus placeholder="e.g. Access control policy" {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} comboboxProps={{ withinPortal: true }} />
            <Radio.Group label="Format" {...form.getInputProps('format')}>
              <Group gap="lg" mt={10}>
                <Radio value="RICH_TEXT" label={DOCUMENT_FORMAT_LABELS.RICH_TEXT} />
                <Radio value="FILE" label={DOCUMENT_FORMAT_LABELS.FILE} />
              </Group>
            </Radio.Group>
            <Select
              label="Owner"
              description="Keeps it current and answers for it at the audit"
              placeholder="No owner"
              data={memberOptions}
              searchable
              selectFirstOptionOnChange
              clearable
              nothingFoundMessage="No member by that name"
              value={form.values.ownerId || null}
              onChange={(value) => form.setFieldValue('ownerId', value ?? '')}
              error={form.errors['ownerId']}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Classification"
              description="Who may see it outside its audience"
              data={CLASSIFICATION_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('classification')}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput label="Review interval (months)" description="Reviewed at least this often once published" min={1} max={60} allowDecimal={false} {...form.getInputProps('reviewIntervalMonths')} />
            <Stack gap={6}>
              <Radio.Group label="Audience" description="Who must read and acknowledge it" {...form.getInputProps('audience')}>
                <Group gap="lg" mt={8}>
                  <Radio value="everyone" label="Everyone" />
                  <Radio value="roles" label="Chosen roles" />
                </Group>
              </Radio.Group>
              {form.values.audience === 'roles' ? (
                <MultiSelect label="Roles" placeholder="Choose roles" data={ROLE_OPTIONS} {...form.getInputProps('audienceRoles')} comboboxProps={{ withinPortal: true }} />
              ) : null}
            </Stack>
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">
            What it addresses in ISO/IEC 27001
          </Text>
          <MultiSelect
            label="Mandatory documents"
            description="Documented information the standard requires: tagging it fills the checklist once published"
            placeholder={catalogPlaceholder ?? (form.values.mandatoryRefs.length ? undefined : 'None')}
            data={options.mandatory}
            searchable
            selectFirstOptionOnChange
            clearable
            nothingFoundMessage="No mandatory document matches"
            {...form.getInputProps('mandatoryRefs')}
            onChange={(next) => {
              form.setFieldValue('mandatoryRefs', next);
              // The first one chosen for an untitled document names it.
              if (!form.values.title.trim() && next.length === 1) {
                const chosen = catalog.data?.catalog.mandatoryDocuments.find((m) => m.ref === next[0]);
                if (chosen) form.setFieldValue('title', chosen.title);
              }
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <MultiSelect
              label="Clauses"
              placeholder={catalogPlaceholder ?? (form.values.clauseRefs.length ? undefined : 'e.g. 5.2')}
              data={options.clauses}
              searchable
              selectFirstOptionOnChange
              clearable
              nothingFoundMessage="No clause matches"
              {...form.getInputProps('clauseRefs')}
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label="Annex A controls"
              placeholder={catalogPlaceholder ?? (form.values.controlRefs.length ? undefined : 'e.g. A.5.15')}
              data={options.controls}
              searchable
              selectFirstOptionOnChange
              clearable
              nothingFoundMessage="No control matches"
              {...form.getInputProps('controlRefs')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Create document
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
