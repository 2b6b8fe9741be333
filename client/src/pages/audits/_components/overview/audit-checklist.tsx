import { ActionIcon, Box, Button, ColorSwatch, Group, Paper, Progress, Select, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconNote, IconSearch } from '@tabler/icons-react';
import { memo, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readApiError } from '../../../../apollo/api-error';
import { useUpdateChecklistItem, type AuditDetail, type ChecklistItemRow } from '../../audit-operations';
import { CHECKLIST_VERDICTS, CHECKLIST_VERDICT_COLORS, CHECKLIST_VERDICT_LABELS, isChecklistVerdict, type ChecklistVerdict } from '../../audit-words';
import { compareRefs, VerdictBadge } from './audit-badges';

const SECTION_TITLES: Record<string, string> = {
  '4': 'Clause 4 Context of the organization',
  '5': 'Clause 5 Leadership',
  '6': 'Clause 6 Planning',
  '7': 'Clause 7 Support',
  '8': 'Clause 8 Operation',
  '9': 'Clause 9 Performance evaluation',
  '10': 'Clause 10 Improvement',
  'A.5': 'A.5 Organizational controls',
  'A.6': 'A.6 People controls',
  'A.7': 'A.7 Physical controls',
  'A.8': 'A.8 Technological controls',
};

function sectionOf(ref: string): string {
  const parts = ref.split('.');
  return ref.startsWith('A.') ? `A.${parts[1]}` : (parts[0] ?? ref);
}

const VERDICT_OPTIONS = CHECKLIST_VERDICTS.map((v) => ({ value: v, label: CHECKLIST_VERDICT_LABELS[v] }));

const ChecklistRow = memo(function ChecklistRow({ item, editable, onReload }: { item: ChecklistItemRow; editable: boolean; onReload(): void }) {
  const [update, { loading }] = useUpdateChecklistItem();
  const [editingNotes, setEditingNotes] = useState(false);
  const [notes, setNotes] = useState(item.notes);

  const save = async (input: { verdict?: ChecklistVerdict; notes?: string }) => {
    try {
      await update({ variables: { input: { id: item.id, version: item.version, ...input } } });
      return true;
    } catch (error) {
      const { code, message } = readApiError(error);
      notifications.show({
        color: 'red',
        title: code === 'CONFLICT' ? `${item.ref} was changed by someone else` : `${item.ref} was not saved`,
        message: code === 'CONFLICT' ? 'The latest verdict and notes are loaded; your notes are kept in the box.' : message,
      });
      if (code === 'CONFLICT') onReload();
      return false;
    }
  };

  return (
    <Box component="li" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Text size="sm" fw={600} ff="monospace" w={64} style={{ flexShrink: 0 }}>
          {item.ref}
        </Text>
        <Stack gap={4} style={{ flex: 1 }} miw={0}>
          <Text size="sm">{item.requirement}</Text>
          {item.notes && !editingNotes ? (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {item.notes}
            </Text>
          ) : null}
          {editingNotes ? (
            <Stack gap={6}>
              <Textarea label={`Notes for ${item.ref}`} autosize minRows={2} maxRows={8} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autoFocus />
              <Group gap="xs">
                <Button
                  size="xs"
                  loading={loading}
                  onClick={() =>
                    void save({ notes }).then((ok) => {
                      if (ok) setEditingNotes(false);
                    })
                  }
                >
                  Save notes
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setNotes(item.notes);
                    setEditingNotes(false);
                  }}
                >
                  Cancel
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stack>
        {editable ? (
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <Select
              aria-label={`Verdict for ${item.ref}`}
              data={VERDICT_OPTIONS}
              value={item.verdict}
              allowDeselect={false}
              onChange={(v) => {
                if (isChecklistVerdict(v) && v !== item.verdict) void save({ verdict: v });
              }}
              leftSection={<ColorSwatch size={10} color={`var(--mantine-color-${CHECKLIST_VERDICT_COLORS[item.verdict]}-filled)`} withShadow={false} />}
              w={170}
              size="xs"
              disabled={loading}
              comboboxProps={{ withinPortal: true }}
            />
            <Tooltip label={item.notes ? 'Edit the notes' : 'Add notes'}>
              <ActionIcon
                variant={item.notes ? 'light' : 'subtle'}
                color="gray"
                size="lg"
                aria-label={`${item.notes ? 'Edit the notes' : 'Add notes'} on ${item.ref}`}
                onClick={() => {
                  setNotes(item.notes);
                  setEditingNotes((v) => !v);
                }}
              >
                <IconNote size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : (
          <VerdictBadge verdict={item.verdict} style={{ flexShrink: 0 }} />
        )}
      </Group>
    </Box>
  );
});

/** Every requirement in scope with the auditor's verdict and notes; the audit team records them as they go. */
export function AuditChecklist({ audit, onReload }: { audit: AuditDetail; onReload(): void }) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const verdictParam = params.get('verdict') ?? '';
  const verdict = isChecklistVerdict(verdictParam) ? verdictParam : null;
  const editable = audit.viewerCanConduct && audit.status !== 'CLOSED';

  const items = useMemo(() => [...audit.checklist].sort((a, b) => compareRefs(a.ref, b.ref)), [audit.checklist]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(CHECKLIST_VERDICTS.map((v) => [v, 0])) as Record<ChecklistVerdict, number>;
    for (const item of items) c[item.verdict] += 1;
    return c;
  }, [items]);
  const checked = items.length - counts.NOT_CHECKED;
  const needle = search.trim().toLowerCase();
  const shown = items.filter((i) => (!verdict || i.verdict === verdict) && (!needle || i.ref.toLowerCase().startsWith(needle) || i.requirement.toLowerCase().includes(needle)));
  const sections = new Map<string, ChecklistItemRow[]>();
  for (const item of shown) sections.set(sectionOf(item.ref), [...(sections.get(sectionOf(item.ref)) ?? []), item]);

  const setVerdict = (v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set('verdict', v);
    else next.delete('verdict');
    setParams(next, { replace: true });
  };

  if (!items.length) {
    return (
      <Paper withBorder radius="md" p="xl" ta="center">
        <Text fw={600}>Nothing in scope yet</Text>
        <Text size="sm" c="dimmed" mt={4}>
          The checklist lists every clause and control in the audit’s scope. Set the scope (Edit) to fill it.
        </Text>
      </Paper>
    );
  }

  const percent = Math.round((checked / items.length) * 100);
  const sectionsWithColors = CHECKLIST_VERDICTS.filter((v) => v !== 'NOT_CHECKED' && counts[v] > 0);

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="baseline" mb={6}>
          <Text fw={600}>
            {checked} of {items.length} checked
          </Text>
          <Group gap="md">
            {sectionsWithColors.map((v) => (
              <Group key={v} gap={4}>
                <ColorSwatch size={10} color={`var(--mantine-color-${CHECKLIST_VERDICT_COLORS[v]}-filled)`} withShadow={false} />
                <Text size="xs">
                  {counts[v]} {CHECKLIST_VERDICT_LABELS[v]}
                </Text>
              </Group>
            ))}
          </Group>
        </Group>
        <Progress.Root size="lg" aria-label={`${checked} of ${items.length} requirements checked`}>
          {sectionsWithColors.map((v) => (
            <Progress.Section key={v} value={(counts[v] / items.length) * 100} color={CHECKLIST_VERDICT_COLORS[v]} />
          ))}
        </Progress.Root>
        {percent < 100 && audit.status === 'IN_PROGRESS' ? (
          <Text size="xs" c="dimmed" mt={6}>
            {counts.NOT_CHECKED} requirement{counts.NOT_CHECKED === 1 ? '' : 's'} still to check.
          </Text>
        ) : null}
      </Paper>
      <Group gap="sm" align="flex-end">
        <Select
          label="Verdict"
          placeholder="All verdicts"
          data={CHECKLIST_VERDICTS.map((v) => ({ value: v, label: `${CHECKLIST_VERDICT_LABELS[v]} (${counts[v]})` }))}
          value={verdict}
          onChange={setVerdict}
          clearable
          w={220}
          size="sm"
        />
        <TextInput label="Find a requirement" placeholder="Ref or words" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} size="sm" />
        <Text size="sm" c="dimmed" pb={6}>
          {shown.length === items.length ? `${items.length} requirements` : `${shown.length} of ${items.length} requirements`}
        </Text>
      </Group>
      {!shown.length ? (
        <Paper withBorder radius="md" p="lg" ta="center">
          <Text size="sm" c="dimmed">
            No requirement matches.
          </Text>
          {verdict ? (
            <Button variant="subtle" size="xs" mt={6} onClick={() => setVerdict(null)}>
              Show all verdicts
            </Button>
          ) : null}
        </Paper>
      ) : null}
      {[...sections.entries()].map(([section, rows]) => (
        <Paper key={section} withBorder radius="md" component="section" aria-label={SECTION_TITLES[section] ?? section} style={{ overflow: 'hidden' }}>
          <Group px="md" py="xs" justify="space-between" bg="var(--mantine-color-gray-0)">
            <Title order={3} fz={15}>
              {SECTION_TITLES[section] ?? section}
            </Title>
            <Text size="xs" c="dimmed">
              {rows.filter((r) => r.verdict !== 'NOT_CHECKED').length} of {rows.length} checked
            </Text>
          </Group>
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {rows.map((item) => (
              <ChecklistRow key={item.id} item={item} editable={editable} onReload={onReload} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
