import type { Database } from '../../core/db/database.js';
import type { OrgScope } from '../../core/authorization.js';
import { appendAudit } from '../../core/audit/audit-trail.js';
import { badInput } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requiredText } from '../../core/validation.js';
import { toConnection, type Connection } from '../../core/pagination.js';
import type { Actor } from '../organizations/organization.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { Comment } from './comment.entity.js';

/** `@[Display name](usr_…)`: how a mention is written in a comment body. */
export const MENTION_PATTERN = /@\[([^\]]{1,200})\]\((usr_[0-9a-f]{32})\)/g;

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((m) => m[2]!))];
}

export class CommentService {
  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationService,
  ) {}

  async add(scope: OrgScope, subject: { id: string; label: string; link: string }, body: string, actor: Actor): Promise<Comment> {
    const text = requiredText('body', body, 10_000);
    return this.db.transaction(async (em) => {
      const candidates = mentionedIds(text);
      const members = candidates.length
        ? ((await em.query(`SELECT user_id FROM memberships WHERE organization_id = $1 AND user_id = ANY($2)`, [scope.organizationId, candidates])) as Array<{
            user_id: string;
          }>).map((r) => r.user_id)
        : [];
      const unknown = candidates.filter((id) => !members.includes(id));
      if (unknown.length) throw badInput('body', 'Only members of the organisation can be mentioned.', 'UNKNOWN_MENTION');
      const comment = Object.assign(new Comment(), {
        id: newId('Comment'),
        organizationId: scope.organizationId,
        subjectId: subject.id,
        authorId: scope.userId,
        body: text,
        mentionedUserIds: members,
        createdAt: new Date(),
      });
      await em.insert(Comment, comment);
      await appendAudit(em, {
        organizationId: scope.organizationId,
        action: 'comment.added',
        ...actor,
        entityType: 'Comment',
        entityId: comment.id,
        summary: { subjectId: subject.id, mentions: members, length: text.length },
      });
      const plain = text.replace(MENTION_PATTERN, '@$1');
      const author = actor.actorLabel?.replace(/ <.*$/, '') ?? 'Someone';
      for (const userId of members) {
        await this.notifications.notify(em, {
          organizationId: scope.organizationId,
          userId,
          kind: 'MENTIONED',
          title: `${author} mentioned you on ${subject.label}`,
          body: plain.slice(0, 500),
          subjectId: subject.id,
          actorId: actor.actorId,
          link: subject.link,
        });
      }
      // Watchers of a task hear about comments (mentioned people already got a notification).
      const watchers = (await em.query(`SELECT user_id FROM task_watchers WHERE task_id = $1`, [subject.id])) as Array<{ user_id: string }>;
      for (const { user_id: userId } of watchers) {
        if (members.includes(userId)) continue;
        await this.notifications.notify(em, {
          organizationId: scope.organizationId,
          userId,
          kind: 'COMMENTED',
          title: `${author} commented on ${subject.label}`,
          body: plain.slice(0, 500),
          subjectId: subject.id,
          actorId: actor.actorId,
          link: subject.link,
        });
      }
      return comment;
    });
  }

  async list(scope: OrgScope, subjectId: string, first: number, after: string | null | undefined): Promise<Connection<Comment>> {
    const query = this.db.dataSource
      .getRepository(Comment)
      .createQueryBuilder('c')
      .where('c.organization_id = :org AND c.subject_id = :subject', { org: scope.organizationId, subject: subjectId });
    const totalCount = await query.clone().getCount();
    if (after) {
      if (!/^cmt_[0-9a-f]{32}$/.test(after)) throw badInput('after', 'Unknown cursor.', 'BAD_CURSOR');
      query.andWhere('c.id > :after', { after });
    }
    // Oldest first: a conversation reads top to bottom.
    const rows = await query.orderBy('c.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, totalCount, (row) => row.id);
  }
}
