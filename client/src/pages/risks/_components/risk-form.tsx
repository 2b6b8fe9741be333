import { useApolloClient } from '@apollo/client/react';
import { Alert, Anchor, Button, Divider, Grid, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyMutationError, readApiError } from '../../../apollo/api-error';
import { useMemberOptions } from '../../../organization/member-options';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useViewer } from '../../../session/require-viewer';
import { RISK_PANEL_QUERY, isRiskNode, useCreateRisk, useUpdateRisk, type RiskDetail, type RiskFieldsInput, type RiskMatrix, type UpdateRiskInput } from '../risk-operations';
import { riskScore } from '../risk-scoring';
import { RISK_TREATMENTS, TREATMENT_DESCRIPTIONS, TREATMENT_LABELS, isRiskTreatment } from '../risk-words';
import { useRiskPickers } from './risk-pickers';
import { ScorePreview } from './score-preview';
import { ConflictAlert } from '../../../components/conflict-alert';
import { mergeAfterReload } from '../../../components/merge-after-reload';

export interface RiskFormValues {
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  assetIds: string[];
  likelihood: string;
  impact: string;
  treatment: string;
  controlRefs: string[];
  residualLikelihood: string;
  residualImpact: string;
  ownerId: string;
  reviewDate: string;
}

type Field = keyof RiskFormValues;

const FIELDS: readonly Field[] = [
  'title',
  'description',
  'threat',
  'vulnerability',
  'assetIds',
  'likelihood',
  'impact',
  'treatment',
  'controlRefs',
  'residualLikelihood',
  'residualImpact',
  'ownerId',
  'reviewDate',
];

/** What the owner's acceptance signs: changing any of these lapses it. */
const ACCEPTED_FIELDS: readonly Field[] = ['likelihood', 'impact', 'treatment', 'controlRefs', 'residualLikelihood', 'residualImpact'];

const FIELD_LABELS: Record<Field, string> = {
  title: 'Title',
  description: 'Description',
  threat: 'Threat',
  vulnerability: 'Vulnerability',
  assetIds: 'Assets',
  likelihood: 'Likelihood',
  impact: 'Impact',
  treatment: 'Treatment',
  controlRefs: 'Controls',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  ownerId: 'Owner',
  reviewDate: 'Review date',
};

const EMPTY: RiskFormValues = {
  title: '',
  description: '',
  threat: '',
  vulnerability: '',
  assetIds: [],
  likelihood: '',
  impact: '',
  treatment: '',
  controlRefs: [],
  residualLikelihood: '',
  residualImpact: '',
  ownerId: '',
  reviewDate: '',
};

export function riskFormValues(risk: RiskDetail): RiskFormValues {
  return {
    title: risk.title,
    description: risk.description,
    threat: risk.threat,
    vulnerability: risk.vulnerability,
    assetIds: risk.assets.map((a) => a.id).sort(),
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    treatment: risk.treatment ?? '',
    controlRefs: risk.controls.map((c) => c.ref),
    residualLikelihood: risk.residualLikelihood ? String(risk.residualLikelihood) : '',
    residualImpact: risk.residualImpact ? String(risk.residualImpact) : '',
    ownerId: risk.owner?.id ?? '',
    reviewDate: risk.reviewDate ?? '',
  };
}

function same(a: RiskFormValues[Field], b: RiskFormValues[Field]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  return a === b;
}

const toInt = (value: string): number | null => (value ? Number(value) : null);

/** The input for the fields that differ from `base` (everything for a new risk). */
function toInput(values: RiskFormValues, base: RiskFormValues | null): RiskFieldsInput {
  const changed = (field: Field) => !base || !same(values[field], base[field]);
  const input: RiskFieldsInput = {};
  if (changed('title')) input.title = values.title.trim();
  if (changed('description')) input.description = values.description.trim();
  if (changed('threat')) input.threat = values.threat.trim();
  if (changed('vulnerability')) input.vulnerability = values.vulnerability.trim();
  if (changed('assetIds')) input.assetIds = values.assetIds;
  if (changed('likelihood') && values.likelihood) input.likelihood = Number(values.likelihood);
  if (changed('impact') && values.impact) input.impact = Number(values.impact);
  if (changed('treatment')) input.treatment = isRiskTreatment(values.treatment) ? values.treatment : null;
  if (changed('controlRefs')) input.controlRefs = values.controlRefs;
  if (changed('residualLikelihood')) input.residualLikelihood = toInt(values.residualLikelihood);
  if (changed('residualImpact')) input.residualImpact = toInt(values.residualImpact);
  if (changed('ownerId')) input.ownerId = values.ownerId || null;
  if (changed('reviewDate')) input.reviewDate = values.reviewDate || null;
  return input;
}

const TREATMENT_OPTIONS = RISK_TREATMENTS.map((t) => ({ value: t, label: `${TREATMENT_LABELS[t]}: ${TREATMENT_DESCRIPTIONS[t].charAt(0).toLowerCase()}${TREATMENT_DESCRIPTIONS[t].slice(1, -1)}` }));

interface RiskFormProps {
  matrix: RiskMatrix;
  /** Absent for a new risk. */
  risk?: RiskDetail;
  /** Versions this browser produced itself: not someone else's change. */
  ownVersions?: Set<number>;
  onCreated?(riskId: string): void;
  onCancel?(): void;
}

/**
 * The risk's fields, with the score previewed as likelihood and impact are chosen. Save sends the
 * version the form is based on; a change by someone else meanwhile is explained, and "Reload
 * latest" takes their version while keeping what was typed here.
 */
export function RiskForm({ matrix, risk, ownVersions, onCreated, onCancel }: RiskFormProps) {
  const client = useApolloClient();
  const viewer = useViewer();
  const { organization, can } = useCurrentOrganization();
  const { options: members } = useMemberOptions();
  const riskAssets = useMemo(() => risk?.assets ?? [], [risk?.assets]);
  const { controlGroups, assetOptions, canReadAssets } = useRiskPickers(riskAssets);
  const [createRisk, { loading: creating }] = useCreateRisk();
  const [updateRisk, { loading: updating }] = useUpdateRisk();
  const manager = can('risk:updateAny');
  const initial = useMemo<RiskFormValues>(() => (risk ? riskFormValues(risk) : { ...EMPTY, ownerId: manager ? '' : viewer.id }), [risk, manager, viewer.id]);
  const [base, setBase] = useState<{ version: number; values: RiskFormValues } | null>(() => (risk ? { version: risk.version, values: riskFormValues(risk) } : null));
  const [conflict, setConflict] = useState<'saved-elsewhere' | 'rejected' | null>(null);
  const [theirs, setTheirs] = useState<Partial<RiskFormValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const form = useForm<RiskFormValues>({
    initialValues: initial,
    validate: {
      title: (v) => (v.trim() ? null : 'Give the risk a title.'),
      likelihood: (v) => (v ? null : 'How likely is it? Choose a level.'),
      impact: (v) => (v ? null : 'How bad would it be? Choose a level.'),
      residualLikelihood: (v, values) => (!v && values.residualImpact ? 'Set both residual values, or neither.' : null),
      residualImpact: (v, values) => (!v && values.residualLikelihood ? 'Set both residual values, or neither.' : null),
    },
  });
  const values = form.values;
  const dirty = base ? FIELDS.some((field) => !same(values[field], base.values[field])) : true;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  /** Our own save's result reaches the cache before the save resumes (which then rebases). */
  const savingRef = useRef(false);

  // The risk changed (live, our own save, a re-scored matrix): follow it when nothing is being edited.
  useEffect(() => {
    if (!risk || !base || risk.version === base.version || savingRef.current) return;
    const latest = riskFormValues(risk);
    if (!dirtyRef.current) {
      setBase({ version: risk.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setConflict(null);
      setTheirs({});
      return;
    }
    const onlyOwn = ownVersions?.has(risk.version) && FIELDS.every((f) => same(latest[f], base.values[f]));
    if (onlyOwn) setBase({ version: risk.version, values: base.values });
    else setConflict((current) => current ?? 'saved-elsewhere');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to a new version only
  }, [risk?.version]);

  const reloadLatest = async () => {
    if (!risk || !base) return;
    setReloading(true);
    try {
      const { data } = await client.query({ query: RISK_PANEL_QUERY, variables: { id: risk.id }, fetchPolicy: 'network-only' });
      const node = data?.node;
      if (!isRiskNode(node)) {
        setFormError('This risk no longer exists.');
        return;
      }
      const latest = riskFormValues(node);
      const mine = form.getValues();
      const { merged, theirs: bothChanged } = mergeAfterReload(base.values, mine, latest, FIELDS, same);
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
    try {
      if (!risk || !base) {
        const input = toInput(submitted, null);
        const { data } = await createRisk({
          variables: { input: { ...input, organizationId: organization.id, title: submitted.title.trim(), likelihood: Number(submitted.likelihood), impact: Number(submitted.impact) } },
        });
        const created = data?.createRisk.risk;
        if (!created) return;
        notifications.show({ color: 'teal', title: 'Risk created', message: `“${created.title}” is in the register, scored ${created.inherentScore}.` });
        onCreated?.(created.id);
        return;
      }
      const changes = toInput(submitted, base.values);
      if (Object.keys(changes).length === 0) {
        notifications.show({ color: 'gray', message: 'Nothing changed: there is nothing to save.' });
        return;
      }
      const input: UpdateRiskInput = { id: risk.id, version: base.version, ...changes };
      savingRef.current = true;
      const { data } = await updateRisk({ variables: { input } }).finally(() => {
        savingRef.current = false;
      });
      const saved = data?.updateRisk.risk;
      if (!saved) return;
      ownVersions?.add(saved.version);
      const latest = riskFormValues(saved);
      setBase({ version: saved.version, values: latest });
      form.setValues(latest);
      form.resetDirty(latest);
      setTheirs({});
      setConflict(null);
      notifications.show({ color: 'teal', message: `“${saved.title}” is saved.` });
    } catch (e) {
      const error = readApiError(e);
      if (error.code === 'CONFLICT' && risk) {
        setConflict('rejected');
        return;
      }
      setFormError(applyMutationError(form, e));
    }
  });

  const likelihoodOptions = matrix.likelihoodLabels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} · ${label}` }));
  const impactOptions = matrix.impactLabels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} · ${label}` }));
  const memberOptions = members.map((m) => ({ value: m.value, label: m.value === viewer.id ? `${m.label} (you)` : m.label }));
  const inherent = toInt(values.likelihood) && toInt(values.impact) ? riskScore(Number(values.likelihood), Number(values.impact)) : null;
  const residual = toInt(values.residualLikelihood) && toInt(values.residualImpact) ? riskScore(Number(values.residualLikelihood), Number(values.residualImpact)) : null;
  const lapsesAcceptance = !!risk?.acceptance && !!base && ACCEPTED_FIELDS.some((f) => !same(values[f], base.values[f]));

  const theirsHint = (field: Field) => {
    const value = theirs[field];
    if (value === undefined) return null;
    const shown = Array.isArray(value)
      ? value.join(', ') || '(none)'
      : field === 'ownerId'
        ? (members.find((m) => m.value === value)?.label ?? 'Nobody')
        : field === 'likelihood' || field === 'residualLikelihood'
          ? (likelihoodOptions.find((o) => o.value === value)?.label ?? 'Not set')
          : field === 'impact' || field === 'residualImpact'
            ? (impactOptions.find((o) => o.value === value)?.label ?? 'Not set')
            : field === 'treatment'
              ? isRiskTreatment(value)
                ? TREATMENT_LABELS[value]
                : 'Undecided'
              : value || '(empty)';
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
    description: theirsHint(field),
    comboboxProps: { withinPortal: true },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" placeholder="e.g. Ransomware encrypts the fleet database" data-autofocus={!risk || undefined} {...form.getInputProps('title')} description={theirsHint('title')} />
        <Textarea label="Description" autosize minRows={2} maxRows={8} placeholder="What could happen, and to what" {...form.getInputProps('description')} description={theirsHint('description')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Textarea label="Threat" autosize minRows={2} maxRows={6} placeholder="Who or what could cause it" {...form.getInputProps('threat')} description={theirsHint('threat')} />
          <Textarea label="Vulnerability" autosize minRows={2} maxRows={6} placeholder="The weakness it would exploit" {...form.getInputProps('vulnerability')} description={theirsHint('vulnerability')} />
        </SimpleGrid>
        <MultiSelect
          label="Assets"
          placeholder={values.assetIds.length ? undefined : canReadAssets ? 'The assets this risk threatens' : 'Not available to your role'}
          data={assetOptions}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="No asset by that name"
          disabled={!canReadAssets}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('assetIds')}
          description={theirsHint('assetIds') ?? (!canReadAssets ? 'Your role cannot see the asset inventory.' : undefined)}
        />

        <Divider mt="xs" />
        <Title order={3} fz={15}>
          Before treatment
        </Title>
        <Grid gap="sm" align="stretch">
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <Select label="Likelihood" placeholder="Choose" data={likelihoodOptions} allowDeselect={false} {...selectProps('likelihood')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <Select label="Impact" placeholder="Choose" data={impactOptions} allowDeselect={false} {...selectProps('impact')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <ScorePreview label="Inherent score" likelihood={toInt(values.likelihood)} impact={toInt(values.impact)} matrix={matrix} empty="Choose likelihood and impact to see the score." />
          </Grid.Col>
        </Grid>

        <Divider mt="xs" />
        <Title order={3} fz={15}>
          After treatment
        </Title>
        <Select
          label="Treatment"
          placeholder="Not decided yet"
          data={TREATMENT_OPTIONS}
          clearable
          {...selectProps('treatment')}
          description={theirsHint('treatment') ?? (values.treatment === 'ACCEPT' ? 'Accepting a risk always needs its owner’s acceptance (clause 6.1.3 f).' : undefined)}
        />
        <MultiSelect
          label="Controls"
          placeholder={values.controlRefs.length ? undefined : 'Search the 93 Annex A controls, e.g. “A.8.8” or “backup”'}
          data={controlGroups}
          searchable
          clearable
          hidePickedOptions
          maxDropdownHeight={280}
          nothingFoundMessage="No control matches"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('controlRefs')}
          description={theirsHint('controlRefs') ?? 'The Annex A controls that carry the treatment. They are suggested as applicable in the Statement of Applicability.'}
        />
        <Grid gap="sm" align="stretch">
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <Select label="Residual likelihood" placeholder="Not assessed" data={likelihoodOptions} clearable {...selectProps('residualLikelihood')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <Select label="Residual impact" placeholder="Not assessed" data={impactOptions} clearable {...selectProps('residualImpact')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <ScorePreview
              label="Residual score"
              likelihood={toInt(values.residualLikelihood)}
              impact={toInt(values.residualImpact)}
              matrix={matrix}
              empty="Not assessed: until it is, the inherent score counts against the threshold."
            />
          </Grid.Col>
        </Grid>
        {inherent !== null && residual !== null && residual > inherent ? (
          <Text size="xs" c="orange.9">
            The residual score ({residual}) is higher than the inherent score ({inherent}): a treatment should not make the risk worse.
          </Text>
        ) : null}

        <Divider mt="xs" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Owner"
            placeholder="Nobody yet"
            data={memberOptions}
            searchable
            clearable={manager}
            disabled={!manager}
            nothingFoundMessage="No member by that name"
            {...selectProps('ownerId')}
            description={theirsHint('ownerId') ?? (manager ? 'Accountable for the risk; accepts the residual risk.' : 'You register the risks you own.')}
          />
          <TextInput label="Review date" type="date" {...form.getInputProps('reviewDate')} description={theirsHint('reviewDate') ?? 'When the risk is assessed again.'} />
        </SimpleGrid>

        {lapsesAcceptance ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} role="status">
            <Text size="sm">
              {risk?.owner?.name ?? 'The owner'} accepted this risk as it was scored. Saving changes to its scores, treatment or controls lapses that acceptance, and it must be asked again.
            </Text>
          </Alert>
        ) : null}

        {/* Next to Save: where the person is looking when a save is refused. */}
        {conflict ? <ConflictAlert conflict={conflict} noun="risk" reloading={reloading} onReload={() => void reloadLatest()} /> : null}
        {Object.keys(theirs).length > 0 && !conflict ? (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
            <Text size="sm">
              Reloaded. You and someone else both changed {Object.keys(theirs).map((f) => FIELD_LABELS[f as Field].toLowerCase()).join(', ')}: yours is kept, theirs is shown under the field. Save to
              keep yours.
            </Text>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}

        <Group justify="flex-end" gap="sm" mt="xs">
          {risk && dirty && base ? (
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
          {!risk && onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={creating || updating}>
            {risk ? 'Save risk' : 'Create risk'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
