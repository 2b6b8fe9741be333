import { Alert, Button, Center, Group, Paper, SimpleGrid, Stack, Text, Textarea, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed, IconEdit, IconRefresh, IconStack2 } from '@tabler/icons-react';
import { useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { RelativeTime, formatDate } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { usePrepareManagementReviewPack, useUpdateManagementReview, type ManagementReviewDetail } from '../management-review-operations';
import type { ManagementReviewInputKey } from '../management-review-words';
import { AuditResultsBody, ImprovementsBody, MonitoringBody, NonconformitiesBody, ObjectivesBody, PackCard, PreviousActionsBody, RisksBody } from './pack-sections';

const PAGE_LINKS: Partial<Record<ManagementReviewInputKey, { path: string; label: string }>> = {
  NONCONFORMITIES: { path: 'audits', label: 'Audits' },
  MONITORING: { path: 'objectives', label: 'Objectives & KPIs' },
  AUDIT_RESULTS: { path: 'audits', label: 'Audits' },
  OBJECTIVES: { path: 'objectives', label: 'Objectives & KPIs' },
  RISKS: { path: 'risks', label: 'Risks' },
  IMPROVEMENTS: { path: 'audits', label: 'Audits' },
};

const ENTERED_HELP: Partial<Record<ManagementReviewInputKey, { field: 'contextChanges' | 'interestedPartyFeedback'; placeholder: string }>> = {
  CONTEXT_CHANGES: {
    field: 'contextChanges',
    placeholder: 'What changed since the last review: new customers or markets, laws (e.g. NIS2), suppliers, technology, organisation; new or changed needs of interested parties.',
  },
  INTERESTED_PARTY_FEEDBACK: {
    field: 'interestedPartyFeedback',
    placeholder: 'Feedback from customers, staff, suppliers, regulators or the certification body: questionnaires, complaints, surveys, incidents reported to you.',
  },
};

/** An entered input (9.3.2 b–c, e): its text, edited in place until the review is submitted. */
function EnteredInput({ review, inputKey, editable }: { review: ManagementReviewDetail; inputKey: ManagementReviewInputKey; editable: boolean }) {
  const help = ENTERED_HELP[inputKey]!;
  const value = review[help.field];
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useUpdateManagementReview();
  const label = inputKey === 'CONTEXT_CHANGES' ? 'Changes in issues and interested parties' : 'Feedback from interested parties';

  const save = async () => {
    setError(null);
    try {
      await update({ variables: { input: { id: review.id, version: review.version, [help.field]: draft ?? '' } } });
      setDraft(null);
    } catch (e) {
      const { code, message } = readApiError(e);
      setError(code === 'CONFLICT' ? `Not saved: ${message} Your text is still here; copy it, reload and save again.` : message);
    }
  };

  if (draft !== null) {
    return (
      <Stack gap="xs">
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <Textarea label={label} autosize minRows={4} maxRows={14} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} placeholder={help.placeholder} data-autofocus />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          <Button size="xs" loading={loading} onClick={() => void save()}>
            Save
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      {value ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {value}
        </Text>
      ) : (
        <Text size="sm" c="orange.8">
          Not written yet. {help.placeholder}
        </Text>
      )}
      {editable ? (
        <Group>
          <Button variant="light" size="xs" leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setDraft(value)} aria-label={`Edit: ${label}`}>
            {value ? 'Edit' : 'Write it'}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The pack: every input of clause 9.3.2, assembled from live data or entered, with "Prepare / refresh pack". */
export function PackTab({ review, locked }: { review: ManagementReviewDetail; locked: boolean }) {
  const { organization } = useCurrentOrganization();
  const [prepare, { loading }] = usePrepareManagementReviewPack();
  const [error, setError] = useState<string | null>(null);
  const pack = review.pack;
  const canPrepare = review.viewerCanManage && !locked;

  const run = async () => {
    setError(null);
    try {
      await prepare({ variables: { input: { managementReviewId: review.id } } });
      notifications.show({ color: 'teal', title: pack ? 'Pack refreshed' : 'Pack prepared', message: 'The inputs now show your data as of today.' });
    } catch (e) {
      setError(readApiError(e).message);
    }
  };

  const prepareButton = canPrepare ? (
    <Button leftSection={<IconRefresh size={16} aria-hidden />} loading={loading} onClick={() => void run()} variant={pack ? 'default' : 'filled'}>
      {pack ? 'Refresh pack' : 'Prepare pack'}
    </Button>
  ) : null;

  return (
    <Stack gap="md">
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap" gap="md">
          <Stack gap={2}>
            <Title order={2} fz={16}>
              Inputs of clause 9.3.2
            </Title>
            {pack ? (
              <Group gap={4}>
                <Text size="sm" c="dimmed">
                  Assembled
                </Text>
                <RelativeTime value={pack.preparedAt} c="dimmed" />
                <Text size="sm" c="dimmed">
                  {review.packPreparedBy ? `by ${review.packPreparedBy.name}` : ''} · figures as of {formatDate(pack.asOf)} · “since the last review” means since {formatDate(pack.since)}
                  {pack.previousReview ? ` (${pack.previousReview.title})` : ' (no earlier review: the last 12 months)'}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Not prepared yet.
              </Text>
            )}
          </Stack>
          {prepareButton}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="md">
          {review.inputs.map((input) => (
            <Group key={input.key} gap={6} wrap="nowrap">
              <ThemeIcon size={20} radius="xl" variant={input.filled ? 'filled' : 'light'} color={input.filled ? 'teal' : 'gray'} aria-hidden>
                {input.filled ? <IconCheck size={13} /> : <IconCircleDashed size={13} />}
              </ThemeIcon>
              <Tooltip label={`${input.clause} · ${input.source === 'ENTERED' ? 'written by you' : 'assembled from your data'}`}>
                <Text size="sm" c={input.filled ? undefined : 'dimmed'} lineClamp={1} aria-label={`${input.title}: ${input.filled ? 'ready' : 'still empty'}`}>
                  {input.title}
                </Text>
              </Tooltip>
            </Group>
          ))}
        </SimpleGrid>
      </Paper>

      {!pack ? (
        <Center mih={220}>
          <Stack align="center" gap="xs" maw={520} ta="center">
            <IconStack2 size={40} aria-hidden color="var(--mantine-color-gray-6)" />
            <Title order={2} fz={18}>
              Prepare the pack for the meeting
            </Title>
            <Text size="sm" c="dimmed">
              Annex reads your live data — decisions of earlier reviews and their tasks, nonconformities and corrective actions, indicators, audits, objectives, risks and the treatment plan, opportunities for improvement — and keeps the figures with the review. You can refresh them until the review goes to management for sign-off.
            </Text>
            {prepareButton}
          </Stack>
        </Center>
      ) : null}

      {review.inputs.map((input) => {
        const link = PAGE_LINKS[input.key];
        const page = link ? { to: `/o/${organization.id}/${link.path}`, label: link.label } : undefined;
        if (input.source === 'ENTERED') {
          return (
            <PackCard key={input.key} inputKey={input.key} clause={input.clause} title={input.title}>
              <EnteredInput review={review} inputKey={input.key} editable={review.viewerCanManage && !locked} />
            </PackCard>
          );
        }
        if (!pack) return null;
        const body = (() => {
          switch (input.key) {
            case 'PREVIOUS_ACTIONS':
              return { computedAt: pack.previousActions.computedAt, node: <PreviousActionsBody section={pack.previousActions} first={!pack.previousReview} /> };
            case 'NONCONFORMITIES':
              return { computedAt: pack.nonconformities.computedAt, node: <NonconformitiesBody section={pack.nonconformities} /> };
            case 'MONITORING':
              return { computedAt: pack.monitoring.computedAt, node: <MonitoringBody section={pack.monitoring} /> };
            case 'AUDIT_RESULTS':
              return { computedAt: pack.auditResults.computedAt, node: <AuditResultsBody section={pack.auditResults} since={pack.since} /> };
            case 'OBJECTIVES':
              return { computedAt: pack.objectives.computedAt, node: <ObjectivesBody section={pack.objectives} /> };
            case 'RISKS':
              return { computedAt: pack.risks.computedAt, node: <RisksBody section={pack.risks} /> };
            case 'IMPROVEMENTS':
              return { computedAt: pack.improvements.computedAt, node: <ImprovementsBody section={pack.improvements} since={pack.since} /> };
            default:
              return null;
          }
        })();
        if (!body) return null;
        return (
          <PackCard key={input.key} inputKey={input.key} clause={input.clause} title={input.title} computedAt={body.computedAt} page={page}>
            {body.node}
          </PackCard>
        );
      })}
    </Stack>
  );
}
