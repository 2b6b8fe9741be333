import type { TypePolicies } from '@apollo/client';

interface AuditTrailPage {
  edges: readonly unknown[];
}

export const typePolicies: TypePolicies = {
  Viewer: { keyFields: ['id'] },
  Organization: {
    keyFields: ['id'],
    fields: {
      // One list per filter; "Load more" (an `after` cursor) appends to it.
      auditTrail: {
        keyArgs: ['filter'],
        merge(existing: AuditTrailPage | undefined, incoming: AuditTrailPage, { args }) {
          if (!existing || !args?.['after']) return incoming;
          return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
        },
      },
      members: { merge: false },
      invitations: { merge: false },
    },
  },
};
