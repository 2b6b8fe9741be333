import { Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconBulb, IconCheck, IconRefresh } from '@tabler/icons-react';
import { memo, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { readApiError } from '../../../apollo/api-error';
import { useLiveHighlightClass } from '../../../apollo/live-highlight';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { RISK_LEVEL_LABELS } from '../../risks/risk-words';
import { useUpdateSoaEntry, type SoaEntryRow as SoaEntry, type UpdateSoaEntryInput } from '../soa-operations';
import { isIncomplete } from '../soa-url-filter';
import { IMPLEMENTATION_LABELS, IMPLEMENTATION_STATUSES, type SoaImplementationStatus } from '../soa-words';

interface Values {
  applicable: boolean | null;
  justification: string;
  implementationStatus: SoaImplementationStatus;
}

const valuesOf = (entry: SoaEntry): Values => ({ applicable: entry.applicable, justification: entry.justification, implementationStatus: entry.implementationStatus });

const STATUS_OPTIONS = IMPLEMENTATION_STATUSES.map((status) => ({ value: status, label: IMPLEMENTATION_LABELS[status] }));

interface SoaEntryRowProps {
  entry: SoaEntry;
  canEdit: boolean;
  /** The person changed this row (it stays visible while filters would hide it). */
  onTouched(controlRef: string): void;
  /** Opens the control's panel: details and evidence. */
  onOpen(controlRef: string): void;
}

/**
 * One control of the SoA, edited in place: Yes/No saves at once (with the justification when
 * there is one), the justification saves when you leave it, the status when you pick it. Each
 * save carries the version the row was based on; someone else's change meanwhile is a conflict.
 */
export const SoaEntryRowEditor = memo(function SoaEntryRowEditor({ entry, canEdit, onTouched, onOpen }: SoaEntryRowProps) {
  const { organization } = useCurrentOrganization();
  const [updateEntry, { loading }] = useUpdateSoaEntry();
  const [base, setBase] = useState<{ version: number; values: Values }>(() => ({ version: entry.version, values: valuesOf(entry) }));
  const [draft, setDraft] = useState<Values>(() => valuesOf(entry));
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const saving = useRef(false);
  /** A change made while a save was in flight: saved right after it, from the latest draft. */
  const saveAgain = useRef(false);
  const ownVersions = useRef(new Set<number>());
  // The save runs across renders: it reads the latest base and draft through refs.
  const baseRef = useRef(base);
  baseRef.current = base;
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const justificationRef = useRef<HTMLTextAreaElement>(null);
  const flash = useLiveHighlightClass(entry.id);

  const dirty = (Object.keys(draft) as (keyof Values)[]).some((key) => draft[key] !== base.values[key]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // Someone (or our own save) changed the entry: follow it unless something is being edited here.
  useEffect(() => {
    if (entry.version === base.version) return;
    // Our own save: its result lands in the cache before the save resumes, which then rebases.
    if (saving.current || ownVersions.current.has(entry.version)) return;
    if (!dirtyRef.current) {
      setBase({ version: entry.version, values: valuesOf(entry) });
      setDraft(valuesOf(entry));
      setConflict(false);
      return;
    }
    setConflict(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to a new version only
  }, [entry.version]);

  // "Saved" shows for a moment after each save.
  useEffect(() => {
    if (savedAt === null) return;
    const timer = setTimeout(() => setSavedAt(null), 2500);
    return () => clearTimeout(timer);
  }, [savedAt]);

  const save = async (values: Values): Promise<void> => {
    if (conflict) return;
    if (saving.current) {
      saveAgain.current = true;
      return;
    }
    const current = baseRef.current;
    const fields = (Object.keys(values) as (keyof Values)[]).filter((key) => values[key] !== current.values[key]);
    if (fields.length === 0) return;
    saving.current = true;
    setError(null);
    onTouched(entry.controlRef);
    const input: UpdateSoaEntryInput = { organizationId: organization.id, controlRef: entry.controlRef, version: current.version };
    if (fields.includes('applicable')) input.applicable = values.applicable;
    if (fields.includes('justification')) input.justification = values.justification;
    if (fields.includes('implementationStatus')) input.implementationStatus = values.implementationStatus;
    try {
      const { data } = await updateEntry({ variables: { input } });
      const saved = data?.updateSoaEntry.entry;
      if (!saved) return;
      ownVersions.current.add(saved.version);
      const next = valuesOf(saved);
      baseRef.current = { version: saved.version, values: next };
      setBase(baseRef.current);
      // Whatever was typed while saving stays; what was sent takes the saved value.
      const latest = draftRef.current;
      draftRef.current = {
        applicable: latest.applicable === values.applicable ? next.applicable : latest.applicable,
        justification: latest.justification === values.justification ? next.justification : latest.justification,
        implementationStatus: latest.implementationStatus === values.implementationStatus ? next.implementationStatus : latest.implementationStatus,
      };
      setDraft(draftRef.current);
      setSavedAt(Date.now());
    } catch (e) {
      const apiError = readApiError(e);
      if (apiError.code === 'CONFLICT') setConflict(true);
      else {
        setError({ field: apiError.field, message: apiError.message });
        if (apiError.field === 'justification') justificationRef.current?.focus();
      }
    } finally {
      saving.current = false;
    }
    if (saveAgain.current) {
      saveAgain.current = false;
      await save(draftRef.current);
    }
  };

  const reloadKeepingMine = () => {
    const latest = valuesOf(entry);
    const mine = draft;
    setBase({ version: entry.version, values: latest });
    setDraft({
      applicable: mine.applicable !== base.values.applicable ? mine.applicable : latest.applicable,
      justification: mine.justification !== base.values.justification ? mine.justification : latest.justification,
      implementationStatus: mine.implementationStatus !== base.values.implementationStatus ? mine.implementationStatus : latest.implementationStatus,
    });
    setConflict(false);
    setError(null);
  };

  const choose = (applicable: boolean) => {
    const next = { ...draftRef.current, applicable, implementationStatus: applicable ? draftRef.current.implementationStatus : ('NOT_STARTED' as const) };
    draftRef.current = next;
    setDraft(next);
    void save(next);
  };

  const incomplete = isIncomplete(draft);
  const suggestion = entry.suggestedApplicable && draft.applicable === null;
  const excludedButUsed = draft.applicable === false && entry.riskCount > 0;
  const justificationError = error?.field === 'justification' ? error.message : null;
  const pendingChoice = draft.applicable !== base.values.applicable && !draft.justification.trim();

  return (
    <Table.Tr className={flash} data-control-ref={entry.controlRef} bg={incomplete ? 'orange.0' : undefined} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Tooltip label={entry.control.summary} multiline w={360} position="right" openDelay={300}>
          <UnstyledButton onClick={() => onOpen(entry.controlRef)} aria-label={`Open ${entry.controlRef} ${entry.control.title}: details and evidence`} style={{ display: 'block', textAlign: 'left' }}>
            <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} c="indigo.8">
              {entry.controlRef}
            </Text>
            <Text size="sm" lh={1.3}>
              {entry.control.title}
            </Text>
          </UnstyledButton>
        </Tooltip>
        {entry.updatedBy && entry.updatedAt ? (
          <Text size="xs" c="dimmed" mt={4}>
            {entry.updatedBy.name} · <RelativeTime value={entry.updatedAt} size="xs" c="dimmed" />
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <SegmentedControl
            aria-label={`Applicable: ${entry.controlRef}`}
            size="xs"
            value={draft.applicable === null ? '' : draft.applicable ? 'yes' : 'no'}
            onChange={(value) => choose(value === 'yes')}
            disabled={!canEdit || conflict}
            data={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            color={draft.applicable === false ? 'gray' : 'indigo'}
          />
          {draft.applicable === null ? (
            <Text size="xs" c="orange.9" fw={600}>
              Undecided
            </Text>
          ) : null}
          {suggestion ? (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconBulb size={14} color="var(--mantine-color-indigo-7)" aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
              <Text size="xs" c="indigo.8">
                Suggested: applicable (treats {entry.riskCount} {entry.riskCount === 1 ? 'risk' : 'risks'})
              </Text>
            </Group>
          ) : null}
          {excludedButUsed ? (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-8)" aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
              <Text size="xs" c="orange.9">
                Excluded, but {entry.riskCount} {entry.riskCount === 1 ? 'risk relies' : 'risks rely'} on it
              </Text>
            </Group>
          ) : null}
          {entry.documents.length ? (
            <Text size="xs" c="dimmed">
              Documented in{' '}
              {entry.documents.map((doc, index) => (
                <span key={doc.id}>
                  {index ? ', ' : ''}
                  <Anchor component={Link} to={`/o/${organization.id}/documents/${doc.id}`} size="xs">
                    {doc.title}
                  </Anchor>
                  {doc.currentVersion ? ` ${doc.currentVersion.number}` : ' (draft)'}
                </span>
              ))}
            </Text>
          ) : draft.applicable ? (
            <Text size="xs" c="orange.9">
              No document addresses it yet
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        {!canEdit ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={entry.justification ? undefined : 'dimmed'}>
            {entry.justification || 'No justification yet.'}
          </Text>
        ) : (
          <Stack gap={4}>
            <Textarea
              ref={justificationRef}
              aria-label="Justification"
              placeholder={draft.applicable === false ? 'Why this control does not apply' : 'Why it applies, and how it is met'}
              autosize
              minRows={1}
              maxRows={6}
              size="sm"
              value={draft.justification}
              disabled={conflict}
              error={justificationError}
              onChange={(event) => {
                const justification = event.currentTarget.value;
                setDraft((current) => ({ ...current, justification }));
              }}
              onBlur={() => {
                if (draft.justification !== base.values.justification) void save(draft);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                  event.preventDefault();
                  void save(draft);
                }
                if (event.key === 'Escape' && draft.justification !== base.values.justification) {
                  event.stopPropagation();
                  setDraft((current) => ({ ...current, justification: base.values.justification }));
                }
              }}
            />
            {conflict ? (
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="red.8">
                  {entry.updatedBy?.name ?? 'Someone'} changed this control meanwhile. Nothing was overwritten.
                </Text>
                <Button size="compact-xs" variant="light" color="red" leftSection={<IconRefresh size={12} aria-hidden />} onClick={reloadKeepingMine}>
                  Reload, keep my text
                </Button>
              </Group>
            ) : error && !justificationError ? (
              <Text size="xs" c="red.8" role="alert">
                {error.message}
              </Text>
            ) : pendingChoice && !justificationError ? (
              <Text size="xs" c="orange.9">
                Not saved yet: say why, and it saves when you leave the field.
              </Text>
            ) : null}
            {dirty && !conflict && draft.justification !== base.values.justification ? (
              <Group gap="xs">
                <Button size="compact-xs" onClick={() => void save(draft)} loading={loading}>
                  Save
                </Button>
                <Text size="xs" c="dimmed">
                  or leave the field · Esc to undo
                </Text>
              </Group>
            ) : savedAt ? (
              <Group gap={4} c="teal.8" role="status">
                <IconCheck size={12} aria-hidden />
                <Text size="xs" c="teal.8">
                  Saved
                </Text>
              </Group>
            ) : null}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label="Implementation"
          size="xs"
          data={STATUS_OPTIONS}
          value={draft.implementationStatus}
          allowDeselect={false}
          disabled={!canEdit || conflict || draft.applicable === false}
          title={draft.applicable === false ? 'An excluded control needs no implementation.' : undefined}
          onChange={(value) => {
            if (!value) return;
            const next = { ...draftRef.current, implementationStatus: value as SoaImplementationStatus };
            draftRef.current = next;
            setDraft(next);
            void save(next);
          }}
          comboboxProps={{ withinPortal: true }}
        />
      </Table.Td>
      <Table.Td>
        {entry.riskCount ? (
          <Tooltip
            label={
              <Stack gap={2}>
                {entry.risks.map((risk) => (
                  <Text key={risk.id} size="xs">
                    {risk.title} · {RISK_LEVEL_LABELS[risk.level]}
                  </Text>
                ))}
              </Stack>
            }
            multiline
            w={300}
          >
            <Anchor component={Link} to={`/o/${organization.id}/risks?control=${encodeURIComponent(entry.controlRef)}`} underline="never" aria-label={`${entry.riskCount} risks treated by ${entry.controlRef}`}>
              <Badge variant="light" color="indigo">
                {entry.riskCount}
              </Badge>
            </Anchor>
          </Tooltip>
        ) : (
          <Text size="xs" c="dimmed">
            0
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
});
