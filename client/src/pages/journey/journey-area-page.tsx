import { Badge, Card, EmptyState, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { PageHeader } from '../../components/page-header';
import { JourneySteps } from './_components/journey-steps';
import type { JourneyArea } from './journey-areas';

/** A teaching empty state for an area of the journey that arrives in a coming release. */
export function JourneyAreaPage({ area }: { area: JourneyArea }) {
  const AreaIcon = area.icon;
  return (
    <>
      <PageHeader
        eyebrow={
          <Badge variant="light" color="indigo" size="md">
            {area.stepLabel}
          </Badge>
        }
        title={area.title}
        description={area.tagline}
      />
      <Stack gap="lg" maw={880}>
        <Card>
          <EmptyState
            align="left"
            variant="light"
            icon={<AreaIcon size={28} aria-hidden />}
            title={`What ${area.title} is for`}
            description={<Text>{area.purpose}</Text>}
          >
            <Stack gap="sm" mt="sm">
              <Text size="sm">{area.firstAction}</Text>
              <Group gap="xs">
                <ThemeIcon variant="light" color="gray" size="sm" radius="xl">
                  <IconClockHour4 size={14} aria-hidden />
                </ThemeIcon>
                <Text size="sm" fw={500}>
                  {area.title} arrives in a coming release of Annex.
                </Text>
              </Group>
            </Stack>
          </EmptyState>
        </Card>
        <Card>
          <Stack gap="md">
            <Text fw={600}>Where this fits in the certification journey</Text>
            {area.steps.length === 0 ? (
              <Text size="sm" c="dimmed">
                {area.title} follows you through every step, from preparation to keeping the certificate.
              </Text>
            ) : null}
            <JourneySteps highlight={area.steps} />
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
