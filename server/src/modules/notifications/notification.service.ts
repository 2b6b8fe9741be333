import type { EntityManager } from 'typeorm';
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import { onCommit } from '../../core/db/database.js';
import type { Mailer } from '../../core/mail/mailer.js';
import { recordEvent } from '../../core/events/event-log.js';
import { newId } from '../../core/ids.js';
import { toConnection, type Connection } from '../../core/pagination.js';
import { badInput } from '../../core/errors.js';
import { EMAIL_BY_DEFAULT, NOTIFICATION_KINDS, Notification, type NotificationKind } from './notification.entity.js';

export interface NotificationDraft {
  organizationId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  subjectId?: string | null;
  actorId?: string | null;
  /** A path in the web app (e.g. `/o/<org>/tasks/<id>`) for the e-mail's link. */
  link?: string;
}

/**
 * In-app notifications (a row plus a live event only its recipient receives) and their
 * e-mails, sent after commit when the person's preference for that kind allows.
 */
export class NotificationService {
  constructor(
    private readonly db: Database,
    private readonly config: Config,
    private readonly mailer: Mailer,
  ) {}

  async notify(em: EntityManager, draft: NotificationDraft): Promise<Notification | null> {
    if (draft.actorId && draft.actorId === draft.userId) return null; // nobody is notified of their own action
    const notification = Object.assign(new Notification(), {
      id: newId('Notification'),
      organizationId: draft.organizationId,
      userId: draft.userId,
      kind: draft.kind,
      title: draft.title.slice(0, 300),
      body: (draft.body ?? '').slice(0, 2000),
      subjectId: draft.subjectId ?? null,
      actorId: draft.actorId ?? null,
      createdAt: new Date(),
      readAt: null,
      emailedAt: null,
    });
    await em.insert(Notification, notification);
    await recordEvent(em, {
      organizationId: draft.organizationId,
      type: 'notification.created',
      entityType: 'Notification',
      entityId: notification.id,
      actorId: draft.actorId ?? null,
    });
    if (await this.wantsEmail(em, draft.userId, draft.kind)) {
      const [recipient] = (await em.query(`SELECT email FROM users WHERE id = $1`, [draft.userId])) as Array<{ email: string }>;
      if (recipient) {
        onCommit(em, () => {
          const link = draft.link ? `\n\nOpen in Annex: ${this.config.PUBLIC_URL}${draft.link}` : '';
          void this.mailer
            .sendLater({ to: recipient.email, subject: notification.title, text: `${notification.body || notification.title}${link}\n\nChange which e-mails you get in Annex: ${this.config.PUBLIC_URL}/account` })
            .then(() => this.db.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1`, [notification.id]))
            .catch(() => undefined);
        });
      }
    }
    return notification;
  }

  async wantsEmail(em: EntityManager, userId: string, kind: NotificationKind): Promise<boolean> {
    const rows = (await em.query(`SELECT email FROM notification_preferences WHERE user_id = $1 AND kind = $2`, [userId, kind])) as Array<{ email: boolean }>;
    return rows[0]?.email ?? EMAIL_BY_DEFAULT[kind];
  }

  async list(userId: string, organizationIds: string[] | null, first: number, after: string | null | undefined, unreadOnly: boolean): Promise<Connection<Notification>> {
    const query = this.db.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (organizationIds) query.andWhere('n.organization_id IN (:...orgs)', { orgs: organizationIds.length ? organizationIds : [''] });
    // Only organisations the person still belongs to.
    query.andWhere('n.organization_id IN (SELECT organization_id FROM memberships WHERE user_id = :userId)', { userId });
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    const totalCount = await query.clone().getCount();
    if (after) {
      if (!/^ntf_[0-9a-f]{32}$/.test(after)) throw badInput('after', 'Unknown cursor.', 'BAD_CURSOR');
      query.andWhere('n.id < :after', { after });
    }
    const rows = await query.orderBy('n.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => row.id);
  }

  async unreadCount(userId: string, organizationIds: string[] | null): Promise<number> {
    const query = this.db.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId AND n.read_at IS NULL', { userId })
      .andWhere('n.organization_id IN (SELECT organization_id FROM memberships WHERE user_id = :userId)', { userId });
    if (organizationIds) query.andWhere('n.organization_id IN (:...orgs)', { orgs: organizationIds.length ? organizationIds : [''] });
    return query.getCount();
  }

  /** Marks the given notifications (or all, when `ids` is null) of the person as read. */
  async markRead(userId: string, ids: string[] | null, organizationIds: string[] | null): Promise<number> {
    const [, count] = (await this.db.dataSource.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND ($2::text[] IS NULL OR id = ANY($2)) AND ($3::text[] IS NULL OR organization_id = ANY($3))`,
      [userId, ids, organizationIds],
    )) as [unknown, number];
    return count;
  }

  async preferences(userId: string): Promise<Array<{ kind: NotificationKind; email: boolean }>> {
    const rows = (await this.db.dataSource.query(`SELECT kind, email FROM notification_preferences WHERE user_id = $1`, [userId])) as Array<{
      kind: NotificationKind;
      email: boolean;
    }>;
    const chosen = new Map(rows.map((r) => [r.kind, r.email]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, email: chosen.get(kind) ?? EMAIL_BY_DEFAULT[kind] }));
  }

  async setPreferences(userId: string, preferences: Array<{ kind: NotificationKind; email: boolean }>): Promise<void> {
    await this.db.transaction(async (em) => {
      for (const { kind, email } of preferences) {
        await em.query(
          `INSERT INTO notification_preferences (user_id, kind, email) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email`,
          [userId, kind, email],
        );
      }
    });
  }
}
