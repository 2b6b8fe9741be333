import { IconAlertTriangle, IconBox, IconCertificate, IconClipboardSearch, IconFileText, IconChecklist, IconHistory, IconLayoutDashboard, IconListCheck, IconListDetails, IconSchool, IconSettings, IconPresentation, IconSignature, IconTarget, IconUsers, IconZoomCheck, type Icon } from '@tabler/icons-react';
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
  { label: 'My work', path: 'my-work', icon: IconListCheck },
  { label: 'Tasks', path: 'tasks', icon: IconChecklist, requires: 'task:read' },
  { label: 'Approvals', path: 'approvals', icon: IconSignature, requires: 'approval:read' },
  { label: 'Gap analysis', path: 'gap-analysis', icon: IconZoomCheck, requires: 'gap:read' },
  { label: 'Assets', path: 'assets', icon: IconBox, requires: 'asset:read' },
  { label: 'Risks', path: 'risks', icon: IconAlertTriangle, requires: 'risk:read' },
  { label: 'Statement of Applicability', path: 'statement-of-applicability', icon: IconListDetails, requires: 'soa:read' },
  { label: 'Documents', path: 'documents', icon: IconFileText, requires: 'document:read' },
  { label: 'Training', path: 'training', icon: IconSchool, requires: 'training:read' },
  { label: 'Audits', path: 'audits', icon: IconClipboardSearch, requires: 'audit:read' },
  { label: 'Objectives & KPIs', path: 'objectives', icon: IconTarget, requires: 'objective:read' },
  { label: 'Management reviews', path: 'management-reviews', icon: IconPresentation, requires: 'managementReview:read' },
  ...JOURNEY_AREAS.map((area) => ({ label: area.title, path: area.path, icon: area.icon })),
  { label: 'Certification', path: 'certification', icon: IconCertificate, requires: 'certification:read' },
];

/** Below the divider: looking after the workspace itself. */
export const ADMIN_NAVIGATION: readonly NavigationItem[] = [
  { label: 'Audit trail', path: 'audit-trail', icon: IconHistory, requires: 'auditTrail:read' },
  { label: 'Members', path: 'members', icon: IconUsers },
  { label: 'Settings', path: 'settings', icon: IconSettings },
];
