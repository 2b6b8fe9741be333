import { Anchor, Badge, Button, Card, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconArrowRight, IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, SkeletonRows } from '../../../../components/query-states';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { ConsistencyIssueRow, ConsistencySeverity, ConsistencySubject } from '../../documents-operations';
import { SOA_MANDATORY_REF } from './mandatory-documents';
import type { NewDocumentPreset } from './new-document-modal';

interface ConsistencyIssuesProps {
  issues: ConsistencyIssueRow[] | null;
  error: unknown;
  onRetry(): void;
  /** Mandatory documents by ref, to start a missing one with its title and clause. */
  presetForRef(ref: string): NewDocumentPreset | null;
  onCreate: ((preset: NewDocumentPreset) => void) | null;
}

/** What each check means, in words. */
const CODE_WORDS: Record<string, { title: string; explanation: string }> = {
  MANDATORY_DOCUMENT_MISSING: {
    title: 'Mandatory document missing',
    explanation: 'The standard requires this documented information; an auditor raises a nonconformity when none is published, approved and current.',
  },
  APPROVAL_LAPSED: {
    title: 'Published without a valid approval',
    explanation: 'The published content is no longer the content that was approved: submit it again and publish the approved version.',
  },
  EXCLUDED_CONTROL_RELIED_ON: {
    title: 'Excluded control relied on',
    explanation: 'A risk treatment uses a control the Statement of Applicability excludes: include the control, or treat the risk differently.',
  },
  UNKNOWN_CONTROL_REFERENCE: {
    title: 'Unknown control reference',
    explanation: 'A document refers to a control that is not in ISO/IEC 27001:2022 (perhaps a 2013 number): correct its controls.',
  },
  REVIEW_OVERDUE: {
    title: 'Review overdue',
    explanation: 'A published document has passed its review date: review it, then mark it reviewed or publish a new version.',
  },
  APPLICABLE_CONTROL_UNDOCUMENTED: {
    title: 'Applicable control without documentation',
    explanation: 'The Statement of Applicability says the control applies, but no published document addresses it yet: tag a document with the control, or write one.',
  },
};

function wordsFor(code: string) {
  return CODE_WORDS[code] ?? { title: code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' '), explanation: '' };
}

const SHOWN = 5;

/** Contradictions between the SoA, the risks, the controls and the documents: errors first, grouped by kind. */
export function ConsistencyIssues({ issues, error, onRetry, presetForRef, onCreate }: ConsistencyIssuesProps) {
  if (error && !issues) return <ErrorState error={error} title="The consistency checks could not be loaded" onRetry={onRetry} />;
  if (!issues) return <SkeletonRows rows={8} />;

  const errors = issues.filter((i) => i.severity === 'ERROR');
  const warnings = issues.filter((i) => i.severity !== 'ERROR');

  if (issues.length === 0) {
    return (
      <Card>
        <Center p="xl">
          <Stack align="center" gap={6} ta="center" maw={620}>
            <ThemeIcon size={48} radius="xl" variant="light" color="teal" aria-hidden>
              <IconShieldCheck size={28} />
            </ThemeIcon>
            <Text fw={600}>No contradictions found</Text>
            <Text size="sm" c="dimmed">
              Annex checks your ISMS the way an auditor would: every mandatory document published, approved and current; no risk treated with a control the Statement of Applicability excludes;
              every applicable control addressed by a published document; no document past its review date. Keep it this way as the programme grows — anything found shows up here.
            </Text>
          </Stack>
        </Center>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <Card>
        <Group gap="xl" wrap="wrap" align="flex-start">
          <Stack gap={4} maw={560}>
            <Text fw={700} fz={22} role="status">
              {errors.length} {errors.length === 1 ? 'error' : 'errors'} · {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
            </Text>
            <Text size="sm" c="dimmed">
              Errors are what an auditor would raise as a nonconformity: fix them before the certification audit. Warnings are gaps worth closing. Each issue links to the record to open to fix it;
              the list updates as you do.
            </Text>
          </Stack>
          <Group gap="xs" wrap="wrap" style={{ flex: 1 }} justify="flex-end">
            {countsByCode(issues).map(({ code, severity, count }) => (
              <Badge
                key={code}
                color={severity === 'ERROR' ? 'red' : 'yellow'}
                c={severity === 'ERROR' ? 'red.9' : 'yellow.9'}
                variant="light"
                size="lg"
                component="button"
                type="button"
                onClick={() => document.getElementById(`consistency-${code}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
                style={{ cursor: 'pointer', textTransform: 'none', border: 0 }}
              >
                {wordsFor(code).title} · {count}
              </Badge>
            ))}
          </Group>
        </Group>
      </Card>
      <SeveritySection severity="ERROR" issues={errors} presetForRef={presetForRef} onCreate={onCreate} />
      <SeveritySection severity="WARNING" issues={warnings} presetForRef={presetForRef} onCreate={onCreate} />
    </Stack>
  );
}

function countsByCode(issues: ConsistencyIssueRow[]): { code: string; severity: ConsistencySeverity; count: number }[] {
  const counts = new Map<string, { code: string; severity: ConsistencySeverity; count: number }>();
  for (const issue of issues) {
    const entry = counts.get(issue.code) ?? { code: issue.code, severity: issue.severity, count: 0 };
    entry.count++;
    counts.set(issue.code, entry);
  }
  return [...counts.values()];
}

function SeveritySection({ severity, issues, presetForRef, onCreate }: { severity: ConsistencySeverity; issues: ConsistencyIssueRow[]; presetForRef: ConsistencyIssuesProps['presetForRef']; onCreate: ConsistencyIssuesProps['onCreate'] }) {
  if (issues.length === 0) return null;
  const groups = new Map<string, ConsistencyIssueRow[]>();
  for (const issue of issues) groups.set(issue.code, [...(groups.get(issue.code) ?? []), issue]);
  const error = severity === 'ERROR';
  return (
    <Stack gap="sm" component="section" aria-label={error ? 'Errors' : 'Warnings'}>
      <Group gap="xs">
        {error ? <IconAlertOctagon size={20} color="var(--mantine-color-red-8)" aria-hidden /> : <IconAlertTriangle size={20} color="var(--mantine-color-yellow-8)" aria-hidden />}
        <Title order={2} fz={18}>
          {error ? 'Errors' : 'Warnings'}
        </Title>
        <Badge color={error ? 'red' : 'yellow'} variant="filled" c={error ? undefined : 'dark.8'} aria-label={`${issues.length} ${error ? 'errors' : 'warnings'}`}>
          {issues.length}
        </Badge>
      </Group>
      {[...groups.entries()].map(([code, list]) => (
        <IssueGroup key={code} code={code} issues={list} severity={severity} presetForRef={presetForRef} onCreate={onCreate} />
      ))}
    </Stack>
  );
}

function IssueGroup({ code, issues, severity, presetForRef, onCreate }: { code: string; issues: ConsistencyIssueRow[]; severity: ConsistencySeverity; presetForRef: ConsistencyIssuesProps['presetForRef']; onCreate: ConsistencyIssuesProps['onCreate'] }) {
  const [expanded, setExpanded] = useState(false);
  const words = wordsFor(code);
  const shown = expanded ? issues : issues.slice(0, SHOWN);
  const error = severity === 'ERROR';
  return (
    <Card p={0} id={`consistency-${code}`} style={{ borderLeft: `4px solid var(--mantine-color-${error ? 'red-7' : 'yellow-6'})` }}>
      <Stack gap={2} px="md" pt="md" pb="xs">
        <Group gap="xs">
          <Title order={3} fz={15}>
            {words.title}
          </Title>
          <Badge variant="light" color={error ? 'red' : 'yellow'} c={error ? undefined : 'yellow.9'} size="sm">
            {issues.length}
          </Badge>
        </Group>
        {words.explanation ? (
          <Text size="sm" c="dimmed">
            {words.explanation}
          </Text>
        ) : null}
      </Stack>
      <Stack gap={0}>
        {shown.map((issue, index) => (
          <IssueLine key={`${issue.code}-${issue.ref ?? ''}-${issue.subjects.map((s) => s.id).join(',')}-${index}`} issue={issue} presetForRef={presetForRef} onCreate={onCreate} />
        ))}
      </Stack>
      {issues.length > SHOWN ? (
        <Group px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button variant="subtle" size="compact-sm" onClick={() => setExpanded((v) => !v)} aria-expanded={expanded}>
            {expanded ? 'Show fewer' : `Show all ${issues.length}`}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function IssueLine({ issue, presetForRef, onCreate }: { issue: ConsistencyIssueRow; presetForRef: ConsistencyIssuesProps['presetForRef']; onCreate: ConsistencyIssuesProps['onCreate'] }) {
  const { organization } = useCurrentOrganization();
  const base = `/o/${organization.id}`;
  const missing = issue.code === 'MANDATORY_DOCUMENT_MISSING' && issue.subjects.length === 0 && !!issue.ref;
  const soa = missing && issue.ref === SOA_MANDATORY_REF;
  const missingPreset = missing && !soa && issue.ref ? presetForRef(issue.ref) : null;
  const controlPreset: NewDocumentPreset | null = issue.code === 'APPLICABLE_CONTROL_UNDOCUMENTED' && issue.ref ? { controlRefs: [issue.ref], kind: 'POLICY' } : null;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" px="md" py={10} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-issue-code={issue.code}>
      <Text size="sm" style={{ flex: '1 1 360px' }}>
        {issue.message}
      </Text>
      <Group gap="sm" wrap="wrap" justify="flex-end">
        {issue.subjects.map((subject) => (
          <SubjectLink key={subject.id} subject={subject} base={base} />
        ))}
        {missingPreset ? (
          <>
            {onCreate ? (
              <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onCreate(missingPreset)} aria-label={`Create ${missingPreset.title ?? 'the document'}`}>
                Create
              </Button>
            ) : null}
            <Anchor component={Link} to={`${base}/documents?tab=mandatory&show=missing`} size="sm">
              See the checklist
            </Anchor>
          </>
        ) : null}
        {soa ? (
          <Button component={Link} to={`${base}/statement-of-applicability`} size="compact-sm" variant="default" rightSection={<IconArrowRight size={14} aria-hidden />}>
            Open the SoA
          </Button>
        ) : null}
        {controlPreset && onCreate ? (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onCreate(controlPreset)} aria-label={`New document for ${issue.ref}`}>
            Document it
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

function SubjectLink({ subject, base }: { subject: ConsistencySubject; base: string }) {
  let to: string | null = null;
  let label = 'Open';
  let name = '';
  if (subject.__typename === 'Document') {
    to = `${base}/documents/${subject.id}`;
    label = 'Open document';
    name = `Open document “${subject.title ?? ''}”`;
  } else if (subject.__typename === 'Risk') {
    to = `${base}/risks?risk=${encodeURIComponent(subject.id)}`;
    label = 'Open risk';
    name = `Open risk “${subject.title ?? ''}”`;
  } else if (subject.__typename === 'SoaEntry') {
    const ref = subject.controlRef ?? subject.control?.ref ?? '';
    to = `${base}/statement-of-applicability?search=${encodeURIComponent(ref)}`;
    label = `Open ${ref} in the SoA`;
    name = label;
  }
  if (!to) return null;
  return (
    <Button component={Link} to={to} size="compact-sm" variant="default" rightSection={<IconArrowRight size={14} aria-hidden />} aria-label={name} title={subject.__typename === 'Document' || subject.__typename === 'Risk' ? subject.title : subject.control?.title}>
      {label}
    </Button>
  );
}
