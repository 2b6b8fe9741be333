import { Box, Group, Text } from '@mantine/core';

/** The Annex name with its mark; `size` scales both. */
export function AnnexWordmark({ size = 'md', compactOnMobile = false }: { size?: 'md' | 'lg'; compactOnMobile?: boolean }) {
  const mark = size === 'lg' ? 36 : 28;
  return (
    <Group gap={10} wrap="nowrap">
      <Box
        aria-hidden
        w={mark}
        h={mark}
        bg="indigo.7"
        c="white"
        fw={700}
        fz={mark * 0.55}
        style={{ borderRadius: mark * 0.25, display: 'grid', placeItems: 'center', lineHeight: 1 }}
      >
        A
      </Box>
      <Text component="span" visibleFrom={compactOnMobile ? 'sm' : undefined} fw={700} fz={size === 'lg' ? 26 : 20} c="dark.8" style={{ letterSpacing: '-0.01em' }}>
        Annex
      </Text>
    </Group>
  );
}
