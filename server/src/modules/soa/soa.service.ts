import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CONTROLS, findControl } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit, canonicalJson } from '../../core/audit/audit-trail.js';
import { badInput, conflict, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Actor } from '../organizations/organization.service.js';
import { SOA_IMPLEMENTATION_STATUSES, SoaEntry, SoaVersion, type SoaImplementationStatus, type SoaSnapshotEntry } from './soa.entity.js';

export interface SoaEntryInput {
  controlRef: string;
  version?: number | null;
  applicable?: boolean | null;
  justification?: string | null;
  implementationStatus?: SoaImplementationStatus | null;
}

export interface SoaChange {
  controlRef: string;
  field: 'applicable' | 'justification' | 'implementationStatus' | 'added' | 'removed';
  before: string | null;
  after: string | null;
}

const ORDER = new Map(CONTROLS.map((c, i) => [c.ref, i]));
const snapshotOf = (entries: SoaEntry[]): SoaSnapshotEntry[] =>
  entries.map(({ controlRef, applicable, justification, implementationStatus }) => ({ controlRef, applicable, justification, implementationStatus }));

export function soaContentHash(entries: SoaSnapshotEntry[]): string {
  return createHash('sha256').update(canonicalJson(entries)).digest('hex');
}

/** Entry by entry, what changed from one SoA to another. */
export function compareSoa(from: SoaSnapshotEntry[], to: SoaSnapshotEntry[]): SoaChange[] {
  const before = new Map(from.map((e) => [e.controlRef, e]));
  const after = new Map(to.map((e) => [e.controlRef, e]));
  const changes: SoaChange[] = [];
  for (const ref of [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (ORDER.get(a) ?? 999) - (ORDER.get(b) ?? 999))) {
    const a = before.get(ref);
    const b = after.get(ref);
    if (!a) changes.push({ controlRef: ref, field: 'added', before: null, after: ref });
    else if (!b) changes.push({ controlRef: ref, field: 'removed', before: ref, after: null });
    else {
      for (const field of ['applicable', 'justification', 'implementationStatus'] as const) {
        if (a[field] !== b[field]) changes.push({ controlRef: ref, field, before: a[field] === null ? null : String(a[field]), after: b[field] === null ? null : String(b[field]) });
      }
    }
  }
  return changes;
}

export class SoaService {
  constructor(private readonly db: Database) {}

  private async ensureEntries(em: EntityManager, organizationId: string): Promise<void> {
    const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM soa_entries WHERE organization_id = $1`, [organizationId])) as [{ n: number }];
    if (n >= CONTROLS.length) return;
    await em.query(
      `INSERT INTO soa_entries (id, organization_id, control_ref) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (organization_id, control_ref) DO NOTHING`,
      [CONTROLS.map(() => newId('SoaEntry')), CONTROLS.map(() => organizationId), CONTROLS.map((c) => c.ref)],
    );
  }

  /** Exactly one entry per Annex A control, in catalogue order. */
  async entries(scope: OrgScope): Promise<SoaEntry[]> {
    const count = (await this.db.dataSource.query(`SELECT count(*)::int AS n FROM soa_entries WHERE organization_id = $1`, [scope.organizationId])) as Array<{ n: number }>;
    if (count[0]!.n < CONTROLS.length) await this.db.transaction((em) => this.ensureEntries(em, scope.organizationId));
    const rows = await this.db.dataSource.getRepository(SoaEntry).findBy({ organizationId: scope.organizationId });
    return rows.filter((r) => ORDER.has(r.controlRef)).sort((a, b) => ORDER.get(a.controlRef)! - ORDER.get(b.controlRef)!);
  }

  async update(scope: OrgScope, input: SoaEntryInput, actor: Actor): Promise<SoaEntry> {
    if (!findControl(input.controlRef)) throw badInput('controlRef', `${input.controlRef} is not an Annex A control of ISO/IEC 27001:2022.`, 'UNKNOWN_CONTROL');
    if (input.implementationStatus && !SOA_IMPLEMENTATION_STATUSES.includes(input.implementationStatus)) throw badInput('implementationStatus', 'Unknown status.', 'UNKNOWN');
    return this.db.transaction(async (em) => {
      await this.ensureEntries(em, scope.organizationId);
      const [row] = (await em.query(`SELECT id FROM soa_entries WHERE organization_id = $1 AND control_ref = $2 FOR UPDATE`, [scope.organizationId, input.controlRef])) as Array<{ id: string }>;
      const current = await em.getRepository(SoaEntry).findOneByOrFail({ id: row!.id });
      if (input.version !== undefined && input.version !== null && input.version !== current.version) {
        throw conflict(`This entry was changed by someone else (you had version ${input.version}, it is now ${current.version}). Reload to see their change.`);
      }
      const next: SoaEntry = {
        ...current,
        ...(input.applicable !== undefined ? { applicable: input.applicable } : {}),
        ...(input.justification !== undefined && input.justification !== null ? { justification: input.justification.trim() } : {}),
        ...(input.implementationStatus ? { implementationStatus: input.implementationStatus } : {}),
        version: current.version + 1,
        updatedAt: new Date(),
        updatedById: scope.userId,
      };
      if (next.applicable !== null && !next.justification) {
        throw badInput('justification', `Say why ${input.controlRef} is ${next.applicable ? 'applicable' : 'excluded'}: the justification is required for both answers.`, 'REQUIRED');
      }
      if (next.justification.length > 5000) throw badInput('justification', 'The justification must be at most 5,000 characters.', 'TOO_LONG');
      if (next.applicable === false && next.implementationStatus !== 'NOT_STARTED') next.implementationStatus = 'NOT_STARTED';
      await em.update(SoaEntry, { id: current.id }, {
        applicable: next.applicable,
        justification: next.justification,
        implementationStatus: next.implementationStatus,
        version: next.version,
        updatedAt: next.updatedAt,
        updatedById: next.updatedById,
      });
      const fields = ['applicable', 'justification', 'implementationStatus'] as const;
      const changed = fields.filter((k) => current[k] !== next[k]);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'soaEntry.updated',
        ...actor,
        entityType: 'SoaEntry',
        entityId: current.id,
        summary: { controlRef: current.controlRef, before: Object.fromEntries(changed.map((k) => [k, current[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
      });
      return next;
    });
  }

  /** Snapshots the current SoA as the next version; every entry must be decided and justified. */
  async issue(scope: OrgScope, note: string | null | undefined, actor: Actor): Promise<SoaVersion> {
    const entries = await this.entries(scope);
    const undecided = entries.filter((e) => e.applicable === null || !e.justification);
    if (undecided.length) {
      throw badInput('organizationId', `${undecided.length} control(s) are undecided or lack a justification (first: ${undecided[0]!.controlRef}). Complete the SoA before issuing it.`, 'INCOMPLETE');
    }
    const text = (note ?? '').trim();
    if (text.length > 2000) throw badInput('note', 'The note must be at most 2,000 characters.', 'TOO_LONG');
    return this.db.transaction(async (em) => {
      await em.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [scope.organizationId]);
      const [{ max }] = (await em.query(`SELECT coalesce(max(number), 0)::int AS max FROM soa_versions WHERE organization_id = $1`, [scope.organizationId])) as [{ max: number }];
      const snapshot = snapshotOf(entries);
      const version = Object.assign(new SoaVersion(), {
        id: newId('SoaVersion'),
        organizationId: scope.organizationId,
        number: max + 1,
        note: text,
        entries: snapshot,
        contentHash: soaContentHash(snapshot),
        issuedById: scope.userId,
        issuedAt: new Date(),
      });
      await em.insert(SoaVersion, version as never);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'soaVersion.issued',
        ...actor,
        entityType: 'SoaVersion',
        entityId: version.id,
        summary: { number: version.number, contentHash: version.contentHash, applicable: snapshot.filter((e) => e.applicable).length, excluded: snapshot.filter((e) => !e.applicable).length },
      });
      return version;
    });
  }

  async versions(scope: OrgScope): Promise<SoaVersion[]> {
    return this.db.dataSource.getRepository(SoaVersion).find({ where: { organizationId: scope.organizationId }, order: { number: 'DESC' } });
  }

  async version(scope: OrgScope, number: number): Promise<SoaVersion> {
    const version = await this.db.dataSource.getRepository(SoaVersion).findOneBy({ organizationId: scope.organizationId, number });
    if (!version) throw notFound('SoA version');
    return version;
  }

  /** The entries of an issued version, or of the current draft when `number` is null. */
  async snapshot(scope: OrgScope, number: number | null): Promise<SoaSnapshotEntry[]> {
    return number === null ? snapshotOf(await this.entries(scope)) : (await this.version(scope, number)).entries;
  }
}
