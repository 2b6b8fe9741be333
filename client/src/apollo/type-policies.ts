import type { FieldPolicy, Reference, TypePolicies } from '@apollo/client';

interface Page {
  edges: readonly { node?: Reference | unknown }[];
}

function refOf(edge: { node?: Reference | unknown }): string | null {
  const node = edge.node as Reference | undefined;
  return node && typeof node === 'object' && '__ref' in node ? node.__ref : null;
}

/**
 * One list per set of key arguments; "Load more" (an `after` cursor) appends to it, a fetch
 * without `after` (first load, refetch) replaces it. Offset cursors can repeat a row that moved
 * between two pages: it is kept once.
 */
function appendOnAfter(keyArgs: string[] | false): FieldPolicy<Page> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.['after']) return incoming;
      const seen = new Set(existing.edges.map(refOf).filter(Boolean));
      const fresh = incoming.edges.filter((edge) => {
        const ref = refOf(edge);
        return !ref || !seen.has(ref);
      });
      return { ...incoming, edges: [...existing.edges, ...fresh] };
    },
  };
}

export const typePolicies: TypePolicies = {
  Viewer: {
    keyFields: ['id'],
    fields: {
      // The bell and My work ask for different amounts: each keeps its own list.
      notifications: { keyArgs: ['organizationId', 'unreadOnly', 'first'], merge: false },
      notificationPreferences: { merge: false },
      apiTokens: { merge: false },
      memberships: { merge: false },
    },
  },
  Organization: {
    keyFields: ['id'],
    fields: {
      auditTrail: appendOnAfter(['filter']) as FieldPolicy,
      tasks: appendOnAfter(['filter']) as FieldPolicy,
      approvalRequests: appendOnAfter(['filter']) as FieldPolicy,
      assets: appendOnAfter(['filter']) as FieldPolicy,
      members: { merge: false },
      invitations: { merge: false },
    },
  },
  Task: {
    fields: {
      comments: appendOnAfter(false) as FieldPolicy,
      checklist: { merge: false },
      watchers: { merge: false },
      approvalRequests: { merge: false },
    },
  },
  ApprovalRequest: {
    fields: {
      approvers: { merge: false },
      decisions: { merge: false },
    },
  },
};
