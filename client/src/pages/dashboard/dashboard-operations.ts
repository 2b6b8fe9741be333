import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GapGroupScore } from '../gap-analysis/gap-operations';
import type { HeatMapCell, RiskMatrix } from '../risks/risk-operations';
import type { AuditKind } from '../audits/audit-words';
import type { CertificationStatus } from '../certification/certification-operations';

export type ReadinessArea =
  | 'GAP_ANALYSIS'
  | 'STATEMENT_OF_APPLICABILITY'
  | 'RISK_ASSESSMENT'
  | 'MANDATORY_DOCUMENTS'
  | 'ACKNOWLEDGEMENT'
  | 'TRAINING'
  | 'INTERNAL_AUDIT'
  | 'MANAGEMENT_REVIEW'
  | 'NONCONFORMITIES'
  | 'CONSISTENCY';

export interface ReadinessBlockerRow {
  __typename?: 'ReadinessBlocker';
  code: string;
  message: string;
  area: ReadinessArea;
  link: string | null;
}

export interface ReadinessRow {
  __typename?: 'Readiness';
  score: number;
  computedAt: string;
  stage1: { __typename?: 'ReadinessStage'; ready: boolean; blockers: ReadinessBlockerRow[] };
  stage2: { __typename?: 'ReadinessStage'; ready: boolean; blockers: ReadinessBlockerRow[] };
  breakdown: Array<{ __typename?: 'ReadinessAreaScore'; area: ReadinessArea; score: number; weight: number }>;
  nonconformityBurndown: Array<{ __typename?: 'NonconformityBurndownPoint'; weekEnding: string; open: number; overdue: number }>;
  facts: {
    __typename?: 'ReadinessFacts';
    gapScore: number | null;
    soaControls: number;
    soaDecided: number;
    soaApproved: boolean;
    risks: number;
    risksUntreated: number;
    risksUnaccepted: number;
    mandatoryDocumentsRequired: number;
    mandatoryDocumentsMissing: number;
    acknowledgementCoverage: number | null;
    trainingCoverage: number | null;
    trainingOverdue: number;
    lastInternalAuditOn: string | null;
    lastManagementReviewOn: string | null;
    openMajorNonconformities: number;
    openMinorNonconformities: number;
    overdueCorrectiveActions: number;
    consistencyErrors: number;
  };
}

export interface DashboardTaskRow {
  __typename?: 'Task';
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  assignee: { __typename?: 'User'; id: string; name: string } | null;
}

export interface ReadinessDashboardData {
  organization: {
    __typename?: 'Organization';
    id: string;
    readiness?: ReadinessRow | null;
    gapAssessment?: { __typename?: 'GapAssessment'; score: number | null; clauseScores: GapGroupScore[]; themeScores: GapGroupScore[] } | null;
    riskMatrix?: RiskMatrix | null;
    residualHeatMap?: HeatMapCell[] | null;
    certification?: {
      __typename?: 'Certification';
      status: CertificationStatus;
      blockers: Array<{ __typename?: 'CertificationBlocker'; code: string }>;
      certificate: { __typename?: 'Certificate'; id: string; expiresOn: string; certificationBody: string; certificateNumber: string } | null;
      nextAudits: Array<{ __typename?: 'NextAudit'; kind: AuditKind; dueOn: string; audit: { __typename?: 'Audit'; id: string; title: string; startDate: string } | null }>;
    } | null;
    dueThisWeek?: { __typename?: 'TaskConnection'; totalCount: number; edges: Array<{ __typename?: 'TaskEdge'; node: DashboardTaskRow }> } | null;
    overdueTasks?: { __typename?: 'TaskConnection'; totalCount: number; edges: Array<{ __typename?: 'TaskEdge'; node: DashboardTaskRow }> } | null;
  } | null;
}

export interface ReadinessDashboardVars {
  id: string;
  weekEnd: string;
  readiness: boolean;
  gap: boolean;
  risk: boolean;
  certification: boolean;
  tasks: boolean;
}

const DASHBOARD_TASK = gql`
  fragment DashboardTask on Task {
    id
    title
    status
    dueDate
    assignee {
      id
      name
    }
  }
`;

/**
 * Everything the dashboard shows in one request; the parts the viewer's role may not read are
 * left out (`@include`), not asked for and refused. Refetched on every change of the organisation.
 */
export const READINESS_DASHBOARD_QUERY: TypedDocumentNode<ReadinessDashboardData, ReadinessDashboardVars> = gql`
  query ReadinessDashboard($id: ID!, $weekEnd: Date!, $readiness: Boolean!, $gap: Boolean!, $risk: Boolean!, $certification: Boolean!, $tasks: Boolean!) {
    organization(id: $id) {
      id
      readiness @include(if: $readiness) {
        score
        computedAt
        stage1 {
          ready
          blockers {
            code
            message
            area
            link
          }
        }
        stage2 {
          ready
          blockers {
            code
            message
            area
            link
          }
        }
        breakdown {
          area
          score
          weight
        }
        nonconformityBurndown {
          weekEnding
          open
          overdue
        }
        facts {
          gapScore
          soaControls
          soaDecided
          soaApproved
          risks
          risksUntreated
          risksUnaccepted
          mandatoryDocumentsRequired
          mandatoryDocumentsMissing
          acknowledgementCoverage
          trainingCoverage
          trainingOverdue
          lastInternalAuditOn
          lastManagementReviewOn
          openMajorNonconformities
          openMinorNonconformities
          overdueCorrectiveActions
          consistencyErrors
        }
      }
      gapAssessment @include(if: $gap) {
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
      }
      riskMatrix @include(if: $risk) {
        likelihoodLabels
        impactLabels
        acceptanceThreshold
        version
      }
      residualHeatMap: riskHeatMap(residual: true) @include(if: $risk) {
        likelihood
        impact
        count
      }
      certification @include(if: $certification) {
        status
        blockers {
          code
        }
        certificate {
          id
          expiresOn
          certificationBody
          certificateNumber
        }
        nextAudits {
          kind
          dueOn
          audit {
            id
            title
            startDate
          }
        }
      }
      dueThisWeek: tasks(first: 8, filter: { status: [OPEN, IN_PROGRESS, BLOCKED], dueBefore: $weekEnd, overdue: false }) @include(if: $tasks) {
        totalCount
        edges {
          node {
            ...DashboardTask
          }
        }
      }
      overdueTasks: tasks(first: 8, filter: { overdue: true }) @include(if: $tasks) {
        totalCount
        edges {
          node {
            ...DashboardTask
          }
        }
      }
    }
  }
  ${DASHBOARD_TASK}
`;

export const AREA_LABELS: Record<ReadinessArea, string> = {
  GAP_ANALYSIS: 'Gap analysis',
  STATEMENT_OF_APPLICABILITY: 'Statement of Applicability',
  RISK_ASSESSMENT: 'Risk assessment and treatment',
  MANDATORY_DOCUMENTS: 'Mandatory documents',
  ACKNOWLEDGEMENT: 'Policy acknowledgement',
  TRAINING: 'Training and awareness',
  INTERNAL_AUDIT: 'Internal audit (12 months)',
  MANAGEMENT_REVIEW: 'Management review (12 months)',
  NONCONFORMITIES: 'Non-conformities',
  CONSISTENCY: 'Consistency',
};

/** Where each area is worked on, relative to the organisation. */
export const AREA_LINKS: Record<ReadinessArea, string> = {
  GAP_ANALYSIS: 'gap-analysis',
  STATEMENT_OF_APPLICABILITY: 'statement-of-applicability',
  RISK_ASSESSMENT: 'risks',
  MANDATORY_DOCUMENTS: 'documents',
  ACKNOWLEDGEMENT: 'documents',
  TRAINING: 'training',
  INTERNAL_AUDIT: 'audits',
  MANAGEMENT_REVIEW: 'management-reviews',
  NONCONFORMITIES: 'certification',
  CONSISTENCY: 'documents',
};
