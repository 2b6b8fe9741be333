import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import type { ApprovalStatus, TaskStatus } from '../tasks/task-fragments';
import type { OrderDirection, RiskLevel, RiskOrderField, RiskTreatment } from './risk-words';

export interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface RiskMatrix {
  __typename?: 'RiskMatrix';
  likelihoodLabels: string[];
  impactLabels: string[];
  acceptanceThreshold: number;
  version: number;
}

export interface HeatMapCell {
  __typename?: 'RiskHeatMapCell';
  likelihood: number;
  impact: number;
  count: number;
}

export interface ControlRef {
  __typename?: 'CatalogControl';
  ref: string;
  title: string;
}

export interface RiskTaskRow {
  __typename?: 'Task';
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  overdue: boolean;
  assignee: PersonRef | null;
}

/** What a row of the register shows. */
export interface RiskRow {
  __typename?: 'Risk';
  id: string;
  version: number;
  title: string;
  threat: string;
  likelihood: number;
  impact: number;
  inherentScore: number;
  level: RiskLevel;
  treatment: RiskTreatment | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  residualLevel: RiskLevel | null;
  aboveThreshold: boolean;
  needsAcceptance: boolean;
  acceptance: { __typename?: 'ApprovalRequest'; id: string; status: ApprovalStatus } | null;
  approvalRequests: { __typename?: 'ApprovalRequest'; id: string; status: ApprovalStatus; createdAt: string }[];
  controls: ControlRef[];
  assets: { __typename?: 'Asset'; id: string; name: string }[];
  owner: PersonRef | null;
  reviewDate: string | null;
  viewerCanEdit: boolean;
}

export const RISK_ROW_FRAGMENT = gql`
  fragment RiskRow on Risk {
    id
    version
    title
    threat
    likelihood
    impact
    inherentScore
    level
    treatment
    residualLikelihood
    residualImpact
    residualScore
    residualLevel
    aboveThreshold
    needsAcceptance
    acceptance {
      id
      status
    }
    approvalRequests {
      id
      status
      createdAt
    }
    controls {
      ref
      title
    }
    assets {
      id
      name
    }
    owner {
      id
      name
    }
    reviewDate
    viewerCanEdit
  }
`;

const RISK_TASK_FRAGMENT = gql`
  fragment RiskTaskRow on Task {
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
`;

export interface RiskPlanRow extends RiskRow {
  tasks: RiskTaskRow[];
}

export interface RiskApprovalRow {
  __typename?: 'ApprovalRequest';
  id: string;
  status: ApprovalStatus;
  createdAt: string;
  closedAt: string | null;
  note: string;
  dueDate: string | null;
  requestedBy: PersonRef;
  approvers: PersonRef[];
  decisions: {
    __typename?: 'ApprovalDecision';
    id: string;
    decision: 'APPROVE' | 'REJECT';
    comment: string;
    decidedAt: string;
    approver: PersonRef;
  }[];
}

/** Everything the risk panel shows. */
export interface RiskDetail extends Omit<RiskRow, 'approvalRequests'> {
  description: string;
  vulnerability: string;
  createdAt: string;
  updatedAt: string;
  tasks: RiskTaskRow[];
  approvalRequests: (RiskRow['approvalRequests'][number] & RiskApprovalRow)[];
}

export const RISK_DETAIL_FRAGMENT = gql`
  fragment RiskDetail on Risk {
    ...RiskRow
    description
    vulnerability
    createdAt
    updatedAt
    tasks {
      ...RiskTaskRow
    }
    approvalRequests {
      id
      status
      createdAt
      closedAt
      note
      dueDate
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
        approver {
          id
          name
        }
      }
    }
  }
  ${RISK_ROW_FRAGMENT}
  ${RISK_TASK_FRAGMENT}
`;

// --- The overview: the matrix and both heat maps --------------------------------------------------

interface RiskOverviewData {
  organization: {
    __typename?: 'Organization';
    id: string;
    riskMatrix: RiskMatrix | null;
    inherentHeatMap: HeatMapCell[] | null;
    residualHeatMap: HeatMapCell[] | null;
  } | null;
}

export const RISK_OVERVIEW_QUERY: TypedDocumentNode<RiskOverviewData, { id: string }> = gql`
  query RiskOverview($id: ID!) {
    organization(id: $id) {
      id
      riskMatrix {
        likelihoodLabels
        impactLabels
        acceptanceThreshold
        version
      }
      inherentHeatMap: riskHeatMap {
        likelihood
        impact
        count
      }
      residualHeatMap: riskHeatMap(residual: true) {
        likelihood
        impact
        count
      }
    }
  }
`;

// --- The register ---------------------------------------------------------------------------------

export interface RiskFilterInput {
  level?: RiskLevel[];
  treatment?: RiskTreatment[];
  ownerId?: string;
  assetId?: string;
  controlRef?: string;
  aboveThreshold?: boolean;
  search?: string;
}

export interface RiskOrderInput {
  field: RiskOrderField;
  direction: OrderDirection;
}

export interface RiskConnection<Row> {
  __typename?: 'RiskConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  edges: { __typename?: 'RiskEdge'; cursor: string; node: Row }[];
}

export interface RisksData<Row> {
  organization: { __typename?: 'Organization'; id: string; risks: RiskConnection<Row> | null } | null;
}

export interface RisksVariables {
  id: string;
  first: number;
  after?: string | null;
  filter: RiskFilterInput;
  orderBy: RiskOrderInput | null;
}

export const RISKS_PAGE_SIZE = 50;

export const RISK_REGISTER_QUERY: TypedDocumentNode<RisksData<RiskRow>, RisksVariables> = gql`
  query RiskRegister($id: ID!, $first: Int!, $after: String, $filter: RiskFilter, $orderBy: RiskOrder) {
    organization(id: $id) {
      id
      risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...RiskRow
          }
        }
      }
    }
  }
  ${RISK_ROW_FRAGMENT}
`;

/** The risks being treated, with their controls and tasks. */
export const TREATMENT_PLAN_QUERY: TypedDocumentNode<RisksData<RiskPlanRow>, RisksVariables> = gql`
  query TreatmentPlan($id: ID!, $first: Int!, $after: String, $filter: RiskFilter, $orderBy: RiskOrder) {
    organization(id: $id) {
      id
      risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...RiskRow
            tasks {
              ...RiskTaskRow
            }
          }
        }
      }
    }
  }
  ${RISK_ROW_FRAGMENT}
  ${RISK_TASK_FRAGMENT}
`;

/**
 * "Load more" without a cache field policy for `risks`: the next page is appended to the list
 * the query already holds (offset cursors can repeat a row that moved: it is kept once).
 */
export function appendRiskPage<Row extends { id: string }>(previous: RisksData<Row>, next: RisksData<Row> | undefined): RisksData<Row> {
  const before = previous.organization?.risks;
  const after = next?.organization?.risks;
  if (!previous.organization || !before || !after) return previous;
  const seen = new Set(before.edges.map((edge) => edge.node.id));
  return {
    ...previous,
    organization: {
      ...previous.organization,
      risks: { ...after, edges: [...before.edges, ...after.edges.filter((edge) => !seen.has(edge.node.id))] },
    },
  };
}

// --- The panel ------------------------------------------------------------------------------------

type RiskNode = RiskDetail & { __typename: 'Risk' };

export const RISK_PANEL_QUERY: TypedDocumentNode<{ node: RiskNode | { __typename: string; id: string } | null }, { id: string }> = gql`
  query RiskPanel($id: ID!) {
    node(id: $id) {
      id
      ... on Risk {
        ...RiskDetail
      }
    }
  }
  ${RISK_DETAIL_FRAGMENT}
`;

export function isRiskNode(node: { __typename?: string } | null | undefined): node is RiskNode {
  return node?.__typename === 'Risk';
}

// --- Pickers: the Annex A controls and the organisation's assets ----------------------------------

export interface CatalogControlOption {
  __typename?: 'CatalogControl';
  ref: string;
  title: string;
  theme: 'ORGANIZATIONAL' | 'PEOPLE' | 'PHYSICAL' | 'TECHNOLOGICAL';
}

interface RiskPickersData {
  catalog: { __typename?: 'Catalog'; controls: CatalogControlOption[] };
  organization: {
    __typename?: 'Organization';
    id: string;
    assets: { __typename?: 'AssetConnection'; edges: { __typename?: 'AssetEdge'; node: { __typename?: 'Asset'; id: string; name: string } }[] } | null;
  } | null;
}

/** Assets may be null (FORBIDDEN) for roles without asset:read: read with errorPolicy "all". */
export const RISK_PICKERS_QUERY: TypedDocumentNode<RiskPickersData, { id: string }> = gql`
  query RiskPickers($id: ID!) {
    catalog {
      controls {
        ref
        title
        theme
      }
    }
    organization(id: $id) {
      id
      assets(first: 100, filter: { search: "" }) {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  }
`;

// --- Changes to the list (create, delete, re-scoring) ---------------------------------------------

const listListeners = new Set<() => void>();

/** Risks were added, removed or re-scored: lists reload the rows they show. */
export function announceRiskListChanged(): void {
  for (const listener of [...listListeners]) listener();
}

export function useRiskListChanged(callback: () => void): void {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const listener = () => latest.current();
    listListeners.add(listener);
    return () => {
      listListeners.delete(listener);
    };
  }, []);
}

/** Queries that summarise all risks: refetched after a change of ours. */
const RISK_SUMMARY_QUERIES = ['RiskOverview', 'TreatmentPlan', 'SoaPage'];

// --- Mutations ------------------------------------------------------------------------------------

export interface RiskFieldsInput {
  title?: string;
  description?: string;
  threat?: string;
  vulnerability?: string;
  assetIds?: string[];
  likelihood?: number;
  impact?: number;
  treatment?: RiskTreatment | null;
  controlRefs?: string[];
  ownerId?: string | null;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  reviewDate?: string | null;
}

export interface CreateRiskInput extends RiskFieldsInput {
  organizationId: string;
  title: string;
  likelihood: number;
  impact: number;
}

export interface UpdateRiskInput extends RiskFieldsInput {
  id: string;
  version: number;
}

const CREATE_RISK: TypedDocumentNode<{ createRisk: { risk: RiskDetail } }, { input: CreateRiskInput }> = gql`
  mutation CreateRisk($input: CreateRiskInput!) {
    createRisk(input: $input) {
      risk {
        ...RiskDetail
      }
    }
  }
  ${RISK_DETAIL_FRAGMENT}
`;

export function useCreateRisk() {
  return useMutation(CREATE_RISK, {
    refetchQueries: RISK_SUMMARY_QUERIES,
    onCompleted: () => announceRiskListChanged(),
  });
}

const UPDATE_RISK: TypedDocumentNode<{ updateRisk: { risk: RiskDetail } }, { input: UpdateRiskInput }> = gql`
  mutation UpdateRisk($input: UpdateRiskInput!) {
    updateRisk(input: $input) {
      risk {
        ...RiskDetail
      }
    }
  }
  ${RISK_DETAIL_FRAGMENT}
`;

/** The risk comes back with its new version: every row and panel showing it updates in place. */
export function useUpdateRisk() {
  return useMutation(UPDATE_RISK, { refetchQueries: RISK_SUMMARY_QUERIES });
}

const DELETE_RISK: TypedDocumentNode<{ deleteRisk: { deletedRiskId: string } }, { input: { id: string } }> = gql`
  mutation DeleteRisk($input: DeleteRiskInput!) {
    deleteRisk(input: $input) {
      deletedRiskId
    }
  }
`;

export function useDeleteRisk() {
  return useMutation(DELETE_RISK, {
    update(cache, { data }) {
      const id = data?.deleteRisk.deletedRiskId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Risk', id }) });
      cache.gc();
    },
    refetchQueries: RISK_SUMMARY_QUERIES,
    onCompleted: () => announceRiskListChanged(),
  });
}

export interface UpdateRiskMatrixInput {
  organizationId: string;
  likelihoodLabels: string[];
  impactLabels: string[];
  acceptanceThreshold: number;
  version: number;
}

const UPDATE_RISK_MATRIX: TypedDocumentNode<{ updateRiskMatrix: { riskMatrix: RiskMatrix } }, { input: UpdateRiskMatrixInput }> = gql`
  mutation UpdateRiskMatrix($input: UpdateRiskMatrixInput!) {
    updateRiskMatrix(input: $input) {
      riskMatrix {
        likelihoodLabels
        impactLabels
        acceptanceThreshold
        version
      }
    }
  }
`;

/** Every risk is re-scored: everything that shows risks loads again. */
export function useUpdateRiskMatrix() {
  return useMutation(UPDATE_RISK_MATRIX, {
    refetchQueries: [...RISK_SUMMARY_QUERIES, 'RiskPanel'],
    onCompleted: () => announceRiskListChanged(),
  });
}

const REQUEST_RISK_ACCEPTANCE: TypedDocumentNode<
  { requestApproval: { approvalRequest: { __typename?: 'ApprovalRequest'; id: string; status: ApprovalStatus } } },
  { input: { subjectId: string; approverIds: string[]; note?: string; dueDate?: string | null } }
> = gql`
  mutation RequestRiskAcceptance($input: RequestApprovalInput!) {
    requestApproval(input: $input) {
      approvalRequest {
        id
        status
      }
    }
  }
`;

export function useRequestRiskAcceptance() {
  return useMutation(REQUEST_RISK_ACCEPTANCE, { refetchQueries: ['RiskPanel', 'ApprovalsInbox', 'MyWork'], awaitRefetchQueries: true });
}

export interface CreateTreatmentTaskInput {
  organizationId: string;
  subjectId: string;
  title: string;
  assigneeId?: string | null;
  dueDate?: string | null;
}

const CREATE_TREATMENT_TASK: TypedDocumentNode<{ createTask: { task: RiskTaskRow } }, { input: CreateTreatmentTaskInput }> = gql`
  mutation CreateTreatmentTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        ...RiskTaskRow
      }
    }
  }
  ${RISK_TASK_FRAGMENT}
`;

export function useCreateTreatmentTask() {
  return useMutation(CREATE_TREATMENT_TASK, { refetchQueries: ['RiskPanel', 'TreatmentPlan', 'TasksPage', 'MyWork'], awaitRefetchQueries: true });
}

/** The register as CSV, every risk whatever the filters. */
export function risksExportHref(organizationId: string): string {
  return `/exports/organizations/${encodeURIComponent(organizationId)}/risks.csv`;
}
