import { useApolloClient } from '@apollo/client/react';
import { ActionIcon, Alert, Anchor, Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconExternalLink, IconLink, IconPlus, IconRefresh, IconX } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { GAP_ANALYSIS_QUERY, useUpdateGapItem, type GapItemRow, type GapStatus, type UpdateGapItemInput } from '../gap-operations';
import { GAP_STATUSES, GAP_STATUS_DESCRIPTIONS, GAP_STATUS_LABELS, MATURITY_DESCRIPTIONS, MATURITY_LEVELS, maturityLabel } from '../gap-words';
import { mergeAfterReload } from '../../../components/merge-after-reload';

export interface GapFormValues {
  status: GapStatus;
  /** '' when not rated. */
  maturity: string;
  /** '' when nobody owns it. */
  ownerId: string;
  notes: string;
  evidenceLinks: string[];
}

type Field = keyof GapFormValues;
const FIELDS: readonly Field[] = ['status', 'maturity', 'ownerId', 'notes', 'evidenceLinks'];
const FIELD_LABELS: Record<Field, string> = { status: 'status', maturity: 'maturity', ownerId: 'owner', notes: 'notes', evidenceLinks: 'evidence links' };

function formValues(item: GapItemRow): GapFormValues {
  return {
    status: item.status,
    maturity: item.maturity === null ? '' : String(item.maturity),
    ownerId: item.owner?.id ?? '',
    notes: item.notes,
    evidenceLinks: [...item.evidenceLinks],
  };
}

function same(field: Field, a: GapFormValues, b: GapFormValues): boolean {
  if (field === 'evidenceLinks') return a.evidenceLinks.join('\n') === b.evidenceLinks.join('\n');
  return a[field] === b[field];
}

/** What the form was based on: the values and the version the person started from. */
interface Base {
  version: number;
  values: GapFormValues;
}

const STATUS_DATA = GAP_STATUSES.map((status) => ({ value: status, label: GAP_STATUS_LABELS[status] }));
const MATURITY_DATA = MATURITY_LEVELS.map((level) => ({ value: String(level), label: maturityLabel(level) }));

export function isLink(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

interface GapAssessmentFormProps {
  item: GapItemRow;
  /** Only ISMS managers and owners hand an item to someone else. */
  canReassign: boolean;
}

/**
 * The assessment of one item. Save sends the version the form is based on; a change by someone
 * else meanwhile is a conflict that is explained, and "Reload latest" takes their assessment
 * while keeping what was typed here.
 */
export function GapAssessmentForm({ item, canReassign }: GapAssessmentFormProps) {
  const client = useApolloClient();
  const viewer = useViewer();
  const { organization } = useCurrentOrganization();
  const { options: members } = useMemberOptions();
  const [updateGapItem, { loading }] = useUpdateGapItem();
  const statusLabelId = useId();
  const [base, setBase] = useState<Base>(() => ({ version: item.version, values: formValues(item) }));
  const [conflict, setConflict] = useState<'saved-elsewhere' | 'rejected' | null>(null);
  /** After "Reload latest": the fields both sides changed, with the other side's value. */
  const [theirs, setTheirs] = useState<Partial<GapFormValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [newLink, setNewLink] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const form = useForm<GapFormValues>({ initialValues: formValues(item) });

  const dirty = FIELDS.some((field) => !same(field, form.values, base.values)) || newLink.trim() !== '';
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // The item changed (live, or by our own save): follow it while nothing is being edited.
  useEffect(() => {
    if (item.version === base.version) return;
    if (!dirtyRef.current) {
      const latest = formValues(item);
      setBase({ version: item.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setConflict(null);
      setTheirs({});
      return;
    }
    setConflict((current) => current ?? 'saved-elsewhere');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to a new version only
  }, [item.version]);

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const { data } = await client.query({ query: GAP_ANALYSIS_QUERY, variables: { id: organization.id }, fetchPolicy: 'network-only' });
      const latestItem = data?.organization?.gapAssessment?.items.find((i) => i.ref === item.ref);
      if (!latestItem) {
        setFormError('This item could not be reloaded. Try again in a moment.');
        return;
      }
      const latest = formValues(latestItem);
      const mine = form.getValues();
      const { merged, theirs: bothChanged } = mergeAfterReload(base.values, mine, latest, FIELDS);
      setBase({ version: latestItem.version, values: latest });
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

  const addLink = (): boolean => {
    const link = newLink.trim();
    if (!link) return true;
    if (form.values.evidenceLinks.includes(link)) {
      setLinkError('This link is already listed.');
      return false;
    }
    form.setFieldValue('evidenceLinks', [...form.values.evidenceLinks, link]);
    setNewLink('');
    setLinkError(null);
    return true;
  };

  const submit = form.onSubmit(async (formVals) => {
    setFormError(null);
    // A link typed but not added yet is part of what the person means to save.
    const pending = newLink.trim();
    const values = pending && !formVals.evidenceLinks.includes(pending) ? { ...formVals, evidenceLinks: [...formVals.evidenceLinks, pending] } : formVals;
    const input: UpdateGapItemInput = { organizationId: organization.id, ref: item.ref, version: base.version };
    if (!same('status', values, base.values)) input.status = values.status;
    if (!same('maturity', values, base.values)) input.maturity = values.maturity === '' ? null : Number(values.maturity);
    if (!same('ownerId', values, base.values)) input.ownerId = values.ownerId || null;
    if (!same('notes', values, base.values)) input.notes = values.notes;
    if (!same('evidenceLinks', values, base.values)) input.evidenceLinks = values.evidenceLinks;
    const changed = Object.keys(input).length > 3;
    try {
      const { data } = await updateGapItem({ variables: { input } });
      const saved = data?.updateGapItem.item;
      if (!saved) return;
      const latest = formValues(saved);
      setBase({ version: saved.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setNewLink('');
      setTheirs({});
      setConflict(null);
      notifications.show({
        color: 'teal',
        message: changed ? `${saved.ref} is assessed: ${GAP_STATUS_LABELS[saved.status].toLowerCase()}.` : `${saved.ref} is confirmed as assessed today: still ${GAP_STATUS_LABELS[saved.status].toLowerCase()}.`,
      });
    } catch (e) {
      const error = readApiError(e);
      if (error.code === 'CONFLICT') {
        setConflict('rejected');
        return;
      }
      if (error.field === 'evidenceLinks') {
        setLinkError(error.message);
        return;
      }
      setFormError(applyMutationError(form, e));
    }
  });

  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));
  const theirsHint = (field: Field) => {
    if (!(field in theirs)) return null;
    const value = theirs[field];
    const shown =
      field === 'ownerId'
        ? (members.find((m) => m.value === value)?.label ?? 'Nobody')
        : field === 'status'
          ? GAP_STATUS_LABELS[value as GapStatus]
          : field === 'maturity'
            ? value === ''
              ? 'Not rated'
              : maturityLabel(Number(value))
            : field === 'evidenceLinks'
              ? `${(value as string[]).length} links`
              : (value as string) || '(empty)';
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
  const maturityDescription = form.values.maturity === '' ? 'How established the practice is; it weighs a partial item’s score.' : MATURITY_DESCRIPTIONS[Number(form.values.maturity)];
  const needsJustification = form.values.status === 'NOT_APPLICABLE' && !form.values.notes.trim();

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict ? (
          <Alert
            color={conflict === 'rejected' ? 'red' : 'orange'}
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={conflict === 'rejected' ? 'Not saved: someone else assessed this item meanwhile' : 'Someone else saved this item while you were editing'}
            role="alert"
          >
            <Stack gap="xs">
              <Text size="sm">
                {conflict === 'rejected'
                  ? 'Annex does not overwrite other people’s work. Your edits are still here. Reload the latest assessment: what you typed is kept, the rest takes their changes, and then you can save.'
                  : 'Saving now would be refused. Reload the latest assessment first: what you typed is kept, the rest takes their changes.'}
              </Text>
              <Group>
                <Button size="xs" color={conflict === 'rejected' ? 'red' : 'orange'} leftSection={<IconRefresh size={14} aria-hidden />} loading={reloading} onClick={() => void reloadLatest()}>
                  Reload latest
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {Object.keys(theirs).length > 0 && !conflict ? (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
            <Text size="sm">
              Reloaded. You and someone else both changed the {Object.keys(theirs).map((f) => FIELD_LABELS[f as Field]).join(', ')}: yours is kept, theirs is shown under the field. Save to keep
              yours.
            </Text>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}

        <Input.Wrapper
          label="Status"
          labelElement="div"
          labelProps={{ id: statusLabelId }}
          description={theirsHint('status') ?? GAP_STATUS_DESCRIPTIONS[form.values.status]}
          error={form.errors['status']}
        >
          <SegmentedControl
            aria-labelledby={statusLabelId}
            data={STATUS_DATA}
            value={form.values.status}
            onChange={(value) => form.setFieldValue('status', value as GapStatus)}
            color={form.values.status === 'IMPLEMENTED' ? 'teal' : form.values.status === 'NOT_APPLICABLE' ? 'gray' : form.values.status === 'PARTIAL' ? 'orange' : 'red'}
            fullWidth
            mt={6}
          />
        </Input.Wrapper>

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Maturity"
            placeholder="Not rated"
            data={MATURITY_DATA}
            clearable
            allowDeselect
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('maturity')}
            value={form.values.maturity || null}
            onChange={(value) => form.setFieldValue('maturity', value ?? '')}
            description={theirsHint('maturity') ?? maturityDescription}
          />
          {canReassign ? (
            <Select
              label="Owner"
              placeholder="Nobody yet"
              data={memberOptions}
              searchable
              clearable
              nothingFoundMessage="No member by that name"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('ownerId')}
              value={form.values.ownerId || null}
              onChange={(value) => form.setFieldValue('ownerId', value ?? '')}
              description={theirsHint('ownerId') ?? 'Who answers for this requirement; planned tasks go to them.'}
            />
          ) : (
            <TextInput label="Owner" inputWrapperOrder={['label', 'input', 'description', 'error']} value={item.owner ? `${item.owner.name}${item.owner.id === viewer.id ? ' (you)' : ''}` : 'Nobody yet'} readOnly description="Only ISMS managers hand an item to someone else." />
          )}
        </SimpleGrid>

        <Textarea
          label="Notes"
          autosize
          minRows={3}
          maxRows={12}
          placeholder="What is in place, what is missing, and why."
          {...form.getInputProps('notes')}
          description={theirsHint('notes')}
        />
        {needsJustification ? (
          <Text size="xs" c="orange.9" mt={-6}>
            Say why this does not apply: the Statement of Applicability needs the justification for every excluded control.
          </Text>
        ) : null}

        <Stack gap={6}>
          {form.values.evidenceLinks.length ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Evidence
              </Text>
              {form.values.evidenceLinks.map((link) => (
                <Group key={link} gap="xs" wrap="nowrap" justify="space-between" px="xs" py={4} bg="gray.0" style={{ borderRadius: 6 }}>
                  <Group gap={6} wrap="nowrap" miw={0}>
                    <IconLink size={14} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                    {isLink(link) ? (
                      <Anchor href={link} target="_blank" rel="noopener noreferrer" size="sm" lineClamp={1} style={{ wordBreak: 'break-all' }}>
                        {link} <IconExternalLink size={12} aria-label="(opens in a new tab)" />
                      </Anchor>
                    ) : (
                      <Text size="sm" lineClamp={1} style={{ wordBreak: 'break-all' }}>
                        {link}
                      </Text>
                    )}
                  </Group>
                  <Tooltip label="Remove this link">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Remove ${link}`}
                      onClick={() => form.setFieldValue('evidenceLinks', form.values.evidenceLinks.filter((l) => l !== link))}
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
            </Stack>
          ) : null}
          {theirsHint('evidenceLinks')}
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              label="Evidence link"
              placeholder="https://… a document, ticket or dashboard that shows it"
              value={newLink}
              onChange={(event) => {
                setNewLink(event.currentTarget.value);
                setLinkError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addLink();
                }
              }}
              error={linkError}
              style={{ flex: 1 }}
            />
            <Button variant="default" mt={25} leftSection={<IconPlus size={14} aria-hidden />} onClick={addLink} disabled={!newLink.trim()}>
              Add link
            </Button>
          </Group>
        </Stack>

        <Group justify="space-between" gap="sm" mt="xs">
          <Text size="xs" c="dimmed">
            {dirty ? 'Unsaved changes.' : 'Saving without changes records that you assessed it today.'}
          </Text>
          <Group gap="sm">
            {dirty ? (
              <Button
                variant="default"
                onClick={() => {
                  form.setValues(base.values);
                  setNewLink('');
                  setLinkError(null);
                  setTheirs({});
                  setFormError(null);
                }}
              >
                Discard changes
              </Button>
            ) : null}
            <Button type="submit" loading={loading}>
              Save assessment
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
