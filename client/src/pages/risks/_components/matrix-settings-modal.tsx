import { ActionIcon, Alert, Button, Grid, Group, Modal, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { readApiError } from '../../../apollo/api-error';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { useUpdateRiskMatrix, type RiskMatrix } from '../risk-operations';
import { RiskHeatMap } from './risk-heat-map';

const MIN_LEVELS = 3;
const MAX_LEVELS = 10;

interface MatrixSettingsModalProps {
  matrix: RiskMatrix;
  riskCount: number;
  opened: boolean;
  onClose(): void;
}

/** The scales of likelihood and impact, their labels, and the acceptance threshold. Saving re-scores every risk. */
export function MatrixSettingsModal({ matrix, riskCount, opened, onClose }: MatrixSettingsModalProps) {
  const { organization } = useCurrentOrganization();
  const [update, { loading }] = useUpdateRiskMatrix();
  const [likelihood, setLikelihood] = useState<string[]>(matrix.likelihoodLabels);
  const [impact, setImpact] = useState<string[]>(matrix.impactLabels);
  const [threshold, setThreshold] = useState<number>(matrix.acceptanceThreshold);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  // Opened afresh: start from the matrix as it is now.
  useEffect(() => {
    if (!opened) return;
    setLikelihood(matrix.likelihoodLabels);
    setImpact(matrix.impactLabels);
    setThreshold(matrix.acceptanceThreshold);
    setError(null);
  }, [opened, matrix]);

  const max = likelihood.length * impact.length;
  const resized = likelihood.length !== matrix.likelihoodLabels.length || impact.length !== matrix.impactLabels.length;
  const changed = resized || threshold !== matrix.acceptanceThreshold || likelihood.some((l, i) => l !== matrix.likelihoodLabels[i]) || impact.some((l, i) => l !== matrix.impactLabels[i]);
  const thresholdError = !Number.isInteger(threshold) || threshold < 1 || threshold >= max ? `Between 1 and ${max - 1}.` : null;
  const emptyLabel = [...likelihood, ...impact].some((l) => !l.trim());

  const save = async () => {
    setError(null);
    if (thresholdError || emptyLabel) return;
    try {
      await update({
        variables: {
          input: {
            organizationId: organization.id,
            likelihoodLabels: likelihood.map((l) => l.trim()),
            impactLabels: impact.map((l) => l.trim()),
            acceptanceThreshold: threshold,
            version: matrix.version,
          },
        },
      });
      notifications.show({ color: 'teal', title: 'Matrix saved', message: `Every risk is re-scored on the new matrix.` });
      onClose();
    } catch (e) {
      const { code, field, message } = readApiError(e);
      setError({ field: code === 'CONFLICT' ? null : field, message: code === 'CONFLICT' ? `${message} Close this window and open it again to start from their matrix.` : message });
    }
  };

  const preview: RiskMatrix = { ...matrix, likelihoodLabels: likelihood.map((l, i) => l || String(i + 1)), impactLabels: impact.map((l, i) => l || String(i + 1)), acceptanceThreshold: thresholdError ? matrix.acceptanceThreshold : threshold };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Risk matrix</Text>} size={1000}>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          <Text size="sm">
            Saving re-scores all {riskCount} {riskCount === 1 ? 'risk' : 'risks'} on the new matrix{resized ? '; with a different number of levels, each value moves to the same relative place on the new scale' : ''}. Owners’
            acceptances of risks whose scores move lapse and must be asked again.
          </Text>
        </Alert>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error.message}
          </Alert>
        ) : null}
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 3.5 }}>
            <LabelList title="Likelihood" noun="likelihood" labels={likelihood} onChange={setLikelihood} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3.5 }}>
            <LabelList title="Impact" noun="impact" labels={impact} onChange={setImpact} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="sm">
              <NumberInput
                label="Acceptance threshold"
                description={`Scores above this need treatment or the owner’s acceptance. The highest score is ${max}.`}
                min={1}
                max={max - 1}
                allowDecimal={false}
                allowNegative={false}
                value={threshold}
                onChange={(value) => setThreshold(typeof value === 'number' ? value : Number(value) || 0)}
                error={thresholdError ?? (error?.field === 'acceptanceThreshold' ? error.message : null)}
              />
              <RiskHeatMap map="inherent" title="Preview" caption="Levels by share of the highest score; the heavy line is the threshold." matrix={preview} cells={[]} selected={null} onSelect={() => undefined} preview />
            </Stack>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={loading} disabled={!changed || !!thresholdError || emptyLabel}>
            Save and re-score
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LabelList({ title, noun, labels, onChange }: { title: string; noun: string; labels: string[]; onChange(next: string[]): void }) {
  return (
    <Stack gap={6}>
      <Title order={3} fz={15}>
        {title} levels
      </Title>
      <Text size="xs" c="dimmed">
        From lowest (1) to highest; {MIN_LEVELS} to {MAX_LEVELS} levels.
      </Text>
      {labels.map((label, index) => (
        <Group key={index} gap={6} wrap="nowrap">
          <TextInput
            aria-label={`${title} ${index + 1}`}
            leftSection={
              <Text size="xs" c="dimmed">
                {index + 1}
              </Text>
            }
            value={label}
            maxLength={60}
            error={!label.trim()}
            onChange={(event) => onChange(labels.map((l, i) => (i === index ? event.currentTarget.value : l)))}
            style={{ flex: 1 }}
          />
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${noun} level ${index + 1}`} disabled={labels.length <= MIN_LEVELS} onClick={() => onChange(labels.filter((_, i) => i !== index))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={labels.length >= MAX_LEVELS} onClick={() => onChange([...labels, ''])} style={{ alignSelf: 'flex-start' }}>
        Add {noun === 'impact' ? 'an' : 'a'} {noun} level
      </Button>
    </Stack>
  );
}
