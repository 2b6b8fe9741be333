import { ActionIcon, Alert, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { ConflictAlert } from '../../../components/conflict-alert';
import { initials } from '../../../components/person-avatar';
import { useMemberOptions } from '../../../organization/member-options';
import { useUpdateManagementReview, type ManagementReviewDetail } from '../management-review-operations';
import { formatDate } from '../../../components/relative-time';
import { mergeAfterReload } from '../../../components/merge-after-reload';

interface External {
  key: number;
  name: string;
  affiliation: string;
}

interface Draft {
  heldOn: string;
  location: string;
  memberIds: string[];
  affiliations: Record<string, string>;
  externals: External[];
  minutes: string;
}
const DRAFT_FIELDS: readonly (keyof Draft)[] = ['heldOn', 'location', 'memberIds', 'affiliations', 'externals', 'minutes'];
/** Draft fields compared by content (lists and records of attendees included). */
const sameDraftValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

let keys = 0;

const comparable = (d: Draft) => JSON.stringify({ ...d, externals: d.externals.map(({ name, affiliation }) => ({ name, affiliation })) });

function draftOf(review: ManagementReviewDetail): Draft {
  const members = review.attendees.filter((a) => a.userId);
  return {
    heldOn: review.heldOn ?? '',
    location: review.location,
    memberIds: members.map((a) => a.userId!),
    affiliations: Object.fromEntries(members.map((a) => [a.userId!, a.affiliation])),
    externals: review.attendees.filter((a) => !a.userId).map((a) => ({ key: ++keys, name: a.name, affiliation: a.affiliation })),
    minutes: review.minutes,
  };
}

/** The meeting: when it was held, who attended (members and named externals), the minutes. */
export function MeetingTab({ review, locked }: { review: ManagementReviewDetail; locked: boolean }) {
  const editable = review.viewerCanManage && !locked;
  const { options } = useMemberOptions();
  const [update, { loading }] = useUpdateManagementReview();
  const [draft, setDraft] = useState<Draft>(() => draftOf(review));
  // The record as it was when editing began: what "typed something" is measured against.
  const [pristine, setPristine] = useState<Draft>(() => draftOf(review));
  const [baseVersion, setBaseVersion] = useState(review.version);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const saving = useRef(false);

  // Someone else saved meanwhile: say so rather than overwrite (the server would refuse anyway).
  useEffect(() => {
    if (review.version > baseVersion && !saving.current) {
      if (comparable(pristine) === comparable(draft)) {
        setDraft(draftOf(review));
        setPristine(draftOf(review));
        setBaseVersion(review.version);
      } else if (!conflict) setConflict('stale');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to new versions only
  }, [review.version]);

  const memberOptions = useMemo(() => options.map((m) => ({ value: m.value, label: m.label })), [options]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    setFieldErrors({});
    setFormError(null);
    saving.current = true;
    try {
      const { data } = await update({
        variables: {
          input: {
            id: review.id,
            version: baseVersion,
            heldOn: draft.heldOn || null,
            location: draft.location,
            attendees: [...draft.memberIds.map((userId) => ({ userId, affiliation: draft.affiliations[userId] ?? '' })), ...draft.externals.map((e) => ({ name: e.name, affiliation: e.affiliation }))],
            minutes: draft.minutes,
          },
        },
      });
      const saved = data?.updateManagementReview.managementReview;
      if (saved) {
        setDraft(draftOf(saved));
        setPristine(draftOf(saved));
        setBaseVersion(saved.version);
      }
      setConflict(null);
      notifications.show({ color: 'teal', title: 'Meeting saved', message: draft.heldOn ? `Recorded as held on ${formatDate(draft.heldOn)}.` : 'The attendees and minutes are saved.' });
    } catch (e) {
      const { code, field, message } = readApiError(e);
      if (code === 'CONFLICT') {
        if (/changed by someone else/.test(message)) setConflict('rejected');
        else setFormError(message);
      } else if (field) setFieldErrors({ [field.replace(/\.\d+\..*$/, '')]: message });
      else setFormError(message);
    } finally {
      saving.current = false;
    }
  };

  const reload = () => {
    // Keep every field typed here; take the rest (and the version) from the latest record.
    const latest = draftOf(review);
    setDraft((d) => mergeAfterReload(pristine, d, latest, DRAFT_FIELDS, sameDraftValue).merged);
    setPristine(latest);
    setBaseVersion(review.version);
    setConflict(null);
  };

  if (!editable) {
    return (
      <Stack gap="md">
        {locked ? (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
            {review.status === 'SIGNED' ? 'Signed off: the meeting record is frozen.' : 'Awaiting sign-off: the meeting record cannot change meanwhile.'}
          </Alert>
        ) : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <div>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Held on
                </Text>
                <Text size="sm">{review.heldOn ? formatDate(review.heldOn) : 'Not held yet'}</Text>
              </div>
              <div>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  Location
                </Text>
                <Text size="sm">{review.location || '—'}</Text>
              </div>
            </SimpleGrid>
            <div>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                Attendees
              </Text>
              {review.attendees.length ? (
                <Stack gap={4}>
                  {review.attendees.map((a, i) => (
                    <Group key={`${a.userId ?? a.name}-${i}`} gap="xs">
                      <Text size="xs" fw={700} c="indigo.8" w={26} ta="center" style={{ borderRadius: 12, background: 'var(--mantine-color-indigo-0)' }}>
                        {initials(a.name)}
                      </Text>
                      <Text size="sm">{a.name}</Text>
                      {a.affiliation ? (
                        <Text size="sm" c="dimmed">
                          {a.affiliation}
                        </Text>
                      ) : null}
                      {!a.userId ? (
                        <Text size="xs" c="dimmed">
                          (external)
                        </Text>
                      ) : null}
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  No attendees recorded.
                </Text>
              )}
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
                Minutes
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={review.minutes ? undefined : 'dimmed'}>
                {review.minutes || 'No minutes recorded.'}
              </Text>
            </div>
          </Stack>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {conflict ? <ConflictAlert conflict={conflict} noun="review" reloading={false} onReload={reload} /> : null}
      {formError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {formError}
        </Alert>
      ) : null}
      {!review.pack ? (
        <Alert color="blue" variant="light">
          Prepare the pack first: the meeting is recorded as held once it has discussed the inputs.
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={2} fz={16}>
            The meeting
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Held on"
              description={`Planned for ${formatDate(review.scheduledOn)}; record the day once it has taken place`}
              max={today}
              value={draft.heldOn}
              onChange={(e) => set('heldOn', e.currentTarget.value)}
              error={fieldErrors['heldOn']}
              disabled={!review.pack}
            />
            <TextInput label="Location" description="Where, or how (video call)" value={draft.location} onChange={(e) => set('location', e.currentTarget.value)} error={fieldErrors['location']} />
          </SimpleGrid>
          <MultiSelect
            label="Members attending"
            description="Top management takes part; add the ISMS manager and whoever presents inputs"
            data={memberOptions}
            searchable
            clearable
            value={draft.memberIds}
            onChange={(ids) => set('memberIds', ids)}
            error={fieldErrors['attendees']}
            comboboxProps={{ withinPortal: true }}
          />
          {draft.memberIds.length ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {draft.memberIds.map((id) => (
                <TextInput
                  key={id}
                  size="xs"
                  label={`Function of ${options.find((o) => o.value === id)?.label ?? 'member'}`}
                  placeholder="e.g. CFO"
                  value={draft.affiliations[id] ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, affiliations: { ...d.affiliations, [id]: value } }));
                  }}
                />
              ))}
            </SimpleGrid>
          ) : null}
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Other attendees (not members of Annex)
            </Text>
            {draft.externals.map((external, index) => (
              <Group key={external.key} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  size="xs"
                  label="Name"
                  value={external.name}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, externals: d.externals.map((x, i) => (i === index ? { ...x, name: value } : x)) }));
                  }}
                  style={{ flex: 1 }}
                />
                <TextInput
                  size="xs"
                  label="Function or organisation"
                  value={external.affiliation}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, externals: d.externals.map((x, i) => (i === index ? { ...x, affiliation: value } : x)) }));
                  }}
                  style={{ flex: 1 }}
                />
                <ActionIcon variant="subtle" color="red" aria-label={`Remove ${external.name || 'this attendee'}`} onClick={() => set('externals', draft.externals.filter((_, i) => i !== index))} mb={4}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => set('externals', [...draft.externals, { key: ++keys, name: '', affiliation: '' }])}>
                Add someone from outside
              </Button>
            </Group>
          </Stack>
          <Textarea
            label="Minutes"
            description="What was discussed and concluded: is the ISMS still suitable, adequate and effective? Record the decisions in the Decisions tab."
            autosize
            minRows={6}
            maxRows={24}
            value={draft.minutes}
            onChange={(e) => set('minutes', e.currentTarget.value)}
            error={fieldErrors['minutes']}
          />
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={loading} disabled={conflict === 'stale'}>
              Save the meeting
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
