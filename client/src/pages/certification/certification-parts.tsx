import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconAlertOctagon, IconCertificate, IconCheck, IconCircleDashed, IconClock, IconExclamationMark, IconRosetteDiscountCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLiveHighlightClass } from '../../apollo/live-highlight';
import { formatAuditDates } from '../audits/_components/overview/audit-badges';
import { AUDIT_KIND_LABELS } from '../audits/audit-words';
import type { CycleStep, StepState } from './certification-cycle';
import type { CertificateRow, CertificationBlockerRow, CertificationRow, DecisionRow, NextAuditRow } from './certification-operations';

export function formatDay(day: string): string {
  return dayjs(day).format('D MMM YYYY');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What `describeStatus` reads (the dashboard asks for no more than this). */
export interface CertificationStatusFacts {
  status: CertificationRow['status'];
  blockers: Pick<CertificationBlockerRow, 'code'>[];
  certificate: Pick<CertificateRow, 'expiresOn' | 'certificateNumber' | 'certificationBody'> | null;
  nextAudits: (Pick<NextAuditRow, 'kind' | 'dueOn'> & { audit: Pick<NonNullable<NextAuditRow['audit']>, 'startDate'> | null })[];
}

/** The status in words and colour, e.g. "Blocked — 1 major nonconformity". */
export function describeStatus(certification: CertificationStatusFacts): { headline: string; detail: string; color: string; icon: ReactNode } {
  const { status, blockers, certificate, nextAudits } = certification;
  const majors = blockers.filter((b) => b.code === 'OPEN_MAJOR_NONCONFORMITY').length;
  const minors = blockers.filter((b) => b.code === 'MINOR_NONCONFORMITY_WITHOUT_PLAN').length;
  const next = [...nextAudits].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const nextWords = next ? `Next: ${AUDIT_KIND_LABELS[next.kind].toLowerCase()} audit${next.audit ? ` on ${formatDay(next.audit.startDate)}` : `, due ${formatDay(next.dueOn)}`}.` : '';
  switch (status) {
    case 'BLOCKED': {
      const parts = [majors ? plural(majors, 'major nonconformity', 'major nonconformities') : null, minors ? plural(minors, 'minor nonconformity without a plan', 'minor nonconformities without a plan') : null].filter(Boolean);
      return {
        headline: `Blocked — ${parts.join(', ') || plural(blockers.length, 'blocker', 'blockers')}`,
        detail: 'The certification body cannot grant the certificate while these stand. Fix them below.',
        color: 'red',
        icon: <IconAlertOctagon size={40} aria-hidden />,
      };
    }
    case 'READY_FOR_DECISION':
      return { headline: 'Ready for the decision', detail: 'The stage 2 audit has reported and nothing blocks the decision. Record it once the certification body decides.', color: 'teal', icon: <IconCheck size={40} aria-hidden /> };
    case 'CERTIFIED':
      return {
        headline: certificate ? `Certified until ${formatDay(certificate.expiresOn)}` : 'Certified',
        detail: certificate ? `Certificate ${certificate.certificateNumber} by ${certificate.certificationBody}. ${nextWords}` : `Record the certificate to plan the cycle. ${nextWords}`,
        color: 'green',
        icon: <IconRosetteDiscountCheck size={40} aria-hidden />,
      };
    case 'EXPIRED':
      return { headline: certificate ? `Certificate expired on ${formatDay(certificate.expiresOn)}` : 'Certificate expired', detail: 'Certification starts over: plan a stage 1 or stage 2 audit.', color: 'red', icon: <IconExclamationMark size={40} aria-hidden /> };
    case 'IN_PROGRESS':
      return { headline: 'On the way to certification', detail: `${blockers.length ? `${plural(blockers.length, 'step', 'steps')} still to take. ` : ''}${nextWords}`, color: 'blue', icon: <IconClock size={40} aria-hidden /> };
    default:
      return { headline: 'Not started', detail: 'Certification starts with a stage 1 audit by your certification body.', color: 'gray', icon: <IconCircleDashed size={40} aria-hidden /> };
  }
}

export function StatusCard({ certification }: { certification: CertificationRow }) {
  const look = describeStatus(certification);
  return (
    <Paper data-testid="certification-status" radius="md" p="xl" mb="lg" style={{ background: `var(--mantine-color-${look.color}-0)`, border: `2px solid var(--mantine-color-${look.color}-6)` }}>
      <Group wrap="nowrap" gap="lg" align="center">
        <ThemeIcon size={72} radius="xl" color={look.color} variant="filled">
          {look.icon}
        </ThemeIcon>
        <Stack gap={4}>
          <Text size="sm" fw={700} tt="uppercase" c={`${look.color}.9`}>
            Certification status
          </Text>
          <Title order={2} fz={30} c={`${look.color}.9`} lh={1.15}>
            {look.headline}
          </Title>
          <Text c="gray.8">{look.detail}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function blockerLink(orgId: string, blocker: CertificationBlockerRow): { to: string; label: string } | null {
  const subject = blocker.subject;
  if (!subject) return null;
  if (subject.__typename === 'Finding' && subject.audit) {
    return { to: `/o/${orgId}/audits/${subject.audit.id}?tab=findings&finding=${subject.id}`, label: `Open the finding${subject.requirementRef ? ` against ${subject.requirementRef}` : ''}` };
  }
  if (subject.__typename === 'Audit') return { to: `/o/${orgId}/audits/${subject.id}`, label: `Open ${subject.title ?? 'the audit'}` };
  return null;
}

const BLOCKER_TITLES: Record<string, string> = {
  OPEN_MAJOR_NONCONFORMITY: 'Major nonconformity open',
  MINOR_NONCONFORMITY_WITHOUT_PLAN: 'Minor nonconformity without a plan',
  STAGE1_NOT_CLOSED: 'Stage 1 not closed',
  NO_STAGE2_AUDIT: 'No stage 2 audit',
};

export function BlockersList({ orgId, blockers, auditsLink }: { orgId: string; blockers: CertificationBlockerRow[]; auditsLink: string }) {
  return (
    <Paper withBorder radius="md" p="lg" mb="lg" component="section" aria-labelledby="blockers-heading">
      <Title id="blockers-heading" order={2} fz={20} mb="sm">
        What stands in the way ({blockers.length})
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {blockers.map((blocker, index) => {
          const link = blockerLink(orgId, blocker);
          const major = blocker.code === 'OPEN_MAJOR_NONCONFORMITY';
          return (
            <Box component="li" key={`${blocker.code}-${blocker.subject?.id ?? index}`} p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${major ? 'red-7' : 'orange-6'})`, background: 'var(--mantine-color-gray-0)', borderRadius: 6 }}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Badge color={major ? 'red' : 'orange'} variant="light">
                  {BLOCKER_TITLES[blocker.code] ?? blocker.code}
                </Badge>
                {link ? (
                  <Anchor component={Link} to={link.to} fw={600} size="sm">
                    {link.label} →
                  </Anchor>
                ) : blocker.code === 'NO_STAGE2_AUDIT' ? (
                  <Anchor component={Link} to={auditsLink} fw={600} size="sm">
                    Plan the stage 2 audit →
                  </Anchor>
                ) : null}
              </Group>
              <Text mt={6}>{blocker.message}</Text>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

export function CertificateCard({ certificate }: { certificate: CertificateRow | null }) {
  const highlight = useLiveHighlightClass(certificate?.id);
  return (
    <Paper withBorder radius="md" p="lg" className={highlight} h="100%">
      <Group gap="sm" mb="sm">
        <IconCertificate size={24} aria-hidden />
        <Title id="certificate-heading" order={2} fz={20}>
          Certificate
        </Title>
      </Group>
      {certificate ? (
        <Stack gap={6}>
          <Text fz={22} fw={800} ff="monospace">
            {certificate.certificateNumber}
          </Text>
          <Text>
            Issued by <strong>{certificate.certificationBody}</strong>
          </Text>
          <Group gap="xl">
            <Stack gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                Issued on
              </Text>
              <Text fw={600}>{formatDay(certificate.issuedOn)}</Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                Expires on
              </Text>
              <Text fw={600} c={certificate.expiresOn < dayjs().format('YYYY-MM-DD') ? 'red.8' : undefined}>
                {formatDay(certificate.expiresOn)}
              </Text>
            </Stack>
          </Group>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt={4}>
            Scope
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {certificate.scope}
          </Text>
        </Stack>
      ) : (
        <Text c="dimmed">No certificate yet. It is recorded here after the certification body grants certification; it is valid for three years.</Text>
      )}
    </Paper>
  );
}

export function DecisionHistory({ decisions }: { decisions: DecisionRow[] }) {
  const sorted = [...decisions].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
  return (
    <Paper withBorder radius="md" p="lg" h="100%">
      <Title id="decisions-heading" order={2} fz={20} mb="sm">
        Decision history
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">No decision yet. The certification body decides after the stage 2 audit.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Decided on</Table.Th>
              <Table.Th>Decision</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDay(d.decidedOn)}</Table.Td>
                <Table.Td>
                  <Badge color={d.decision === 'GRANTED' ? 'green' : 'red'} variant="light">
                    {d.decision === 'GRANTED' ? 'Granted' : 'Refused'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

const STATE_LOOK: Record<StepState, { color: string; word: string; icon: ReactNode }> = {
  done: { color: 'green', word: 'Done', icon: <IconCheck size={18} aria-hidden /> },
  inProgress: { color: 'blue', word: 'In progress', icon: <IconClock size={18} aria-hidden /> },
  toCome: { color: 'gray', word: 'To come', icon: <IconCircleDashed size={16} aria-hidden /> },
  overdue: { color: 'red', word: 'Overdue', icon: <IconExclamationMark size={18} aria-hidden /> },
};

/** "3 Mar 2026", "3–6 Mar 2026"; an estimate as its month: "≈ Mar 2027". */
function stepDate(step: CycleStep): string | null {
  if (!step.date) return null;
  if (step.estimated) return `≈ ${dayjs(step.date).format('MMM YYYY')}`;
  return step.endDate ? formatAuditDates(step.date, step.endDate) : formatDay(step.date);
}

/** Where today falls: before the first step still to come (after everything done or under way). */
function todayIndex(steps: CycleStep[], today: string): number {
  const index = steps.findIndex((s) => s.state === 'toCome' && (s.date === null || s.date >= today));
  return index === -1 ? steps.length : index;
}

/**
 * The certification cycle, left to right in the order things happen, each step with its date and
 * its state in words and colour (done, in progress, to come, overdue), and a marker for today.
 */
export function CycleTimeline({ steps, orgId }: { steps: CycleStep[]; orgId: string }) {
  const today = dayjs().format('YYYY-MM-DD');
  const marker = todayIndex(steps, today);
  return (
    <Paper withBorder radius="md" p="lg" mb="lg" component="section" aria-labelledby="cycle-heading">
      <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
        <Title id="cycle-heading" order={2} fz={20}>
          Certification cycle
        </Title>
        {steps.some((s) => s.estimated) ? (
          <Text size="xs" c="dimmed">
            ≈ estimated from the end of the stage 2 audit until the certification body decides
          </Text>
        ) : null}
      </Group>
      <Box style={{ overflowX: 'auto' }}>
        <Box
          component="ol"
          style={{ display: 'grid', gridTemplateColumns: `repeat(${steps.length}, minmax(112px, 1fr))`, listStyle: 'none', margin: 0, padding: '22px 0 0', position: 'relative' }}
          aria-label="Certification cycle"
          data-testid="certification-cycle"
        >
          {steps.map((step, index) => {
            const look = STATE_LOOK[step.state];
            const word = step.badge ?? look.word;
            const date = stepDate(step);
            return (
              <Box
                component="li"
                key={step.key}
                style={{ position: 'relative', minWidth: 0 }}
                px={4}
                data-state={step.state}
                aria-label={`${step.label}: ${word}${date ? `, ${step.estimated ? 'about ' : ''}${date.replace('≈ ', '')}` : ''}. ${step.note}`}
              >
                {index < steps.length - 1 ? (
                  <Box
                    aria-hidden
                    style={{
                      position: 'absolute',
                      top: 17,
                      left: '50%',
                      width: '100%',
                      height: 4,
                      background: step.state === 'done' ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-gray-3)',
                    }}
                  />
                ) : null}
                {index === marker || (marker === steps.length && index === steps.length - 1) ? <TodayMarker side={index === marker ? 'left' : 'right'} /> : null}
                <Stack gap={4} align="center" style={{ position: 'relative', textAlign: 'center' }}>
                  <ThemeIcon
                    size={38}
                    radius="xl"
                    color={look.color}
                    variant={step.state === 'toCome' ? 'light' : 'filled'}
                    style={{ border: step.state === 'toCome' ? '2px dashed var(--mantine-color-gray-5)' : undefined }}
                  >
                    {look.icon}
                  </ThemeIcon>
                  <Text size="sm" fw={700} lh={1.2}>
                    {step.auditId ? (
                      <Anchor component={Link} to={`/o/${orgId}/audits/${step.auditId}`} inherit>
                        {step.label}
                      </Anchor>
                    ) : (
                      step.label
                    )}
                  </Text>
                  <Badge size="sm" color={look.color} variant={step.state === 'overdue' ? 'filled' : 'light'} tt="none">
                    {word}
                  </Badge>
                  {date ? (
                    <Tooltip
                      label={
                        step.estimated
                          ? `Estimated: around ${dayjs(step.date).format('D MMMM YYYY')}. The dates follow from the certification decision once it is recorded.`
                          : dayjs(step.date).format('dddd D MMMM YYYY')
                      }
                      multiline
                      w={step.estimated ? 260 : undefined}
                    >
                      <Text
                        size="sm"
                        fw={600}
                        fs={step.estimated ? 'italic' : undefined}
                        c={step.state === 'overdue' ? 'red.8' : step.estimated ? 'dimmed' : 'gray.8'}
                        component="time"
                        dateTime={step.date ?? undefined}
                        tabIndex={0}
                      >
                        {date}
                      </Text>
                    </Tooltip>
                  ) : null}
                  <Text size="xs" c={step.state === 'overdue' ? 'red.8' : 'dimmed'} lh={1.3}>
                    {step.note}
                  </Text>
                </Stack>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Paper>
  );
}

/** A thin line with "Today" at the edge of the step it precedes (or follows, after the last one). */
function TodayMarker({ side }: { side: 'left' | 'right' }) {
  return (
    <Box aria-hidden style={{ position: 'absolute', top: -22, bottom: 0, [side]: -1, width: 0, borderLeft: '2px dashed var(--mantine-color-blue-5)', zIndex: 2 }}>
      <Text
        size="xs"
        fw={700}
        c="white"
        bg="blue.6"
        px={6}
        style={{ position: 'absolute', top: 0, left: 0, transform: 'translateX(-50%)', borderRadius: 8, whiteSpace: 'nowrap' }}
      >
        Today
      </Text>
    </Box>
  );
}
