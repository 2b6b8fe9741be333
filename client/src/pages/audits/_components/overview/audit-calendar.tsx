import { ActionIcon, Box, Button, Group, Paper, SimpleGrid, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useCurrentOrganization } from '../../../../organization/organization-context';
import type { AuditRow } from '../../audit-operations';
import { AUDIT_KIND_COLORS, AUDIT_KIND_LABELS, AUDIT_STATUS_LABELS } from '../../audit-words';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A month at a glance: each audit on the days it runs. `month` is `YYYY-MM`. */
export function AuditCalendar({ audits, month, onMonth }: { audits: AuditRow[]; month: string; onMonth(next: string): void }) {
  const { organization } = useCurrentOrganization();
  const navigate = useNavigate();
  const first = dayjs(`${month}-01`);
  // Monday-first weeks covering the month.
  const offset = (first.day() + 6) % 7;
  const start = first.subtract(offset, 'day');
  const weeks = Math.ceil((offset + first.daysInMonth()) / 7);
  const days = Array.from({ length: weeks * 7 }, (_, i) => start.add(i, 'day'));
  const today = dayjs().format('YYYY-MM-DD');
  const inMonth = audits.filter((a) => a.endDate >= start.format('YYYY-MM-DD') && a.startDate <= days[days.length - 1]!.format('YYYY-MM-DD'));

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz={18} aria-live="polite">
          {first.format('MMMM YYYY')}
        </Title>
        <Group gap={4}>
          <Tooltip label="Previous month">
            <ActionIcon variant="default" size="lg" aria-label="Previous month" onClick={() => onMonth(first.subtract(1, 'month').format('YYYY-MM'))}>
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" size="sm" onClick={() => onMonth(dayjs().format('YYYY-MM'))}>
            This month
          </Button>
          <Tooltip label="Next month">
            <ActionIcon variant="default" size="lg" aria-label="Next month" onClick={() => onMonth(first.add(1, 'month').format('YYYY-MM'))}>
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <SimpleGrid cols={7} spacing={0} style={{ borderTop: '1px solid var(--mantine-color-default-border)', borderLeft: '1px solid var(--mantine-color-default-border)' }}>
        {WEEKDAYS.map((d) => (
          <Text key={d} size="xs" fw={600} c="dimmed" ta="center" py={6} style={{ borderRight: '1px solid var(--mantine-color-default-border)', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            {d}
          </Text>
        ))}
        {days.map((day) => {
          const key = day.format('YYYY-MM-DD');
          const here = inMonth.filter((a) => a.startDate <= key && a.endDate >= key);
          const other = !day.isSame(first, 'month');
          return (
            <Box
              key={key}
              mih={84}
              p={4}
              bg={other ? 'var(--mantine-color-gray-0)' : undefined}
              style={{ borderRight: '1px solid var(--mantine-color-default-border)', borderBottom: '1px solid var(--mantine-color-default-border)' }}
            >
              <Text size="xs" fw={key === today ? 700 : 500} c={other ? 'dimmed' : key === today ? 'blue.7' : undefined} mb={4}>
                {key === today ? `${day.format('D')} · today` : day.format('D')}
              </Text>
              {here.map((audit) => {
                const color = AUDIT_KIND_COLORS[audit.kind];
                const first = key === audit.startDate || day.day() === 1;
                return (
                  <Tooltip key={audit.id} label={`${audit.title} · ${AUDIT_KIND_LABELS[audit.kind]} · ${AUDIT_STATUS_LABELS[audit.status]}`}>
                    <UnstyledButton
                      display="block"
                      w="100%"
                      mb={3}
                      px={6}
                      py={2}
                      aria-label={`${audit.title}, ${day.format('D MMMM')}`}
                      onClick={() => void navigate(`/o/${organization.id}/audits/${audit.id}`)}
                      style={{
                        borderRadius: 4,
                        background: `var(--mantine-color-${color}-light)`,
                        borderLeft: `3px solid var(--mantine-color-${color}-filled)`,
                      }}
                    >
                      <Text size="xs" fw={first ? 600 : 400} c={`${color}.9`} lineClamp={1}>
                        {first ? audit.title : '\u00a0'}
                      </Text>
                    </UnstyledButton>
                  </Tooltip>
                );
              })}
            </Box>
          );
        })}
      </SimpleGrid>
      {!inMonth.length ? (
        <Text size="sm" c="dimmed" mt="sm">
          No audit this month.
        </Text>
      ) : null}
    </Paper>
  );
}
