import { gql, type ApolloClient, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import type { Subscription } from 'rxjs';
import { NOTIFICATION_FRAGMENT, TOAST_KINDS, type NotificationRow } from '../pages/notifications/notification-operations';
import { COMMENT_FRAGMENT, TASK_DETAIL_FRAGMENT } from '../pages/tasks/task-fragments';
import { readApiError } from './api-error';
import { isSocketConnected, onSocketLifecycle, type SocketLifecycleEvent } from './connection-status';
import { markChanged } from './live-highlight';

/** One committed change of the organisation, as the server streams it (see `Subscription.organizationEvents`). */
export interface OrganizationEvent {
  cursor: string;
  type: string;
  entityType: string;
  entityId: string;
  at: string;
  actor: { __typename?: 'User'; id: string; name: string } | null;
  node: ({ __typename: string; id: string } & Record<string, unknown>) | null;
}

/** An approval request as an event carries it: the row's fields, its status aliased (see below). */
const APPROVAL_REQUEST_EVENT_FRAGMENT = gql`
  fragment ApprovalRequestEventFields on ApprovalRequest {
    id
    quorum
    dueDate
    note
    createdAt
    closedAt
    subjectHash
    currentSubjectHash
    viewerCanDecide
    requestedBy {
      id
      name
    }
    approvers {
      id
      name
    }
    decisions {
      id
      decision
      comment
      decidedAt
      subjectHash
      approver {
        id
        name
      }
    }
  }
`;

/**
 * The node of each event is selected with the fields the screens show, so Apollo writes it into
 * the normalised cache and every list and panel that shows the record updates in place.
 */
const ORGANIZATION_EVENTS_SUBSCRIPTION: TypedDocumentNode<{ organizationEvents: OrganizationEvent }, { organizationId: string; after: string | null }> = gql`
  subscription OrganizationEvents($organizationId: ID!, $after: String) {
    organizationEvents(organizationId: $organizationId, after: $after) {
      cursor
      type
      entityType
      entityId
      at
      actor {
        id
        name
      }
      node {
        id
        ... on Task {
          ...TaskDetail
        }
        ... on ApprovalRequest {
          # Aliased: a node's status would clash with Task.status (another enum) in one selection.
          approvalStatus: status
          ...ApprovalRequestEventFields
        }
        ... on Comment {
          ...CommentRow
          subject {
            id
          }
        }
        ... on Notification {
          ...NotificationRow
        }
        ... on Membership {
          id
          role
          user {
            id
            name
            email
          }
        }
      }
    }
  }
  ${TASK_DETAIL_FRAGMENT}
  ${APPROVAL_REQUEST_EVENT_FRAGMENT}
  ${COMMENT_FRAGMENT}
  ${NOTIFICATION_FRAGMENT}
`;

/** What a change touches, for screens that refresh themselves (see `useLiveTopic`). */
export type LiveTopic = 'tasks' | 'comments' | 'approvals' | 'notifications' | 'members' | 'gaps' | 'assets' | 'risks' | 'documents' | 'consistency' | 'audits';

/**
 * The named queries each kind of change makes stale. Only active ones (on screen) are
 * refetched; the screens fetch `cache-and-network`, so an inactive one refreshes when shown.
 */
const STALE_QUERIES: Record<string, readonly string[]> = {
  asset: ['AssetPanel'],
  risk: ['RiskOverview', 'RiskPanel', 'TreatmentPlan', 'SoaPage', 'ConsistencyIssues'],
  riskMatrix: ['RiskOverview', 'RiskPanel', 'TreatmentPlan', 'SoaPage'],
  soaEntry: ['SoaPage', 'ConsistencyIssues', 'MandatoryDocuments'],
  audit: ['AuditsPage', 'AuditDetail', 'AuditBoard', 'CertificationPage'],
  evidenceRequest: ['AuditDetail', 'AuditEvidenceRequests', 'AuditBoard', 'MyWork', 'MyAuditWork'],
  evidence: ['AuditEvidenceRequests', 'AuditFindings'],
  finding: ['AuditDetail', 'AuditFindings', 'AuditBoard', 'CertificationPage'],
  correctiveAction: ['AuditFindings', 'AuditBoard', 'CertificationPage', 'CorrectiveActions', 'MyAuditWork'],
  certification: ['CertificationPage', 'AuditsPage'],
  certificate: ['CertificationPage', 'AuditsPage'],
  // Someone opened or left an audit's live board (no topic: nothing else changed).
  auditPresence: ['AuditPresence'],
  document: ['DocumentPage', 'DocumentVersions', 'DocumentAcknowledgements', 'MandatoryDocuments', 'ConsistencyIssues', 'DocumentsToAcknowledge', 'MyWork'],
  soaVersion: ['SoaPage'],
  course: ['TrainingCourses', 'TrainingCourse', 'TrainingCoverage', 'MyTraining'],
  trainingRecord: ['TrainingCourses', 'TrainingCourse', 'TrainingCoverage', 'MyTraining'],
  objective: ['ObjectivesPage', 'ObjectivePanel', 'IndicatorPage', 'DashboardTrends'],
  indicator: ['ObjectivesPage', 'ObjectivePanel', 'IndicatorPage', 'DashboardTrends'],
  measurement: ['ObjectivesPage', 'ObjectivePanel', 'IndicatorPage', 'DashboardTrends'],
  managementReview: ['ManagementReviews', 'ManagementReviewDetail'],
  managementReviewDecision: ['ManagementReviewDetail', 'ManagementReviews'],
  task: ['MyWork', 'TaskBoardColumn', 'ApprovalsInbox', 'ApprovalPanel'],
  comment: ['TaskComments'],
  approvalRequest: ['ApprovalsInbox', 'ApprovalPanel', 'MyWork', 'TaskPanel', 'DocumentPage', 'DocumentVersions', 'MandatoryDocuments', 'ConsistencyIssues', 'ManagementReviews', 'ManagementReviewDetail'],
  notification: ['NotificationsBell', 'MyWork'],
  member: ['Members', 'Dashboard', 'OrganizationAccess'],
  invitation: ['PendingInvitations'],
  organization: ['OrganizationAccess', 'Viewer', 'Dashboard', 'Members'],
  apiToken: ['ApiTokens'],
};

const TOPIC_OF: Record<string, LiveTopic | undefined> = {
  task: 'tasks',
  comment: 'comments',
  approvalRequest: 'approvals',
  notification: 'notifications',
  member: 'members',
  gapItem: 'gaps',
  asset: 'assets',
  risk: 'risks',
  riskMatrix: 'risks',
  document: 'documents',
  audit: 'audits',
  evidenceRequest: 'audits',
  evidence: 'audits',
  finding: 'audits',
  correctiveAction: 'audits',
  certification: 'audits',
  certificate: 'audits',
  soaEntry: 'consistency',
  soaVersion: 'consistency',
};

/** Every query a live screen depends on: refetched once after a fresh start to close the gap before the stream began. */
const LIVE_QUERIES = new Set(Object.values(STALE_QUERIES).flat().concat(['TasksPage', 'TaskPanel']));

/**
 * Queries that summarise the whole organisation (the readiness dashboard): almost any change may
 * move them, so every event but the personal or purely conversational ones makes them stale.
 */
const WHOLE_ORGANIZATION_QUERIES: readonly string[] = ['ReadinessDashboard'];
const NOT_ABOUT_READINESS = new Set(['notification', 'comment', 'apiToken', 'invitation', 'auditPresence']);
for (const name of WHOLE_ORGANIZATION_QUERIES) LIVE_QUERIES.add(name);

// --- Topics: screens that refresh in their own way (e.g. keeping their loaded pages) -------------

const topicListeners = new Set<{ topic: LiveTopic; callback: () => void }>();

/** Calls back (at most once per burst of events) when something of this topic changed. */
export function useLiveTopic(topic: LiveTopic, callback: () => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const entry = { topic, callback: () => latest.current() };
    topicListeners.add(entry);
    return () => {
      topicListeners.delete(entry);
    };
  }, [topic]);
}

// --- The stream -----------------------------------------------------------------------------------

function storageKey(viewerId: string, organizationId: string): string {
  return `annex.events.${viewerId}.${organizationId}`;
}

function readStoredCursor(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function storeCursor(key: string, cursor: string | null): void {
  try {
    if (cursor === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, cursor);
  } catch {
    // Private mode or storage full: the cursor stays in memory, which covers reconnects.
  }
}

export interface OrganizationEventHandlers {
  /** A notification for the viewer arrived live, of a kind that concerns them directly. */
  onNotification?(notification: NotificationRow): void;
}

/** How long changes are gathered before the stale screens refetch once. */
const FLUSH_MS = 50;

/**
 * One subscription to an organisation's events. It remembers the last cursor (in memory and in
 * sessionStorage, so a reload resumes too) and, when the socket drops, subscribes again with
 * `after` = that cursor: the server replays what was missed exactly once, in order.
 */
class OrganizationEventStream {
  private cursor: string | null;
  private readonly key: string;
  private subscription: Subscription | null = null;
  private generation = 0;
  private stopped = false;
  private reopenedSinceLoss = false;
  /** Opened without a cursor: refetch once connected, for changes between the first load and the stream. */
  private catchUpPending = false;
  /** Events before this moment are replayed history: no toasts, no highlights. */
  private readonly quietBefore: number;
  private readonly recentCursors: string[] = [];
  private staleQueries = new Set<string>();
  private topics = new Set<LiveTopic>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Consecutive failures, for a growing pause between attempts. */
  private failures = 0;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly client: ApolloClient,
    private readonly organizationId: string,
    private readonly viewerId: string,
    private readonly handlers: { current: OrganizationEventHandlers },
  ) {
    this.key = storageKey(viewerId, organizationId);
    this.cursor = readStoredCursor(this.key);
    this.quietBefore = this.cursor ? Date.now() - 2000 : 0;
  }

  start(): void {
    this.unlisten = onSocketLifecycle((event) => this.onSocket(event));
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.unlisten?.();
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private open(options: { catchUp?: boolean } = {}): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.subscription?.unsubscribe();
    const generation = ++this.generation;
    this.catchUpPending = false;
    if (this.cursor === null && options.catchUp !== false) {
      if (isSocketConnected()) this.scheduleCatchUp(false);
      else this.catchUpPending = true;
    }
    this.subscription = this.client
      .subscribe({
        query: ORGANIZATION_EVENTS_SUBSCRIPTION,
        variables: { organizationId: this.organizationId, after: this.cursor },
        context: { queryDeduplication: false },
      })
      .subscribe({
        next: (result) => {
          if (generation !== this.generation) return;
          if (result.error) this.failed(result.error);
          else if (result.data) this.received(result.data.organizationEvents);
        },
        error: (error: unknown) => {
          if (generation === this.generation) this.failed(error);
        },
        complete: () => {
          if (generation === this.generation) this.ended();
        },
      });
  }

  private onSocket(event: SocketLifecycleEvent): void {
    if (this.stopped) return;
    if (event.type === 'lost') {
      // graphql-ws would resend the old subscription (with the old `after`) once reconnected:
      // replace it now, so the new one goes out with the last cursor we processed. Nothing
      // arrives while disconnected, so one replacement per outage is enough.
      if (this.reopenedSinceLoss) return;
      this.reopenedSinceLoss = true;
      setTimeout(() => this.open(), 0);
      return;
    }
    this.reopenedSinceLoss = false;
    if (this.catchUpPending) this.scheduleCatchUp(false);
  }

  /**
   * Subscribed from "now": whatever changed between the screens' last load and the moment the
   * server registered the subscription is refetched once (`everything`: every active query).
   */
  private scheduleCatchUp(everything: boolean): void {
    this.catchUpPending = false;
    setTimeout(() => {
      if (this.stopped) return;
      if (everything) {
        void this.client.refetchObservableQueries().catch(() => undefined);
        return;
      }
      for (const query of this.client.getObservableQueries('active')) {
        if (query.queryName && LIVE_QUERIES.has(query.queryName)) void query.refetch().catch(() => undefined);
      }
    }, 400);
  }

  private received(event: OrganizationEvent): void {
    if (this.recentCursors.includes(event.cursor)) return; // never apply one twice
    this.recentCursors.push(event.cursor);
    if (this.recentCursors.length > 200) this.recentCursors.shift();
    this.cursor = event.cursor;
    this.catchUpPending = false;
    this.failures = 0;
    storeCursor(this.key, event.cursor);
    this.apply(event);
  }

  private apply(event: OrganizationEvent): void {
    const entity = event.type.split('.')[0] ?? event.entityType;
    const byOther = event.actor?.id !== this.viewerId;
    const live = Date.parse(event.at) >= this.quietBefore;
    const cache = this.client.cache;

    for (const name of STALE_QUERIES[entity] ?? []) this.staleQueries.add(name);
    if (!NOT_ABOUT_READINESS.has(entity)) for (const name of WHOLE_ORGANIZATION_QUERIES) this.staleQueries.add(name);
    const topic = TOPIC_OF[entity];
    if (topic) this.topics.add(topic);

    if (!event.node && event.type.endsWith('.deleted')) {
      // Gone: drop it from every list; an open panel refetches and says so.
      cache.evict({ id: cache.identify({ __typename: event.entityType, id: event.entityId }) });
      cache.gc();
      this.staleQueries.add('TaskPanel');
    }
    if (entity === 'member' && event.node && (event.node['user'] as { id?: string } | undefined)?.id === this.viewerId) {
      this.staleQueries.add('Viewer');
    }
    if (entity === 'notification' && event.node && live) {
      const notification = event.node as unknown as NotificationRow;
      if (TOAST_KINDS.has(notification.kind)) this.handlers.current.onNotification?.(notification);
    }
    if (byOther && live && entity !== 'notification') markChanged([event.entityId]);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.stopped) return;
    const stale = this.staleQueries;
    const topics = this.topics;
    this.staleQueries = new Set();
    this.topics = new Set();
    let membersOnScreen = false;
    for (const query of this.client.getObservableQueries('active')) {
      if (!query.queryName || !stale.has(query.queryName)) continue;
      if (query.queryName === 'Members') membersOnScreen = true;
      void query.refetch().catch(() => undefined);
    }
    // The members page reads from the cache first: forget the list so it loads fresh next time.
    if (stale.has('Members') && !membersOnScreen) {
      this.client.cache.evict({ id: this.client.cache.identify({ __typename: 'Organization', id: this.organizationId }), fieldName: 'members' });
    }
    for (const listener of [...topicListeners]) if (topics.has(listener.topic)) listener.callback();
  }

  private failed(error: unknown): void {
    this.generation++; // ignore whatever the failed subscription still sends
    this.subscription?.unsubscribe();
    this.subscription = null;
    const { code, reason } = readApiError(error);
    if (reason === 'CURSOR_EXPIRED' || reason === 'BAD_CURSOR') {
      // The events after our cursor are no longer kept: start from now and reload what is shown.
      this.cursor = null;
      storeCursor(this.key, null);
      this.open({ catchUp: false });
      this.scheduleCatchUp(true);
      return;
    }
    if (code === 'UNAUTHENTICATED') return; // the session ended; the app sends the person to sign in
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') {
      // No longer a member (or the organisation is gone): let the shell find out.
      this.refetchNamed(['OrganizationAccess', 'Viewer']);
      this.retryLater(15_000);
      return;
    }
    this.failures++;
    this.retryLater(Math.min(60_000, 3_000 * 2 ** Math.min(this.failures - 1, 5)));
  }

  /** The server ended the stream (it shuts down, or the membership ended): check access and resume. */
  private ended(): void {
    this.subscription = null;
    this.refetchNamed(['OrganizationAccess']);
    this.retryLater(1_000);
  }

  private retryLater(ms: number): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), ms);
  }

  private refetchNamed(names: readonly string[]): void {
    for (const query of this.client.getObservableQueries('active')) {
      if (query.queryName && names.includes(query.queryName)) void query.refetch().catch(() => undefined);
    }
  }
}

/**
 * Keeps the screens of an organisation live: one event subscription while the organisation is
 * open (the shell calls this), resuming from the last cursor after a reconnect. An empty id
 * (not opened yet, or not accessible) subscribes to nothing.
 */
export function useOrganizationEvents(organizationId: string, viewerId: string, handlers: OrganizationEventHandlers): void {
  const client = useApolloClient();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!organizationId) return;
    const stream = new OrganizationEventStream(client, organizationId, viewerId, latest);
    stream.start();
    return () => stream.stop();
  }, [client, organizationId, viewerId]);
}
