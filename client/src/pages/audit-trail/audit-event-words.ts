import { roleLabel } from '../../organization/roles';

/** Actions in words; unknown ones are shown as they are written. */
const ACTION_WORDS: Record<string, string> = {
  'organization.created': 'Organisation created',
  'organization.updated': 'Organisation updated',
  'member.added': 'Member added',
  'member.removed': 'Member removed',
  'member.roleChanged': 'Role changed',
  'invitation.created': 'Invitation sent',
  'invitation.revoked': 'Invitation withdrawn',
  'invitation.accepted': 'Invitation accepted',
  'apiToken.created': 'API token created',
  'apiToken.revoked': 'API token revoked',
  'user.signedUp': 'Signed up',
  'user.signedIn': 'Signed in',
  'user.signedOut': 'Signed out',
  'user.signInFailed': 'Sign-in failed',
  'user.profileUpdated': 'Profile updated',
  'user.passwordChanged': 'Password changed',
};

export function actionInWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/** The entity types the audit trail records today, for the filter. */
export const ENTITY_TYPES = [
  { value: 'Organization', label: 'Organisation' },
  { value: 'Membership', label: 'Membership' },
  { value: 'Invitation', label: 'Invitation' },
  { value: 'ApiToken', label: 'API token' },
  { value: 'User', label: 'User' },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns ids into names where the reader knows them (people of this organisation). */
export type NameOf = (id: string) => string | undefined;

function show(value: unknown, key = '', nameOf: NameOf = () => undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (key === 'role') return roleLabel(value);
    if (/userid$/i.test(key)) return nameOf(value) ?? value;
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * A short line from the row's `summary` JSON: "role: Contributor → ISMS manager" for what
 * changed, "email: …" for what was created or removed, then any other details; people's ids
 * become their names when known.
 */
export function summaryInWords(summary: unknown, nameOf: NameOf = () => undefined): string[] {
  if (!isRecord(summary)) return summary === null || summary === undefined ? [] : [show(summary)];
  const label = (key: string, value: unknown) => {
    const shown = show(value, key, nameOf);
    // A resolved person reads better under their own heading than as an id.
    const heading = key === 'userId' && typeof value === 'string' && shown !== value ? 'person' : key;
    return `${heading}: ${shown}`;
  };
  const before = isRecord(summary['before']) ? summary['before'] : null;
  const after = isRecord(summary['after']) ? summary['after'] : null;
  const parts: string[] = [];
  if (before && after) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (show(before[key]) !== show(after[key])) parts.push(`${key}: ${show(before[key], key, nameOf)} → ${show(after[key], key, nameOf)}`);
    }
  } else if (after) {
    for (const [key, value] of Object.entries(after)) parts.push(label(key, value));
  } else if (before) {
    for (const [key, value] of Object.entries(before)) parts.push(`was ${label(key, value)}`);
  }
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'before' || key === 'after') continue;
    parts.push(label(key, value));
  }
  // Ids say little to a reader: what changed comes first, references last.
  const isReference = (part: string) => /^(was )?[a-zA-Z]*Id: /.test(part);
  return [...parts.filter((p) => !isReference(p)), ...parts.filter(isReference)];
}
