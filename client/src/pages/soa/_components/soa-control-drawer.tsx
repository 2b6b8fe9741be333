import { Alert, Anchor, Badge, Divider, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { AttachedEvidence } from '../../audits/_components/evidence/attached-evidence';
import { RISK_LEVEL_COLORS, RISK_LEVEL_LABELS } from '../../risks/risk-words';
import type { SoaEntryRow } from '../soa-operations';
import { IMPLEMENTATION_COLORS, IMPLEMENTATION_LABELS, THEME_LABELS, applicableWords } from '../soa-words';

/**
 * One Annex A control in a side panel over the SoA (`?control=A.8.13`): what the SoA says about
 * it, what relies on it, and the evidence that it works — attached here, dated, hashed.
 */
export function SoaControlDrawer({ controlRef, entries, onClose }: { controlRef: string | null; entries: readonly SoaEntryRow[]; onClose(): void }) {
  const entry = controlRef ? (entries.find((e) => e.controlRef === controlRef) ?? null) : null;
  return (
    <Drawer
      opened={!!controlRef}
      onClose={onClose}
      position="right"
      size={640}
      padding="lg"
      title={
        <Text fw={650} fz={18} lineClamp={2}>
          {entry ? `${entry.controlRef} ${entry.control.title}` : 'Control not found'}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close control' }}
    >
      {!entry ? (
        <Alert color="gray" variant="light" icon={<IconAlertTriangle size={18} />} title={`No control ${controlRef ?? ''}`}>
          Annex A of ISO/IEC 27001:2022 has no control with this number. Pick one in the list.
        </Alert>
      ) : (
        <ControlPanel entry={entry} />
      )}
    </Drawer>
  );
}

function ControlPanel({ entry }: { entry: SoaEntryRow }) {
  const { organization, can } = useCurrentOrganization();
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" color="indigo">
            {THEME_LABELS[entry.control.theme]}
          </Badge>
          <Badge variant={entry.applicable === null ? 'outline' : 'light'} color={entry.applicable === null ? 'orange' : entry.applicable ? 'indigo' : 'gray'}>
            {applicableWords(entry.applicable)}
          </Badge>
          {entry.applicable !== false ? (
            <Badge variant="light" color={IMPLEMENTATION_COLORS[entry.implementationStatus]}>
              {IMPLEMENTATION_LABELS[entry.implementationStatus]}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {entry.control.summary}
        </Text>
      </Stack>

      <Field label="Justification">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={entry.justification ? undefined : 'dimmed'}>
          {entry.justification || 'No justification yet: say it in the table.'}
        </Text>
        {entry.updatedBy && entry.updatedAt ? (
          <Text size="xs" c="dimmed">
            Last changed by {entry.updatedBy.name} <RelativeTime value={entry.updatedAt} span size="xs" c="dimmed" />
          </Text>
        ) : null}
      </Field>

      <Group grow align="flex-start">
        <Field label={`Risks treated (${entry.riskCount})`}>
          {entry.risks.length ? (
            <Stack gap={4}>
              {entry.risks.map((risk) => (
                <Group key={risk.id} gap={6} wrap="nowrap">
                  <Badge size="xs" variant="light" color={RISK_LEVEL_COLORS[risk.level]} style={{ flexShrink: 0 }}>
                    {RISK_LEVEL_LABELS[risk.level]}
                  </Badge>
                  <Anchor component={Link} to={`/o/${organization.id}/risks?risk=${encodeURIComponent(risk.id)}`} size="sm" lineClamp={1}>
                    {risk.title}
                  </Anchor>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No risk relies on it.
            </Text>
          )}
        </Field>
        <Field label="Documented in">
          {entry.documents.length ? (
            <Stack gap={4}>
              {entry.documents.map((doc) => (
                <Anchor key={doc.id} component={Link} to={`/o/${organization.id}/documents/${doc.id}`} size="sm">
                  {doc.title}
                  {doc.currentVersion ? ` ${doc.currentVersion.number}` : ' (draft)'}
                </Anchor>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c={entry.applicable ? 'orange.9' : 'dimmed'}>
              No document addresses it yet.
            </Text>
          )}
        </Field>
      </Group>

      <Divider />
      <AttachedEvidence
        controlRef={entry.controlRef}
        canAttach={can('evidence:upload')}
        emptyText={`No evidence for ${entry.controlRef} yet. Attach what shows it works — a configuration export, a test record, a signed review — with the date it shows and, if it ages, when it expires.`}
      />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
