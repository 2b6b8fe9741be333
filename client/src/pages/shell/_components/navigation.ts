import { IconHistory, IconLayoutDashboard, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';
import { JOURNEY_AREAS } from '../../journey/journey-areas';

export interface NavigationItem {
  label: string;
  /** Relative to /o/:orgId; '' is the dashboard. */
  path: string;
  icon: Icon;
  /** Shown only when the viewer may perform this action here. */
  requires?: string;
}

/** The journey, in the order an organisation goes through it. */
export const JOURNEY_NAVIGATION: readonly NavigationItem[] = [
  { label: 'Dashboard', path: '', icon: IconLayoutDashboard },
  ...JOURNEY_AREAS.map((area) => ({ label: area.title, path: area.path, icon: area.icon })),
];

/** Below the divider: looking after the workspace itself. */
export const ADMIN_NAVIGATION: readonly NavigationItem[] = [
  { label: 'Audit trail', path: 'audit-trail', icon: IconHistory, requires: 'auditTrail:read' },
  { label: 'Members', path: 'members', icon: IconUsers },
  { label: 'Settings', path: 'settings', icon: IconSettings },
];
