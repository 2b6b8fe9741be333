import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, DataList, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyMutationError, readApiError } from '../../../../apollo/api-error';
import { ConflictAlert } from '../../../../components/conflict-alert';
import { mergeAfterReload } from '../../../../components/merge-after-reload';
import { PersonLabel } from '../../../../components/person-avatar';
import { useMemberOptions } from '../../../../organization/member-options';
import { ROLES, roleLabel, type Role } from '../../../../organization/roles';
import { useViewer } from '../../../../session/require-viewer';
import { DOCUMENT_CATALOG_QUERY, DOCUMENT_PAGE_QUERY, isDocumentNode, useUpdateDocument, type DocumentDetail, type UpdateDocumentInput } from '../../document-operations';
import { CLASSIFICATION_COLORS, CLASSIFICATION_LABELS, CLASSIFICATIONS, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, isDocumentKind, type Classification } from '../../document-words';
import { NextReview } from './document-header';

export interface DetailsValues {
  title: string;
  kind: string;
  ownerId: string;
  classification: string;
  reviewIntervalMonths: number | string;
  audienceRoles: string[];
  clauseRefs: string[];
  controlRefs: string[];
  mandatoryRefs: string[];
}

type Field = keyof DetailsValues;
const FIELDS: readonly Field[] = ['title', 'kind', 'ownerId', 'classification', 'reviewIntervalMonths', 'audienceRoles', 'clauseRefs', 'controlRefs', 'mandatoryRefs'];
const FIELD_LABELS: Record<Field, string> = {
  title: 'Title',
  kind: 'Kind',
  ownerId: 'Owner',
  classification: 'Classification',
  reviewIntervalMonths: 'Review interval',
  audienceRoles: 'Audience',
  clauseRefs: 'Clauses',
  controlRefs: 'Annex A controls',
  mandatoryRefs: 'Mandatory documented information',
};

function detailsValues(doc: DocumentDetail): DetailsValues {
  return {
    title: doc.title,
    kind: doc.kind,
    ownerId: doc.owner?.id ?? '',
    classification: doc.classification,
    reviewIntervalMonths: doc.reviewIntervalMonths,
    audienceRoles: [...doc.audienceRoles],
    clauseRefs: [...doc.clauseRefs],
    controlRefs: [...doc.controlRefs],
    mandatoryRefs: [...doc.mandatoryRefs],
  };
}

function same(a: DetailsValues[Field], b: DetailsValues[Field]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return String(a) === String(b);
}

function toInput(values: DetailsValues, base: DetailsValues): Omit<UpdateDocumentInput, 'id' | 'version'> {
  const changed = (field: Field) => !same(values[field], base[field]);
  const input: Omit<UpdateDocumentInput, 'id' | 'version'> = {};
  if (changed('title')) input.title = values.title.trim();
  if (changed('kind') && isDocumentKind(values.kind)) input.kind = values.kind;
  if (changed('ownerId') && values.ownerId) input.ownerId = values.ownerId;
  if (changed('classification')) input.classification = values.classification as Classification;
  if (changed('reviewIntervalMonths')) input.reviewIntervalMonths = Number(values.reviewIntervalMonths);
  if (changed('audienceRoles')) input.audienceRoles = values.audienceRoles as Role[];
  if (changed('clauseRefs')) input.clauseRefs = values.clauseRefs;
  if (changed('controlRefs')) input.controlRefs = values.controlRefs;
  if (changed('mandatoryRefs')) input.mandatoryRefs = values.mandatoryRefs;
  return input;
}

const THEME_GROUPS: Record<string, string> = {
  ORGANIZATIONAL: 'A.5 Organizational controls',
  PEOPLE: 'A.6 People controls',
  PHYSICAL: 'A.7 Physical controls',
  TECHNOLOGICAL: 'A.8 Technological controls',
};

/** The catalogue references as picker options (clauses, controls by theme, mandatory documents). */
function useCatalogOptions() {
  const { data } = useQuery(DOCUMENT_CATALOG_QUERY, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const catalog = data?.catalog;
    const clauses = (catalog?.clauses ?? []).map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` }));
    const groups = new Map<string, { group: string; items: { value: string; label: string }[] }>();
    for (const control of catalog?.controls ?? []) {
      const name = THEME_GROUPS[control.theme] ?? control.theme;
      const group = groups.get(name) ?? { group: name, items: [] };
      group.items.push({ value: control.ref, label: `${control.ref} ${control.title}` });
      groups.set(name, group);
    }
    const mandatory = (catalog?.mandatoryDocuments ?? []).map((m) => ({ value: m.ref, label: `${m.ref} ${m.title}` }));
    const titles = new Map<string, string>([...clauses, ...[...groups.values()].flatMap((g) => g.items), ...mandatory].map((o) => [o.value, o.label]));
    return { clauses, controls: [...groups.values()], mandatory, titles };
  }, [data]);
}

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));
const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }));
const CLASSIFICATION_OPTIONS = CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }));

/** The document's details: a form for those who may edit it, a plain list for everyone else. */
export function DocumentDetails({ doc }: { doc: DocumentDetail }) {
  return doc.viewerCanEdit ? <DetailsForm doc={doc} /> : <DetailsList doc={doc} />;
}

function RefBadges({ refs, titles, none }: { refs: string[]; titles: Map<string, string>; none: string }) {
  if (refs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {refs.map((ref) => (
        <Badge key={ref} variant="light" color="gray" c="dark.6" tt="none" fw={500} title={titles.get(ref)}>
          {titles.get(ref) ?? ref}
        </Badge>
      ))}
    </Group>
  );
}

function DetailsList({ doc }: { doc: DocumentDetail }) {
  const { titles } = useCatalogOptions();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} fz={18}>
          Details
        </Title>
        <DataList labelWidth={200} withDivider>
          <DataList.Item>
            <DataList.ItemLabel>Kind</DataList.ItemLabel>
            <DataList.ItemValue>{DOCUMENT_KIND_LABELS[doc.kind]}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Owner</DataList.ItemLabel>
            <DataList.ItemValue>
              <PersonLabel person={doc.owner} none="No owner" />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Classification</DataList.ItemLabel>
            <DataList.ItemValue>
              <Badge variant="light" color={CLASSIFICATION_COLORS[doc.classification]}>
                {CLASSIFICATION_LABELS[doc.classification]}
              </Badge>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Review</DataList.ItemLabel>
            <DataList.ItemValue>
              <Group gap="xs">
                <Text size="sm">Every {doc.reviewIntervalMonths} months ·</Text>
                <NextReview doc={doc} />
              </Group>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Audience</DataList.ItemLabel>
            <DataList.ItemValue>{doc.audienceRoles.length ? doc.audienceRoles.map(roleLabel).join(', ') : 'Everyone'}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Clauses</DataList.ItemLabel>
            <DataList.ItemValue>
              <RefBadges refs={doc.clauseRefs} titles={titles} none="None" />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Annex A controls</DataList.ItemLabel>
            <DataList.ItemValue>
              <RefBadges refs={doc.controlRefs} titles={titles} none="None" />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Mandatory information</DataList.ItemLabel>
            <DataList.ItemValue>
              <RefBadges refs={doc.mandatoryRefs} titles={titles} none="None" />
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Stack>
    </Paper>
  );
}

function DetailsForm({ doc }: { doc: DocumentDetail }) {
  const client = useApolloClient();
  const viewer = useViewer();
  const { options: members } = useMemberOptions();
  const catalog = useCatalogOptions();
  const [updateDocument, { loading }] = useUpdateDocument();
  const [base, setBase] = useState(() => ({ version: doc.version, values: detailsValues(doc) }));
  const [conflict, setConflict] = useState<'saved-elsewhere' | 'rejected' | null>(null);
  const [theirs, setTheirs] = useState<Partial<DetailsValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<DetailsValues>({
    initialValues: detailsValues(doc),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the document a title.'),
      ownerId: (v) => (v ? null : 'Every document needs an owner.'),
      reviewIntervalMonths: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= 1 && n <= 60 ? null : 'Between 1 and 60 months.';
      },
    },
  });
  const values = form.values;
  const dirty = FIELDS.some((f) => !same(values[f], base.values[f]));
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const savingRef = useRef(false);

  // The details changed elsewhere (live, or our own save): follow them when nothing is being edited here.
  useEffect(() => {
    if (doc.version === base.version || savingRef.current) return;
    const latest = detailsValues(doc);
    if (!dirtyRef.current) {
      setBase({ version: doc.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setConflict(null);
      setTheirs({});
      return;
    }
    setConflict((current) => current ?? 'saved-elsewhere');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to a new version only
  }, [doc.version]);

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const { data } = await client.query({ query: DOCUMENT_PAGE_QUERY, variables: { id: doc.id }, fetchPolicy: 'network-only' });
      const node = data?.node;
      if (!isDocumentNode(node)) {
        setFormError('This document no longer exists.');
        return;
      }
      const latest = detailsValues(node);
      const { merged, theirs: bothChanged } = mergeAfterReload(base.values, form.getValues(), latest, FIELDS, same);
      setBase({ version: node.version, values: latest });
      form.setValues(merged);
      setTheirs(bothChanged);
      setConflict(null);
      setFormError(null);
    } catch (e) {
      setFormError(readApiError(e).message);
    } finally {
      setReloading(false);
    }
  };

  const submit = form.onSubmit(async (submitted) => {
    setFormError(null);
    const changes = toInput(submitted, base.values);
    if (Object.keys(changes).length === 0) {
      notifications.show({ color: 'gray', message: 'Nothing changed: there is nothing to save.' });
      return;
    }
    savingRef.current = true;
    try {
      const { data } = await updateDocument({ variables: { input: { id: doc.id, version: base.version, ...changes } } });
      const saved = data?.updateDocument.document;
      if (!saved) return;
      const latest = detailsValues(saved);
      setBase({ version: saved.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setTheirs({});
      setConflict(null);
      notifications.show({ color: 'teal', message: `The details of “${saved.title}” are saved.` });
    } catch (e) {
      if (readApiError(e).code === 'CONFLICT') {
        setConflict('rejected');
        return;
      }
      setFormError(applyMutationError(form, e));
    } finally {
      savingRef.current = false;
    }
  });

  const memberOptions = useMemo(() => members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label })), [members, viewer.id]);

  const theirsHint = (field: Field) => {
    const value = theirs[field];
    if (value === undefined) return undefined;
    const shown = Array.isArray(value)
      ? value.join(', ') || '(none)'
      : field === 'ownerId'
        ? (members.find((m) => m.value === value)?.label ?? 'Nobody')
        : field === 'kind' && isDocumentKind(value)
          ? DOCUMENT_KIND_LABELS[value]
          : String(value) || '(empty)';
    return (
      <Text size="xs" c="orange.9" component="span">
        Also changed by someone else to “{shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}”. Yours is kept.{' '}
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => {
            form.setFieldValue(field, value as never);
            setTheirs(({ [field]: _dropped, ...rest }) => rest);
          }}
        >
          Use theirs
        </Anchor>
      </Text>
    );
  };

  const selectProps = (field: Field) => ({
    ...form.getInputProps(field),
    value: (values[field] as string) || null,
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
    comboboxProps: { withinPortal: true },
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz={18}>
            Details
          </Title>
          <TextInput label="Title" withAsterisk {...form.getInputProps('title')} description={theirsHint('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...selectProps('kind')} description={theirsHint('kind') ?? 'Policy, procedure, plan…'} />
            <Select
              label="Owner"
              data={memberOptions}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No member by that name"
              {...selectProps('ownerId')}
              description={theirsHint('ownerId') ?? 'Keeps it current and reviews it.'}
            />
            <Select label="Classification" data={CLASSIFICATION_OPTIONS} allowDeselect={false} {...selectProps('classification')} description={theirsHint('classification') ?? 'How confidential the document is.'} />
            <NumberInput
              label="Review interval (months)"
              min={1}
              max={60}
              clampBehavior="strict"
              allowDecimal={false}
              {...form.getInputProps('reviewIntervalMonths')}
              description={theirsHint('reviewIntervalMonths') ?? 'How often the owner confirms it is still right (1–60).'}
            />
          </SimpleGrid>
          <MultiSelect
            label="Audience"
            placeholder={values.audienceRoles.length ? undefined : 'Everyone'}
            data={ROLE_OPTIONS}
            clearable
            hidePickedOptions
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('audienceRoles')}
            description={theirsHint('audienceRoles') ?? 'The roles that must read and acknowledge it. Leave empty for everyone.'}
          />
          <MultiSelect
            label="Clauses"
            placeholder={values.clauseRefs.length ? undefined : 'e.g. 5.2 Information security policy'}
            data={catalog.clauses}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="No clause matches"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('clauseRefs')}
            description={theirsHint('clauseRefs') ?? 'The clauses of ISO/IEC 27001 it addresses.'}
          />
          <MultiSelect
            label="Annex A controls"
            placeholder={values.controlRefs.length ? undefined : 'e.g. A.5.15 or “access”'}
            data={catalog.controls}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={280}
            nothingFoundMessage="No control matches"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('controlRefs')}
            description={theirsHint('controlRefs')}
          />
          <MultiSelect
            label="Mandatory documented information"
            placeholder={values.mandatoryRefs.length ? undefined : 'What the standard requires this document to be'}
            data={catalog.mandatory}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="Nothing matches"
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('mandatoryRefs')}
            description={theirsHint('mandatoryRefs') ?? 'Once published and within its review date, it satisfies these requirements.'}
          />
          {conflict ? <ConflictAlert conflict={conflict} noun="document" reloading={reloading} onReload={() => void reloadLatest()} /> : null}
          {Object.keys(theirs).length > 0 && !conflict ? (
            <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
              <Text size="sm">
                Reloaded. You and someone else both changed {Object.keys(theirs).map((f) => FIELD_LABELS[f as Field].toLowerCase()).join(', ')}: yours is kept, theirs is shown under the field. Save to keep yours.
              </Text>
            </Alert>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm" mt="xs">
            {dirty ? (
              <Button
                variant="default"
                onClick={() => {
                  form.setValues(base.values);
                  setTheirs({});
                  setFormError(null);
                }}
              >
                Discard changes
              </Button>
            ) : null}
            <Button type="submit" loading={loading}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
