import { Badge, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { JOURNEY_STEPS, type JourneyStepKey } from '../journey-areas';

interface JourneyStepsProps {
  /** Steps to highlight (the ones an area belongs to). */
  highlight?: readonly JourneyStepKey[];
  highlightLabel?: string;
}

/** The five steps of ISO/IEC 27001 certification, side by side. */
export function JourneySteps({ highlight = [], highlightLabel = 'This area' }: JourneyStepsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {JOURNEY_STEPS.map((step) => {
        const active = highlight.includes(step.key);
        return (
          <Paper
            key={step.key}
            component="li"
            withBorder
            p="sm"
            bg={active ? 'indigo.0' : undefined}
            style={active ? { borderColor: 'var(--mantine-color-indigo-4)' } : undefined}
            aria-current={active ? 'step' : undefined}
          >
            <Stack gap={6}>
              <ThemeIcon size={26} radius="xl" variant={active ? 'filled' : 'light'} color={active ? 'indigo' : 'gray'} aria-hidden>
                <Text span fz="xs" fw={700}>
                  {step.number}
                </Text>
              </ThemeIcon>
              <Text fw={600} size="sm">
                {step.title}
              </Text>
              <Text size="xs" c="dimmed">
                {step.summary}
              </Text>
              {active ? (
                <Badge size="xs" color="indigo" variant="light">
                  {highlightLabel}
                </Badge>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
