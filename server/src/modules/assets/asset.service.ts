import type { EntityManager } from 'typeorm';
import { parse } from 'csv-parse/sync';
import { ASSET_TYPES, canEditAsset, isCiaValue, type AssetType } from '@annex/domain';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toConnection, type Connection } from '../../core/pagination.js';
import { isCalendarDate } from '../../core/scalars.js';
import { requiredText } from '../../core/validation.js';
import type { Actor } from '../organizations/organization.service.js';
import { Asset } from './asset.entity.js';

export interface AssetFields {
  name?: string | null;
  type?: AssetType | null;
  description?: string | null;
  ownerId?: string | null;
  location?: string | null;
  confidentiality?: number | null;
  integrity?: number | null;
  availability?: number | null;
  reviewDate?: string | null;
}

export interface AssetFilter {
  type?: AssetType[] | null;
  ownerId?: string | null;
  search?: string | null;
}

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

const AUDITED = ['name', 'type', 'description', 'ownerId', 'location', 'confidentiality', 'integrity', 'availability', 'reviewDate'] as const;
/** The CSV column of each validated field, for the import report. */
const CSV_COLUMN_OF: Record<string, string> = { ownerId: 'owner_email', reviewDate: 'review_date' };

/** The columns of the CSV import and export, in order. */
export const ASSET_CSV_COLUMNS = ['name', 'type', 'owner_email', 'location', 'confidentiality', 'integrity', 'availability', 'review_date', 'description'] as const;

export class AssetService {
  constructor(private readonly db: Database) {}

  /** Validates the given fields; throws BAD_USER_INPUT naming the first bad one. */
  private async validate(em: EntityManager, organizationId: string, input: AssetFields, creating: boolean): Promise<Partial<Asset>> {
    const out: Partial<Asset> = {};
    if (creating || input.name !== undefined) out.name = requiredText('name', input.name, 200);
    if (creating || input.type !== undefined) {
      if (!input.type || !ASSET_TYPES.includes(input.type)) throw badInput('type', `Type must be one of ${ASSET_TYPES.join(', ')}.`, 'UNKNOWN');
      out.type = input.type;
    }
    for (const key of ['confidentiality', 'integrity', 'availability'] as const) {
      if (creating || input[key] !== undefined) {
        if (!isCiaValue(input[key])) throw badInput(key, `${key.charAt(0).toUpperCase()}${key.slice(1)} is valued 1 (low), 2 (medium) or 3 (high).`, 'OUT_OF_RANGE');
        out[key] = input[key]!;
      }
    }
    if (input.description !== undefined) {
      const description = (input.description ?? '').trim();
      if (description.length > 5000) throw badInput('description', 'Description must be at most 5,000 characters.', 'TOO_LONG');
      out.description = description;
    }
    if (input.location !== undefined) {
      const location = (input.location ?? '').trim();
      if (location.length > 200) throw badInput('location', 'Location must be at most 200 characters.', 'TOO_LONG');
      out.location = location;
    }
    if (input.reviewDate !== undefined) {
      if (input.reviewDate !== null && !isCalendarDate(input.reviewDate)) throw badInput('reviewDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
      out.reviewDate = input.reviewDate;
    }
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null) {
        const member = (await em.query(`SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2`, [organizationId, input.ownerId])) as unknown[];
        if (!member.length) throw badInput('ownerId', 'The owner must be a member of the organisation.', 'NOT_A_MEMBER');
      }
      out.ownerId = input.ownerId;
    }
    if (out.name) {
      const taken = (await em.query(`SELECT id FROM assets WHERE organization_id = $1 AND lower(name) = lower($2)`, [organizationId, out.name])) as Array<{ id: string }>;
      if (taken.length && taken[0]!.id !== (input as { id?: string }).id) throw badInput('name', 'An asset with this name already exists.', 'TAKEN');
    }
    return out;
  }

  async create(scope: OrgScope, input: AssetFields, actor: Actor): Promise<Asset> {
    return this.db.transaction(async (em) => {
      const fields = await this.validate(em, scope.organizationId, input, true);
      if (!scope.can('asset:delete') && (fields.ownerId ?? scope.userId) !== scope.userId) {
        throw forbidden('Contributors register assets they own themselves.');
      }
      return this.insert(em, scope, fields, actor);
    });
  }

  private async insert(em: EntityManager, scope: OrgScope, fields: Partial<Asset>, actor: Actor): Promise<Asset> {
    const now = new Date();
    const asset = Object.assign(new Asset(), {
      id: newId('Asset'),
      organizationId: scope.organizationId,
      version: 1,
      description: '',
      location: '',
      reviewDate: null,
      ownerId: scope.can('asset:delete') ? null : scope.userId,
      ...fields,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(Asset, asset as never);
    await appendAudit(em, {
      organizationId: scope.organizationId,
      action: 'asset.created',
      ...actor,
      entityType: 'Asset',
      entityId: asset.id,
      summary: { after: Object.fromEntries(AUDITED.map((k) => [k, asset[k]])) },
    });
    return asset;
  }

  async update(scope: OrgScope, id: string, version: number, input: AssetFields, actor: Actor): Promise<Asset> {
    return this.db.transaction(async (em) => {
      const current = await em.getRepository(Asset).findOneBy({ id, organizationId: scope.organizationId });
      if (!current) throw notFound('Asset');
      if (!canEditAsset(scope.role, scope.userId, current)) throw forbidden('You can edit the assets you own.');
      if (!scope.can('asset:delete') && input.ownerId !== undefined && input.ownerId !== current.ownerId) {
        throw forbidden('Only owners and ISMS managers hand an asset to someone else.');
      }
      const fields = await this.validate(em, scope.organizationId, { ...input, id } as AssetFields, false);
      const next = { ...current, ...fields, version: current.version + 1, updatedAt: new Date() } as Asset;
      const result = await em
        .createQueryBuilder()
        .update(Asset)
        .set(Object.fromEntries([...AUDITED, 'version', 'updatedAt'].map((k) => [k, next[k as keyof Asset]])) as never)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw conflict(`This asset was changed by someone else (you had version ${version}, it is now ${current.version}). Reload to see their change.`);
      const changed = AUDITED.filter((k) => current[k] !== next[k]);
      if (changed.length) {
        await appendAudit(em, {
          organizationId: scope.organizationId,
          action: 'asset.updated',
          ...actor,
          entityType: 'Asset',
          entityId: id,
          summary: { before: Object.fromEntries(changed.map((k) => [k, current[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
        });
      }
      return next;
    });
  }

  async delete(scope: OrgScope, id: string, actor: Actor): Promise<string> {
    return this.db.transaction(async (em) => {
      const asset = await em.getRepository(Asset).findOneBy({ id, organizationId: scope.organizationId });
      if (!asset) throw notFound('Asset');
      await em.delete(Asset, { id });
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'asset.deleted',
        ...actor,
        entityType: 'Asset',
        entityId: id,
        summary: { before: Object.fromEntries(AUDITED.map((k) => [k, asset[k]])) },
      });
      return id;
    });
  }

  async list(scope: OrgScope, filter: AssetFilter, first: number, after: string | null | undefined): Promise<Connection<Asset>> {
    const query = this.db.dataSource.getRepository(Asset).createQueryBuilder('a').where('a.organization_id = :org', { org: scope.organizationId });
    if (filter.type?.length) query.andWhere('a.type IN (:...types)', { types: filter.type });
    if (filter.ownerId) query.andWhere('a.owner_id = :owner', { owner: filter.ownerId });
    if (filter.search) query.andWhere('(a.name ILIKE :search OR a.description ILIKE :search)', { search: `%${filter.search.replace(/[%_\\]/g, '')}%` });
    const totalCount = await query.clone().getCount();
    if (after) {
      const decoded = Buffer.from(after, 'base64url').toString('utf8');
      const split = decoded.lastIndexOf('\u0000');
      if (split < 0) throw badInput('after', 'Unknown cursor.', 'BAD_CURSOR');
      query.andWhere('(lower(a.name), a.id) > (:name, :id)', { name: decoded.slice(0, split), id: decoded.slice(split + 1) });
    }
    const rows = await query.orderBy('lower(a.name)', 'ASC').addOrderBy('a.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => Buffer.from(`${row.name.toLowerCase()}\u0000${row.id}`).toString('base64url'));
  }

  /**
   * Imports assets from CSV (columns: ASSET_CSV_COLUMNS, header row first). Every row is
   * checked first; if any is refused, nothing is imported and the report names each problem.
   */
  async importCsv(scope: OrgScope, csv: string, actor: Actor): Promise<{ imported: Asset[]; problems: ImportProblem[] }> {
    let records: Array<Record<string, string>>;
    try {
      records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw badInput('csv', `The file is not valid CSV: ${(error as Error).message}`, 'INVALID_CSV');
    }
    if (!records.length) throw badInput('csv', 'The file has no rows after its header.', 'EMPTY');
    if (records.length > 5000) throw badInput('csv', 'Import at most 5,000 assets at once.', 'TOO_LONG');
    const missing = ['name', 'type', 'confidentiality', 'integrity', 'availability'].filter((c) => !(c in records[0]!));
    if (missing.length) throw badInput('csv', `Missing column(s): ${missing.join(', ')}. Expected: ${ASSET_CSV_COLUMNS.join(', ')}.`, 'MISSING_COLUMNS');
    return this.db.transaction(async (em) => {
      const members = (await em.query(`SELECT u.id, lower(u.email) AS email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1`, [scope.organizationId])) as Array<{ id: string; email: string }>;
      const problems: ImportProblem[] = [];
      const valid: Array<Partial<Asset>> = [];
      const namesInFile = new Set<string>();
      for (const [index, record] of records.entries()) {
        const row = index + 2; // the header is row 1
        const owner = record['owner_email'] ? members.find((m) => m.email === record['owner_email']!.toLowerCase()) : undefined;
        const unknownOwner = !!record['owner_email'] && !owner;
        if (unknownOwner) problems.push({ row, field: 'owner_email', message: `${record['owner_email']} is not a member of the organisation.` });
        const toNumber = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : Number.NaN);
        const candidate: AssetFields = {
          name: record['name'],
          type: (record['type'] ?? '').toUpperCase() as AssetType,
          location: record['location'] ?? '',
          description: record['description'] ?? '',
          confidentiality: toNumber(record['confidentiality']),
          integrity: toNumber(record['integrity']),
          availability: toNumber(record['availability']),
          reviewDate: record['review_date'] || null,
          ownerId: owner?.id ?? null,
        };
        // Each column on its own, so that the report names every problem of the line.
        const fields: Partial<Asset> = {};
        let refused = false;
        for (const key of Object.keys(candidate) as Array<keyof AssetFields>) {
          try {
            Object.assign(fields, await this.validate(em, scope.organizationId, { [key]: candidate[key] }, false));
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused = true;
            problems.push({ row, field: CSV_COLUMN_OF[error.details.field ?? ''] ?? error.details.field ?? 'row', message: error.message });
          }
        }
        if (refused || unknownOwner) continue;
        const key = fields.name!.toLowerCase();
        if (namesInFile.has(key)) problems.push({ row, field: 'name', message: `"${fields.name}" appears twice in the file.` });
        namesInFile.add(key);
        valid.push(fields);
      }
      if (problems.length) return { imported: [], problems };
      const imported: Asset[] = [];
      for (const fields of valid) imported.push(await this.insert(em, scope, fields, actor));
      return { imported, problems };
    });
  }
}
