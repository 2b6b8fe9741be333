import { Badge, type BadgeProps } from '@mantine/core';
import { ROLE_COLORS, ROLE_DESCRIPTIONS, isRole, roleLabel } from './roles';

/** A role as a coloured chip with words (never colour alone). */
export function RoleBadge({ role, ...props }: { role: string } & BadgeProps) {
  const known = isRole(role);
  return (
    <Badge color={known ? ROLE_COLORS[role] : 'gray'} title={known ? ROLE_DESCRIPTIONS[role] : undefined} {...props}>
      {roleLabel(role)}
    </Badge>
  );
}
