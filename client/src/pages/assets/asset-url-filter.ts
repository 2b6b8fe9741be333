import type { AssetFilterInput, AssetType } from './asset-operations';
import { ASSET_TYPES, isAssetType } from './asset-words';

/** The inventory filter as it stands in the address, so a view can be bookmarked and shared. */
export interface AssetUrlFilter {
  type: AssetType[];
  owner: string;
  search: string;
}

export const NO_ASSET_FILTER: AssetUrlFilter = { type: [], owner: '', search: '' };

export function readAssetUrlFilter(params: URLSearchParams): AssetUrlFilter {
  // `type=SOFTWARE,SERVICE` or `type=SOFTWARE&type=SERVICE`
  const types = params
    .getAll('type')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter(isAssetType);
  return {
    type: ASSET_TYPES.filter((t) => types.includes(t)),
    owner: params.get('owner') ?? '',
    search: params.get('search') ?? params.get('q') ?? '',
  };
}

/** The address with this filter, keeping whatever else it holds (the open asset). */
export function writeAssetUrl(params: URLSearchParams, filter: AssetUrlFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['type', 'owner', 'search', 'q']) next.delete(key);
  if (filter.type.length) next.set('type', filter.type.join(','));
  if (filter.owner) next.set('owner', filter.owner);
  if (filter.search.trim()) next.set('search', filter.search.trim());
  return next;
}

export function toAssetFilterInput(filter: AssetUrlFilter): AssetFilterInput {
  return {
    ...(filter.type.length ? { type: filter.type } : {}),
    ...(filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
  };
}

export function isAssetFiltered(filter: AssetUrlFilter): boolean {
  return filter.type.length > 0 || !!filter.owner || !!filter.search.trim();
}
