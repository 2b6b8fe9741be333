import { IconBuilding, IconCloud, IconDatabase, IconDeviceDesktop, IconFileText, IconUsers, type Icon } from '@tabler/icons-react';
import type { AssetType } from './asset-operations';

export const ASSET_TYPES: readonly AssetType[] = ['INFORMATION', 'SOFTWARE', 'HARDWARE', 'SERVICE', 'PEOPLE', 'SITE'];

export function isAssetType(value: string): value is AssetType {
  return (ASSET_TYPES as readonly string[]).includes(value);
}

export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  INFORMATION: 'Information',
  SOFTWARE: 'Software',
  HARDWARE: 'Hardware',
  SERVICE: 'Service',
  PEOPLE: 'People',
  SITE: 'Site',
};

export const ASSET_TYPE_DESCRIPTIONS: Record<AssetType, string> = {
  INFORMATION: 'Data and records, on any medium',
  SOFTWARE: 'Applications, systems and code',
  HARDWARE: 'Devices, servers, network equipment',
  SERVICE: 'Cloud and outsourced services, utilities',
  PEOPLE: 'Roles and teams with their knowledge',
  SITE: 'Offices, data centres, premises',
};

export const ASSET_TYPE_COLORS: Record<AssetType, string> = {
  INFORMATION: 'indigo',
  SOFTWARE: 'violet',
  HARDWARE: 'cyan',
  SERVICE: 'blue',
  PEOPLE: 'pink',
  SITE: 'lime',
};

export const ASSET_TYPE_ICONS: Record<AssetType, Icon> = {
  INFORMATION: IconFileText,
  SOFTWARE: IconDatabase,
  HARDWARE: IconDeviceDesktop,
  SERVICE: IconCloud,
  PEOPLE: IconUsers,
  SITE: IconBuilding,
};

export const CIA_VALUES = [1, 2, 3] as const;

export const CIA_LABELS: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High' };
export const CIA_COLORS: Record<number, string> = { 1: 'gray', 2: 'yellow', 3: 'red' };

export const CIA_PROPERTIES = [
  { key: 'confidentiality', label: 'Confidentiality', letter: 'C', question: 'Harm if disclosed' },
  { key: 'integrity', label: 'Integrity', letter: 'I', question: 'Harm if wrong or altered' },
  { key: 'availability', label: 'Availability', letter: 'A', question: 'Harm if unavailable' },
] as const;

export type CiaKey = (typeof CIA_PROPERTIES)[number]['key'];

/** The CSV import and export columns, in order (the server's ImportAssetsInput). */
export const ASSET_CSV_COLUMNS = ['name', 'type', 'owner_email', 'location', 'confidentiality', 'integrity', 'availability', 'review_date', 'description'] as const;
