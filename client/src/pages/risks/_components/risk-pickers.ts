import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { useCurrentOrganization } from '../../../organization/organization-context';
import { RISK_PICKERS_QUERY, type CatalogControlOption } from '../risk-operations';

export const THEME_GROUPS: Record<CatalogControlOption['theme'], string> = {
  ORGANIZATIONAL: 'A.5 Organizational controls',
  PEOPLE: 'A.6 People controls',
  PHYSICAL: 'A.7 Physical controls',
  TECHNOLOGICAL: 'A.8 Technological controls',
};

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** The 93 Annex A controls by theme, and the organisation's assets (when the role may see them). */
const NO_ASSETS: readonly { id: string; name: string }[] = [];

export function useRiskPickers(extraAssets: readonly { id: string; name: string }[] = NO_ASSETS) {
  const { organization, can } = useCurrentOrganization();
  const { data, loading } = useQuery(RISK_PICKERS_QUERY, {
    variables: { id: organization.id },
    fetchPolicy: 'cache-and-network',
    // Roles without asset:read get the catalogue and a null inventory.
    errorPolicy: 'all',
  });
  const controls = data?.catalog.controls;
  const controlGroups = useMemo<OptionGroup[]>(() => {
    const groups = new Map<string, OptionGroup>();
    for (const control of controls ?? []) {
      const name = THEME_GROUPS[control.theme] ?? control.theme;
      const group = groups.get(name) ?? { group: name, items: [] };
      group.items.push({ value: control.ref, label: `${control.ref} ${control.title}` });
      groups.set(name, group);
    }
    return [...groups.values()];
  }, [controls]);

  const assetEdges = data?.organization?.assets?.edges;
  const assetOptions = useMemo(() => {
    const byId = new Map<string, string>();
    for (const edge of assetEdges ?? []) byId.set(edge.node.id, edge.node.name);
    for (const asset of extraAssets) if (!byId.has(asset.id)) byId.set(asset.id, asset.name);
    return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [assetEdges, extraAssets]);

  return {
    controlGroups,
    controlTitle: (ref: string) => controls?.find((c) => c.ref === ref)?.title ?? '',
    assetOptions,
    canReadAssets: can('asset:read'),
    loading: loading && !data,
  };
}
