import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { ManagementReviewInputKey, ManagementReviewStatus } from './management-review-words';

interface Person {
  __typename?: 'User';
  id: string;
  name: string;
}

// --- The list -------------------------------------------------------------------------------------

export interface ManagementReviewRow {
  __typename?: 'ManagementReview';
  id: string;
  version: number;
  title: string;
  status: ManagementReviewStatus;
  scheduledOn: string;
  heldOn: string | null;
  location: string;
  signedOn: string | null;
  packPreparedAt: string | null;
  missingInputs: ManagementReviewInputKey[];
  decisions: { __typename?: 'ManagementReviewDecision'; id: string; tracked: boolean }[];
  signedBy: Person[];
}

const MANAGEMENT_REVIEW_ROW_FRAGMENT = gql`
  fragment ManagementReviewRow on ManagementReview {
    id
    version
    title
    status
    scheduledOn
    heldOn
    location
    signedOn
    packPreparedAt
    missingInputs
    decisions {
      id
      tracked
    }
    signedBy {
      id
      name
    }
  }
`;

export const MANAGEMENT_REVIEWS_QUERY: TypedDocumentNode<{ organization: { __typename?: 'Organization'; id: string; managementReviews: ManagementReviewRow[] | null } | null }, { id: string }> = gql`
  query ManagementReviews($id: ID!) {
    organization(id: $id) {
      id
      managementReviews {
        ...ManagementReviewRow
      }
    }
  }
  ${MANAGEMENT_REVIEW_ROW_FRAGMENT}
`;

// --- One review -----------------------------------------------------------------------------------

export interface PackData {
  __typename?: 'ManagementReviewPack';
  preparedAt: string;
  asOf: string;
  since: string;
  previousReview: { id: string; title: string; heldOn: string | null } | null;
  previousActions: {
    computedAt: string;
    total: number;
    open: number;
    done: number;
    cancelled: number;
    overdue: number;
    untracked: number;
    items: Array<{ decisionId: string; reviewId: string; reviewTitle: string; text: string; taskId: string | null; taskTitle: string | null; taskStatus: string | null; ownerName: string | null; dueDate: string | null; overdue: boolean }>;
  };
  nonconformities: {
    computedAt: string;
    openMajor: number;
    openMinor: number;
    overdueCorrectiveActions: number;
    byKind: Array<{ kind: string; total: number; raisedSince: number }>;
    correctiveActionsByStatus: Array<{ status: string; count: number }>;
    overdue: Array<{ correctiveActionId: string; findingId: string; auditId: string; kind: string; requirementRef: string; status: string; dueDate: string; ownerName: string | null }>;
    trend: Array<{ quarter: string; raised: number; closed: number }>;
  };
  monitoring: {
    computedAt: string;
    total: number;
    onTarget: number;
    offTarget: number;
    notMeasured: number;
    measurementDue: number;
    indicators: Array<{ indicatorId: string; name: string; unit: string; target: number; direction: string; lastValue: number | null; lastMeasuredOn: string | null; onTarget: boolean | null; measurementDue: boolean; trend: string; series: Array<{ measuredOn: string; value: number }> }>;
  };
  auditResults: {
    computedAt: string;
    audits: Array<{ auditId: string; kind: string; title: string; status: string; startDate: string; endDate: string; leadAuditorName: string | null; majorNonconformities: number; minorNonconformities: number; observations: number; opportunities: number }>;
  };
  objectives: {
    computedAt: string;
    total: number;
    byStatus: Array<{ status: string; count: number }>;
    objectives: Array<{ objectiveId: string; title: string; status: string; targetDate: string | null; ownerName: string | null; achieved: boolean | null }>;
  };
  risks: {
    computedAt: string;
    total: number;
    acceptanceThreshold: number;
    byLevel: Array<{ level: string; count: number }>;
    byResidualLevel: Array<{ level: string; count: number }>;
    aboveAppetite: number;
    untreatedAboveAppetite: number;
    awaitingAcceptance: number;
    byTreatment: Array<{ treatment: string | null; count: number }>;
    treatmentTasks: { total: number; open: number; done: number; overdue: number };
    topRisks: Array<{ riskId: string; title: string; score: number; level: string; treatment: string | null; ownerName: string | null; accepted: boolean }>;
  };
  improvements: {
    computedAt: string;
    opportunities: number;
    observations: number;
    items: Array<{ findingId: string; auditId: string; auditTitle: string; kind: string; requirementRef: string; description: string; raisedOn: string }>;
  };
}

const PACK_FRAGMENT = gql`
  fragment ManagementReviewPackFields on ManagementReviewPack {
    preparedAt
    asOf
    since
    previousReview {
      id
      title
      heldOn
    }
    previousActions {
      computedAt
      total
      open
      done
      cancelled
      overdue
      untracked
      items {
        decisionId
        reviewId
        reviewTitle
        text
        taskId
        taskTitle
        taskStatus
        ownerName
        dueDate
        overdue
      }
    }
    nonconformities {
      computedAt
      openMajor
      openMinor
      overdueCorrectiveActions
      byKind {
        kind
        total
        raisedSince
      }
      correctiveActionsByStatus {
        status
        count
      }
      overdue {
        correctiveActionId
        findingId
        auditId
        kind
        requirementRef
        status
        dueDate
        ownerName
      }
      trend {
        quarter
        raised
        closed
      }
    }
    monitoring {
      computedAt
      total
      onTarget
      offTarget
      notMeasured
      measurementDue
      indicators {
        indicatorId
        name
        unit
        target
        direction
        lastValue
        lastMeasuredOn
        onTarget
        measurementDue
        trend
        series {
          measuredOn
          value
        }
      }
    }
    auditResults {
      computedAt
      audits {
        auditId
        kind
        title
        status
        startDate
        endDate
        leadAuditorName
        majorNonconformities
        minorNonconformities
        observations
        opportunities
      }
    }
    objectives {
      computedAt
      total
      byStatus {
        status
        count
      }
      objectives {
        objectiveId
        title
        status
        targetDate
        ownerName
        achieved
      }
    }
    risks {
      computedAt
      total
      acceptanceThreshold
      byLevel {
        level
        count
      }
      byResidualLevel {
        level
        count
      }
      aboveAppetite
      untreatedAboveAppetite
      awaitingAcceptance
      byTreatment {
        treatment
        count
      }
      treatmentTasks {
        total
        open
        done
        overdue
      }
      topRisks {
        riskId
        title
        score
        level
        treatment
        ownerName
        accepted
      }
    }
    improvements {
      computedAt
      opportunities
      observations
      items {
        findingId
        auditId
        auditTitle
        kind
        requirementRef
        description
        raisedOn
      }
    }
  }
`;

export interface DecisionRow {
  __typename?: 'ManagementReviewDecision';
  id: string;
  version: number;
  text: string;
  dueDate: string | null;
  tracked: boolean;
  owner: Person | null;
  task: { __typename?: 'Task'; id: string; title: string; status: string; dueDate: string | null; overdue: boolean; assignee: Person | null } | null;
}

export interface SignOffRequest {
  __typename?: 'ApprovalRequest';
  id: string;
  status: string;
  subjectHash: string;
  createdAt: string;
  closedAt: string | null;
  viewerCanDecide: boolean;
  requestedBy: Person;
  approvers: Person[];
  decisions: Array<{ __typename?: 'ApprovalDecision'; id: string; decision: string; comment: string; decidedAt: string; approver: Person }>;
}

export interface ManagementReviewDetail extends ManagementReviewRow {
  minutes: string;
  contextChanges: string;
  interestedPartyFeedback: string;
  frozen: boolean;
  snapshotHash: string | null;
  submittedAt: string | null;
  viewerCanManage: boolean;
  packPreparedBy: Person | null;
  attendees: Array<{ __typename?: 'ManagementReviewAttendee'; userId: string | null; name: string; affiliation: string }>;
  inputs: Array<{ __typename?: 'ManagementReviewInput'; key: ManagementReviewInputKey; clause: string; title: string; source: string; filled: boolean }>;
  pack: PackData | null;
  decisions: DecisionRow[];
  signOffRequest: SignOffRequest | null;
}

const MANAGEMENT_REVIEW_DETAIL_FRAGMENT = gql`
  fragment ManagementReviewDetail on ManagementReview {
    ...ManagementReviewRow
    minutes
    contextChanges
    interestedPartyFeedback
    frozen
    snapshotHash
    submittedAt
    viewerCanManage
    packPreparedBy {
      id
      name
    }
    attendees {
      userId
      name
      affiliation
    }
    inputs {
      key
      clause
      title
      source
      filled
    }
    pack {
      ...ManagementReviewPackFields
    }
    decisions {
      id
      version
      text
      dueDate
      tracked
      owner {
        id
        name
      }
      task {
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
    signOffRequest {
      id
      status
      subjectHash
      createdAt
      closedAt
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
        approver {
          id
          name
        }
      }
    }
  }
  ${MANAGEMENT_REVIEW_ROW_FRAGMENT}
  ${PACK_FRAGMENT}
`;

export const MANAGEMENT_REVIEW_QUERY: TypedDocumentNode<{ node: ManagementReviewDetail | { __typename: string; id: string } | null }, { id: string }> = gql`
  query ManagementReviewDetail($id: ID!) {
    node(id: $id) {
      id
      ...ManagementReviewDetail
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;

export function isManagementReview(node: { __typename?: string } | null | undefined): node is ManagementReviewDetail {
  return node?.__typename === 'ManagementReview';
}

// --- Mutations ------------------------------------------------------------------------------------

const CREATE: TypedDocumentNode<
  { createManagementReview: { managementReview: ManagementReviewDetail } },
  { input: { organizationId: string; title: string; scheduledOn: string; location?: string | null } }
> = gql`
  mutation CreateManagementReview($input: CreateManagementReviewInput!) {
    createManagementReview(input: $input) {
      managementReview {
        ...ManagementReviewDetail
      }
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;
export const useCreateManagementReview = () => useMutation(CREATE, { refetchQueries: ['ManagementReviews'] });

export interface UpdateManagementReviewInput {
  id: string;
  version: number;
  title?: string;
  scheduledOn?: string;
  heldOn?: string | null;
  location?: string;
  attendees?: Array<{ userId?: string | null; name?: string | null; affiliation?: string | null }>;
  minutes?: string;
  contextChanges?: string;
  interestedPartyFeedback?: string;
}

const UPDATE: TypedDocumentNode<{ updateManagementReview: { managementReview: ManagementReviewDetail } }, { input: UpdateManagementReviewInput }> = gql`
  mutation UpdateManagementReview($input: UpdateManagementReviewInput!) {
    updateManagementReview(input: $input) {
      managementReview {
        ...ManagementReviewDetail
      }
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;
export const useUpdateManagementReview = () => useMutation(UPDATE);

const PREPARE: TypedDocumentNode<{ prepareManagementReviewPack: { managementReview: ManagementReviewDetail } }, { input: { managementReviewId: string } }> = gql`
  mutation PrepareManagementReviewPack($input: PrepareManagementReviewPackInput!) {
    prepareManagementReviewPack(input: $input) {
      managementReview {
        ...ManagementReviewDetail
      }
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;
export const usePrepareManagementReviewPack = () => useMutation(PREPARE);

const SUBMIT: TypedDocumentNode<
  { submitManagementReviewForSignOff: { managementReview: ManagementReviewDetail } },
  { input: { managementReviewId: string; approverIds?: string[] | null; dueDate?: string | null; note?: string | null } }
> = gql`
  mutation SubmitManagementReviewForSignOff($input: SubmitManagementReviewForSignOffInput!) {
    submitManagementReviewForSignOff(input: $input) {
      managementReview {
        ...ManagementReviewDetail
      }
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;
export const useSubmitManagementReview = () => useMutation(SUBMIT, { refetchQueries: ['ManagementReviews', 'ApprovalsInbox', 'MyWork'] });

const DELETE: TypedDocumentNode<{ deleteManagementReview: { deletedManagementReviewId: string } }, { input: { id: string } }> = gql`
  mutation DeleteManagementReview($input: DeleteManagementReviewInput!) {
    deleteManagementReview(input: $input) {
      deletedManagementReviewId
    }
  }
`;
export const useDeleteManagementReview = () => useMutation(DELETE, { refetchQueries: ['ManagementReviews'] });

const ADD_DECISION: TypedDocumentNode<
  { addManagementReviewDecision: { decision: { id: string }; managementReview: ManagementReviewDetail } },
  { input: { managementReviewId: string; text: string; ownerId?: string | null; dueDate?: string | null } }
> = gql`
  mutation AddManagementReviewDecision($input: AddManagementReviewDecisionInput!) {
    addManagementReviewDecision(input: $input) {
      decision {
        id
      }
      managementReview {
        ...ManagementReviewDetail
      }
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;
export const useAddDecision = () => useMutation(ADD_DECISION);

const UPDATE_DECISION: TypedDocumentNode<
  { updateManagementReviewDecision: { decision: { id: string; version: number; text: string; dueDate: string | null; owner: Person | null } } },
  { input: { id: string; version: number; text?: string; ownerId?: string | null; dueDate?: string | null } }
> = gql`
  mutation UpdateManagementReviewDecision($input: UpdateManagementReviewDecisionInput!) {
    updateManagementReviewDecision(input: $input) {
      decision {
        id
        version
        text
        dueDate
        owner {
          id
          name
        }
      }
    }
  }
`;
export const useUpdateDecision = () => useMutation(UPDATE_DECISION, { refetchQueries: ['ManagementReviewDetail'] });

const DELETE_DECISION: TypedDocumentNode<{ deleteManagementReviewDecision: { deletedManagementReviewDecisionId: string; managementReview: ManagementReviewDetail } }, { input: { id: string } }> = gql`
  mutation DeleteManagementReviewDecision($input: DeleteManagementReviewDecisionInput!) {
    deleteManagementReviewDecision(input: $input) {
      deletedManagementReviewDecisionId
      managementReview {
        ...ManagementReviewDetail
      }
    }
  }
  ${MANAGEMENT_REVIEW_DETAIL_FRAGMENT}
`;
export const useDeleteDecision = () => useMutation(DELETE_DECISION);

const CREATE_TASK: TypedDocumentNode<
  { createTaskFromManagementReviewDecision: { decision: { id: string; version: number; tracked: boolean }; task: { id: string; title: string } } },
  { input: { decisionId: string; priority?: string | null } }
> = gql`
  mutation CreateTaskFromManagementReviewDecision($input: CreateTaskFromManagementReviewDecisionInput!) {
    createTaskFromManagementReviewDecision(input: $input) {
      decision {
        id
        version
        tracked
      }
      task {
        id
        title
      }
    }
  }
`;
export const useCreateTaskFromDecision = () => useMutation(CREATE_TASK, { refetchQueries: ['ManagementReviewDetail', 'MyWork'] });

const DECIDE: TypedDocumentNode<{ decideApproval: { approvalRequest: { id: string; status: string } } }, { input: { approvalRequestId: string; decision: 'APPROVE' | 'REJECT'; comment?: string | null } }> = gql`
  mutation DecideManagementReviewSignOff($input: DecideApprovalInput!) {
    decideApproval(input: $input) {
      approvalRequest {
        id
        status
      }
    }
  }
`;
export const useDecideSignOff = () => useMutation(DECIDE, { refetchQueries: ['ManagementReviewDetail', 'ManagementReviews', 'ApprovalsInbox', 'MyWork'] });

const CANCEL: TypedDocumentNode<{ cancelApproval: { approvalRequest: { id: string; status: string } } }, { input: { approvalRequestId: string } }> = gql`
  mutation WithdrawManagementReviewSignOff($input: CancelApprovalInput!) {
    cancelApproval(input: $input) {
      approvalRequest {
        id
        status
      }
    }
  }
`;
export const useWithdrawSignOff = () => useMutation(CANCEL, { refetchQueries: ['ManagementReviewDetail', 'ManagementReviews', 'ApprovalsInbox'] });
