import { Badge, type BadgeProps } from '@mantine/core';
import {
  DOCUMENT_STATUS_COLORS,
  DOCUMENT_STATUS_DESCRIPTIONS,
  DOCUMENT_STATUS_LABELS,
  VERSION_STATUS_COLORS,
  VERSION_STATUS_DESCRIPTIONS,
  VERSION_STATUS_LABELS,
  type DocumentStatus,
  type DocumentVersionStatus,
} from '../document-words';

/** A document's status as a coloured chip with words (never colour alone). */
export function DocumentStatusBadge({ status, ...props }: { status: DocumentStatus } & BadgeProps) {
  return (
    <Badge color={DOCUMENT_STATUS_COLORS[status]} variant="light" title={DOCUMENT_STATUS_DESCRIPTIONS[status]} {...props}>
      {DOCUMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A version's status as a coloured chip with words. */
export function VersionStatusBadge({ status, ...props }: { status: DocumentVersionStatus } & BadgeProps) {
  return (
    <Badge color={VERSION_STATUS_COLORS[status]} variant={status === 'SUPERSEDED' || status === 'WITHDRAWN' ? 'outline' : 'light'} title={VERSION_STATUS_DESCRIPTIONS[status]} {...props}>
      {VERSION_STATUS_LABELS[status]}
    </Badge>
  );
}
