import { Avatar, Group, Text, Tooltip, type AvatarProps } from '@mantine/core';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Initials in a circle, coloured by name so the same person always looks the same. */
export function PersonAvatar({ name, ...props }: { name: string } & AvatarProps) {
  return (
    <Tooltip label={name}>
      <Avatar name={name} color="initials" radius="xl" size="sm" alt={name} {...props}>
        {initials(name)}
      </Avatar>
    </Tooltip>
  );
}

/** Avatar and name side by side, or a quiet dash-free word when nobody is set. */
export function PersonLabel({ person, none = 'Unassigned' }: { person: { name: string } | null | undefined; none?: string }) {
  if (!person) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  return (
    <Group gap={8} wrap="nowrap">
      <Avatar name={person.name} color="initials" radius="xl" size={24} aria-hidden>
        {initials(person.name)}
      </Avatar>
      <Text size="sm" lineClamp={1}>
        {person.name}
      </Text>
    </Group>
  );
}
