import type { EntityManager } from 'typeorm';
import { GAP_STATUSES, MATURITY_MAX, MATURITY_MIN, gapPriority, riskLevel, type GapStatus, type TaskPriority } from '@annex/domain';
import { CLAUSES, CONTROLS } from '@annex/iso27001';
import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { badInput, conflict, forbidden } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { isCalendarDate } from '../../core/scalars.js';
import type { Actor } from '../organizations/organization.service.js';
import type { TaskService } from '../tasks/task.service.js';
import type { Task } from '../tasks/task.entity.js';
import type { RiskService } from '../risks/risk.service.js';
import { GapItem } from './gap-item.entity.js';

/** The requirements assessed: the clauses without sub-clauses of their own, then the 93 controls. */
export const GAP_REFS: readonly string[] = [
  ...CLAUSES.filter((clause) => !CLAUSES.some((other) => other.parent === clause.ref)).map((c) => c.ref),
  ...CONTROLS.map((c) => c.ref),
];
const KNOWN = new Set(GAP_REFS);

export function titleOfRef(ref: string): string {
  return CLAUSES.find((c) => c.ref === ref)?.title ?? CONTROLS.find((c) => c.ref === ref)?.title ?? ref;
}

export interface GapItemInput {
  ref: string;
  version?: number | null;
  status?: GapStatus | null;
  maturity?: number | null;
  ownerId?: string | null;
  notes?: string | null;
  evidenceLinks?: string[] | null;
}

const AUDITED = ['status', 'maturity', 'ownerId', 'notes', 'evidenceLinks'] as const;

export class GapService {
  constructor(
    private readonly db: Database,
    private readonly tasks: TaskService,
    private readonly risks: RiskService,
  ) {}

  /** Creates the missing items of an organisation (all of them the first time, new catalogue refs later). */
  private async ensureItems(em: EntityManager, organizationId: string): Promise<void> {
    const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM gap_items WHERE organization_id = $1`, [organizationId])) as [{ n: number }];
    if (n >= GAP_REFS.length) return;
    await em.query(
      `INSERT INTO gap_items (id, organization_id, ref) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (organization_id, ref) DO NOTHING`,
      [GAP_REFS.map(() => newId('GapItem')), GAP_REFS.map(() => organizationId), [...GAP_REFS]],
    );
  }

  async items(scope: OrgScope): Promise<GapItem[]> {
    const count = (await this.db.dataSource.query(`SELECT count(*)::int AS n FROM gap_items WHERE organization_id = $1`, [scope.organizationId])) as Array<{ n: number }>;
    if (count[0]!.n < GAP_REFS.length) await this.db.transaction((em) => this.ensureItems(em, scope.organizationId));
    const rows = await this.db.dataSource.getRepository(GapItem).findBy({ organizationId: scope.organizationId });
    const order = new Map(GAP_REFS.map((ref, index) => [ref, index]));
    return rows.filter((row) => order.has(row.ref)).sort((a, b) => order.get(a.ref)! - order.get(b.ref)!);
  }

  async update(scope: OrgScope, input: GapItemInput, actor: Actor): Promise<GapItem> {
    if (!KNOWN.has(input.ref)) throw badInput('ref', `${input.ref} is not a clause or Annex A control of ISO/IEC 27001:2022.`, 'UNKNOWN_REF');
    if (input.status !== undefined && input.status !== null && !GAP_STATUSES.includes(input.status)) throw badInput('status', 'Unknown status.', 'UNKNOWN');
    if (input.maturity !== undefined && input.maturity !== null && (!Number.isInteger(input.maturity) || input.maturity < MATURITY_MIN || input.maturity > MATURITY_MAX)) {
      throw badInput('maturity', `Maturity is ${MATURITY_MIN} (none) to ${MATURITY_MAX} (optimised).`, 'OUT_OF_RANGE');
    }
    const notes = input.notes === undefined || input.notes === null ? undefined : input.notes.trim();
    if (notes !== undefined && notes.length > 10_000) throw badInput('notes', 'Notes must be at most 10,000 characters.', 'TOO_LONG');
    const links = input.evidenceLinks === undefined || input.evidenceLinks === null ? undefined : input.evidenceLinks.map((l) => l.trim()).filter(Boolean);
    if (links?.some((l) => l.length > 2000) || (links?.length ?? 0) > 50) throw badInput('evidenceLinks', 'At most 50 links of 2,000 characters.', 'TOO_LONG');
    return this.db.transaction(async (em) => {
      await this.ensureItems(em, scope.organizationId);
      const [locked] = (await em.query(`SELECT id FROM gap_items WHERE organization_id = $1 AND ref = $2 FOR UPDATE`, [scope.organizationId, input.ref])) as Array<{ id: string }>;
      const current = await em.getRepository(GapItem).findOneByOrFail({ id: locked!.id });
      if (!scope.can('gap:updateAny') && current.ownerId !== scope.userId) throw forbidden('You can assess the items you own.');
      if (!scope.can('gap:updateAny') && input.ownerId !== undefined && input.ownerId !== current.ownerId) {
        throw forbidden('Only owners and ISMS managers hand an item to someone else.');
      }
      if (input.version !== undefined && input.version !== null && input.version !== current.version) {
        throw conflict(`This item was assessed by someone else meanwhile (you had version ${input.version}, it is now ${current.version}). Reload to see their assessment.`);
      }
      if (input.ownerId) {
        const member = (await em.query(`SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2`, [scope.organizationId, input.ownerId])) as unknown[];
        if (!member.length) throw badInput('ownerId', 'The owner must be a member of the organisation.', 'NOT_A_MEMBER');
      }
      const next: GapItem = {
        ...current,
        ...(input.status ? { status: input.status } : {}),
        ...(input.maturity !== undefined ? { maturity: input.maturity } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
        ...(notes !== undefined ? { notes } : {}),
        ...(links !== undefined ? { evidenceLinks: links } : {}),
        version: current.version + 1,
        lastAssessedAt: new Date(),
      };
      await em.update(GapItem, { id: current.id }, {
        status: next.status,
        maturity: next.maturity,
        ownerId: next.ownerId,
        notes: next.notes,
        evidenceLinks: next.evidenceLinks,
        version: next.version,
        lastAssessedAt: next.lastAssessedAt,
      });
      const changed = AUDITED.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'gapItem.updated',
        ...actor,
        entityType: 'GapItem',
        entityId: current.id,
        summary: { ref: current.ref, before: Object.fromEntries(changed.map((k) => [k, current[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
      });
      return next;
    });
  }

  /** Turns gaps into tasks: one per item, linked to it, owned by its owner, prioritised by its linked risks or the size of the gap. */
  async plan(scope: OrgScope, input: { refs: string[]; dueDate?: string | null; assigneeId?: string | null }, actor: Actor): Promise<Task[]> {
    const refs = [...new Set(input.refs ?? [])];
    if (!refs.length) throw badInput('refs', 'Choose at least one gap to plan.', 'REQUIRED');
    const unknown = refs.find((ref) => !KNOWN.has(ref));
    if (unknown) throw badInput('refs', `${unknown} is not a clause or Annex A control of ISO/IEC 27001:2022.`, 'UNKNOWN_REF');
    if (input.dueDate && !isCalendarDate(input.dueDate)) throw badInput('dueDate', 'Use a date like 2027-03-31.', 'INVALID_DATE');
    const items = (await this.items(scope)).filter((item) => refs.includes(item.ref));
    // A control that treats risks takes the priority of its worst risk; otherwise the size of the gap decides.
    const matrix = await this.risks.matrix(scope.organizationId);
    const linked = (await this.db.dataSource.query(
      `SELECT rc.control_ref, max(r.inherent_score)::int AS score FROM risk_controls rc JOIN risks r ON r.id = rc.risk_id
        WHERE r.organization_id = $1 AND rc.control_ref = ANY($2) GROUP BY rc.control_ref`,
      [scope.organizationId, refs],
    )) as Array<{ control_ref: string; score: number }>;
    const priorityOf = (item: GapItem): TaskPriority => {
      const risk = linked.find((l) => l.control_ref === item.ref);
      return risk ? riskLevel(risk.score, matrix) : gapPriority(item);
    };
    const closed = items.find((item) => item.status === 'IMPLEMENTED' || item.status === 'NOT_APPLICABLE');
    if (closed) throw badInput('refs', `${closed.ref} is ${closed.status === 'IMPLEMENTED' ? 'already implemented' : 'not applicable'}: there is no gap to plan.`, 'NO_GAP');
    return this.tasks.createMany(
      scope,
      items.map((item) => ({
        title: `Close the gap: ${item.ref} ${titleOfRef(item.ref)}`,
        description: item.notes ? `Assessment notes: ${item.notes}` : `Bring ${item.ref} from ${item.status.toLowerCase().replace('_', ' ')} to implemented.`,
        assigneeId: input.assigneeId ?? item.ownerId ?? null,
        dueDate: input.dueDate ?? null,
        priority: priorityOf(item),
        subjectId: item.id,
      })),
      actor,
    );
  }
}
