import { roleCan } from './actions.js';
import type { Role } from './roles.js';

export const ASSET_TYPES = ['INFORMATION', 'SOFTWARE', 'HARDWARE', 'SERVICE', 'PEOPLE', 'SITE'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/** Confidentiality, integrity and availability are each valued 1 (low) to 3 (high). */
export const CIA_MIN = 1;
export const CIA_MAX = 3;

export function isCiaValue(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= CIA_MIN && (value as number) <= CIA_MAX;
}

/** An asset is as critical as its most demanding property. */
export function assetCriticality(asset: { confidentiality: number; integrity: number; availability: number }): number {
  return Math.max(asset.confidentiality, asset.integrity, asset.availability);
}

/** Admins edit any asset; contributors the assets they own. */
export function canEditAsset(role: Role, userId: string, asset: { ownerId: string | null }): boolean {
  if (roleCan(role, 'asset:delete')) return true; // owners and ISMS managers
  return roleCan(role, 'asset:update') && asset.ownerId === userId;
}
