import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { TaskStatus } from '../tasks/task-fragments';

export type GapStatus = 'NOT_STARTED' | 'PARTIAL' | 'IMPLEMENTED' | 'NOT_APPLICABLE';
export type ControlTheme = 'ORGANIZATIONAL' | 'PEOPLE' | 'PHYSICAL' | 'TECHNOLOGICAL';
export type GapKind = 'CLAUSE' | 'CONTROL';

/** A task planned to close a gap, as the gap analysis shows it. */
export interface GapTask {
  __typename?: 'Task';
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  overdue: boolean;
  assignee: { __typename?: 'User'; id: string; name: string } | null;
}

export interface GapItemRow {
  __typename?: 'GapItem';
  id: string;
  ref: string;
  kind: GapKind;
  title: string;
  theme: ControlTheme | null;
  status: GapStatus;
  maturity: number | null;
  score: number | null;
  version: number;
  notes: string;
  evidenceLinks: string[];
  lastAssessedAt: string | null;
  owner: { __typename?: 'User'; id: string; name: string } | null;
  tasks: GapTask[];
}

export interface GapGroupScore {
  __typename?: 'GapGroupScore';
  key: string;
  title: string;
  score: number | null;
  total: number;
  implemented: number;
}

export const GAP_ITEM_FRAGMENT = gql`
  fragment GapItemRow on GapItem {
    id
    ref
    kind
    title
    theme
    status
    maturity
    score
    version
    notes
    evidenceLinks
    lastAssessedAt
    owner {
      id
      name
    }
    tasks {
      id
      title
      status
      dueDate
      overdue
      assignee {
        id
        name
      }
    }
  }
`;

export interface GapAnalysisData {
  organization: {
    __typename?: 'Organization';
    id: string;
    gapAssessment: {
      __typename?: 'GapAssessment';
      score: number | null;
      clauseScores: GapGroupScore[];
      themeScores: GapGroupScore[];
      items: GapItemRow[];
    } | null;
  } | null;
}

/**
 * The whole assessment in one request: the 30 clause requirements and 93 controls are a fixed,
 * small set, so the page filters them in place (instantly) and the panel finds any item by ref.
 */
export const GAP_ANALYSIS_QUERY: TypedDocumentNode<GapAnalysisData, { id: string }> = gql`
  query GapAnalysis($id: ID!) {
    organization(id: $id) {
      id
      gapAssessment {
        score
        clauseScores {
          key
          title
          score
          total
          implemented
        }
        themeScores {
          key
          title
          score
          total
          implemented
        }
        items {
          ...GapItemRow
        }
      }
    }
  }
  ${GAP_ITEM_FRAGMENT}
`;

export interface ControlAttributes {
  controlType?: string[];
  securityProperties?: string[];
  cybersecurityConcepts?: string[];
  operationalCapabilities?: string[];
  securityDomains?: string[];
}

export interface CatalogEntry {
  ref: string;
  title: string;
  summary: string;
  /** Clauses only: the enclosing clause of a third-level sub-clause. */
  parent?: string | null;
  /** Controls only. */
  theme?: ControlTheme;
  attributes?: ControlAttributes;
}

export interface GapCatalogData {
  catalog: {
    __typename?: 'Catalog';
    clauses: { __typename?: 'CatalogClause'; ref: string; title: string; summary: string; parent: string | null }[];
    controls: { __typename?: 'CatalogControl'; ref: string; title: string; theme: ControlTheme; summary: string; attributes: ControlAttributes }[];
  };
}

/** The standard itself (public and unchanging): summaries and attributes, fetched once. */
export const GAP_CATALOG_QUERY: TypedDocumentNode<GapCatalogData, Record<string, never>> = gql`
  query GapCatalog {
    catalog {
      clauses {
        ref
        title
        summary
        parent
      }
      controls {
        ref
        title
        theme
        summary
        attributes
      }
    }
  }
`;

export interface UpdateGapItemInput {
  organizationId: string;
  ref: string;
  version: number;
  status?: GapStatus;
  maturity?: number | null;
  ownerId?: string | null;
  notes?: string;
  evidenceLinks?: string[];
}

const UPDATE_GAP_ITEM: TypedDocumentNode<{ updateGapItem: { item: GapItemRow } }, { input: UpdateGapItemInput }> = gql`
  mutation UpdateGapItem($input: UpdateGapItemInput!) {
    updateGapItem(input: $input) {
      item {
        ...GapItemRow
      }
    }
  }
  ${GAP_ITEM_FRAGMENT}
`;

/** Saves one assessment; the scores are recomputed by the server, so the page reloads them. */
export function useUpdateGapItem() {
  return useMutation(UPDATE_GAP_ITEM, { refetchQueries: ['GapAnalysis'] });
}

export interface PlanGapsInput {
  organizationId: string;
  refs: string[];
  dueDate?: string | null;
  assigneeId?: string | null;
}

export interface PlannedTask {
  __typename?: 'Task';
  id: string;
  title: string;
  dueDate: string | null;
  assignee: { __typename?: 'User'; id: string; name: string } | null;
}

const PLAN_GAPS: TypedDocumentNode<{ planGaps: { tasks: PlannedTask[] } }, { input: PlanGapsInput }> = gql`
  mutation PlanGaps($input: PlanGapsInput!) {
    planGaps(input: $input) {
      tasks {
        id
        title
        dueDate
        assignee {
          id
          name
        }
      }
    }
  }
`;

/** Turns gaps into tasks; the items then list their new tasks. */
export function usePlanGaps() {
  return useMutation(PLAN_GAPS, { refetchQueries: ['GapAnalysis'] });
}
