import { OPEN_TASK_STATUSES, todayUtc } from '@annex/domain';
import { isDatabaseUnavailable } from '../../core/db/availability.js';
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import type { Logger } from '../../core/logger.js';
import type { Mailer } from '../../core/mail/mailer.js';
import type { EventHub } from '../../core/events/event-hub.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { pruneIdempotencyKeys } from '../../app/idempotency.js';

interface SchedulerDeps {
  db: Database;
  config: Config;
  logger: Logger;
  mailer: Mailer;
  notifications: NotificationService;
  events: EventHub;
  documents: { raiseReviewTasks(): Promise<number> };
  audits: { notifyOverdue(): Promise<number> };
  training: { sendReminders(): Promise<number> };
  objectives: { notifyDueMeasurements(): Promise<number> };
}

interface Job {
  name: string;
  /** When the next run is due, given the time this run started. */
  next(now: Date): Date;
  run(): Promise<void>;
}

const MINUTE = 60_000;

function nextDailyAt(hourUtc: number, now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * The durable schedule. Each job's next run is a row in `scheduled_jobs`; a tick claims due
 * runs with one conditional UPDATE (so among replicas exactly one runs it), and restarts
 * lose nothing: a run that was due while the server was down runs at the next tick. We keep
 * this in our own table rather than pg-boss because it must also run on the embedded
 * single-connection database.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly jobs: Job[];

  constructor(private readonly deps: SchedulerDeps) {
    this.jobs = [
      { name: 'task-reminders', next: (now) => new Date(now.getTime() + 10 * MINUTE), run: () => this.taskReminders() },
      { name: 'daily-digest', next: (now) => nextDailyAt(7, now), run: () => this.dailyDigest() },
      { name: 'overdue-corrective-actions', next: (now) => new Date(now.getTime() + 60 * MINUTE), run: async () => void (await this.deps.audits.notifyOverdue()) },
      { name: 'document-reviews', next: (now) => new Date(now.getTime() + 60 * MINUTE), run: () => this.documentReviews() },
      { name: 'training-reminders', next: (now) => new Date(now.getTime() + 60 * MINUTE), run: async () => void (await this.deps.training.sendReminders()) },
      { name: 'indicator-measurements-due', next: (now) => new Date(now.getTime() + 60 * MINUTE), run: async () => void (await this.deps.objectives.notifyDueMeasurements()) },
      { name: 'prune-events', next: (now) => nextDailyAt(3, now), run: () => this.pruneEvents() },
      { name: 'prune-idempotency-keys', next: (now) => new Date(now.getTime() + 60 * MINUTE), run: async () => void (await pruneIdempotencyKeys(this.deps.db)) },
    ];
  }

  /** Raises a review task for each published document whose review falls due within 30 days. */
  async documentReviews(): Promise<void> {
    const raised = await this.deps.documents.raiseReviewTasks();
    if (raised) this.deps.logger.info({ raised }, 'document review tasks raised');
  }

  async start(): Promise<void> {
    for (const job of this.jobs) {
      await this.deps.db.dataSource.query(`INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
        job.name,
        job.name === 'daily-digest' ? nextDailyAt(7, new Date()) : new Date(),
      ]);
    }
    this.timer = setInterval(() => void this.tick(), this.deps.config.JOBS_TICK_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs every job whose time has come (and that no other replica claimed first). */
  tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        for (const job of this.jobs) {
          const now = new Date();
          const [claimed] = (await this.deps.db.dataSource.query(
            `UPDATE scheduled_jobs SET next_run_at = $2, last_run_at = now() WHERE name = $1 AND next_run_at <= now() RETURNING name`,
            [job.name, job.next(now)],
          )) as [unknown[], number];
          if (!claimed.length) continue;
          try {
            await job.run();
            await this.deps.db.dataSource.query(`UPDATE scheduled_jobs SET last_error = NULL WHERE name = $1`, [job.name]);
          } catch (err) {
            // The database going away is an outage (reported by the pool and the listener), not a bug in the job.
            if (isDatabaseUnavailable(err)) this.deps.logger.warn({ err, job: job.name }, 'scheduled job interrupted: the database is unavailable');
            else this.deps.logger.error({ err, job: job.name }, 'scheduled job failed');
            await this.deps.db.dataSource.query(`UPDATE scheduled_jobs SET last_error = $2 WHERE name = $1`, [job.name, String(err)]).catch(() => undefined);
          }
        }
      } catch (err) {
        this.deps.logger.warn({ err }, 'scheduler tick failed');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Due within a day → DUE_SOON, once; past due → OVERDUE, once (both reset when the date moves). */
  async taskReminders(): Promise<void> {
    const { db, notifications } = this.deps;
    const today = todayUtc();
    const tomorrow = todayUtc(new Date(Date.now() + 86_400_000));
    const due = (await db.dataSource.query(
      `SELECT id, organization_id, title, due_date::text AS due_date, assignee_id,
              CASE WHEN due_date < $1 THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind
         FROM tasks
        WHERE assignee_id IS NOT NULL AND status = ANY($3) AND due_date IS NOT NULL
          AND ((due_date < $1 AND overdue_notified_at IS NULL) OR (due_date BETWEEN $1 AND $2 AND reminded_at IS NULL))
        LIMIT 500`,
      [today, tomorrow, OPEN_TASK_STATUSES],
    )) as Array<{ id: string; organization_id: string; title: string; due_date: string; assignee_id: string; kind: 'OVERDUE' | 'DUE_SOON' }>;
    for (const task of due) {
      await db.transaction(async (em) => {
        const column = task.kind === 'OVERDUE' ? 'overdue_notified_at' : 'reminded_at';
        const [, marked] = (await em.query(`UPDATE tasks SET ${column} = now() WHERE id = $1 AND ${column} IS NULL`, [task.id])) as [unknown, number];
        if (!marked) return; // another replica got there first
        await notifications.notify(em, {
          organizationId: task.organization_id,
          userId: task.assignee_id,
          kind: task.kind,
          title: task.kind === 'OVERDUE' ? `Overdue: ${task.title}` : `Due ${task.due_date === today ? 'today' : 'tomorrow'}: ${task.title}`,
          body: task.kind === 'OVERDUE' ? `"${task.title}" was due on ${task.due_date}.` : `"${task.title}" is due on ${task.due_date}.`,
          subjectId: task.id,
          link: `/o/${task.organization_id}/tasks?task=${task.id}`,
        });
      });
    }
  }

  /** One e-mail a day per person with open work: overdue and due-this-week tasks, approvals waiting. */
  async dailyDigest(): Promise<void> {
    const { db, notifications, mailer, config } = this.deps;
    const today = todayUtc();
    const weekAhead = todayUtc(new Date(Date.now() + 7 * 86_400_000));
    const rows = (await db.dataSource.query(
      `SELECT u.id AS user_id, u.email, u.name, o.name AS organization, t.title, t.due_date::text AS due_date, 'task' AS kind
         FROM tasks t JOIN users u ON u.id = t.assignee_id JOIN organizations o ON o.id = t.organization_id
         JOIN memberships m ON m.organization_id = t.organization_id AND m.user_id = u.id
        WHERE t.status = ANY($2) AND t.due_date IS NOT NULL AND t.due_date <= $1
       UNION ALL
       SELECT u.id, u.email, u.name, o.name, r.note, r.due_date::text, 'approval'
         FROM approval_requests r JOIN approval_approvers a ON a.approval_request_id = r.id
         JOIN users u ON u.id = a.user_id JOIN organizations o ON o.id = r.organization_id
        WHERE r.status = 'PENDING'
          AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.approval_request_id = r.id AND d.approver_id = u.id)
        ORDER BY 1, 6 NULLS LAST`,
      [weekAhead, OPEN_TASK_STATUSES],
    )) as Array<{ user_id: string; email: string; name: string; organization: string; title: string; due_date: string | null; kind: string }>;
    const byUser = new Map<string, typeof rows>();
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    for (const [userId, items] of byUser) {
      if (!(await notifications.wantsEmail(db.dataSource.manager, userId, 'DIGEST'))) continue;
      const lines = items.map((i) =>
        i.kind === 'task'
          ? `- ${i.due_date! < today ? 'OVERDUE' : 'due'} ${i.due_date}: ${i.title} (${i.organization})`
          : `- approval waiting for you${i.due_date ? ` by ${i.due_date}` : ''} (${i.organization})${i.title ? `: ${i.title.slice(0, 80)}` : ''}`,
      );
      await mailer.sendLater({
        to: items[0]!.email,
        subject: `Annex: ${items.length} item${items.length === 1 ? '' : 's'} need you`,
        text: `Good morning ${items[0]!.name},\n\nHere is what needs you:\n\n${lines.join('\n')}\n\nOpen your work: ${config.PUBLIC_URL}/\n\nChange which e-mails you get: ${config.PUBLIC_URL}/account`,
      });
    }
  }

  async pruneEvents(): Promise<void> {
    const removed = await this.deps.events.prune();
    if (removed) this.deps.logger.info({ removed }, 'old events pruned');
  }
}
