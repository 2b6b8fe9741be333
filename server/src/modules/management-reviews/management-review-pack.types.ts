import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AuditKind, AuditStatus, CorrectiveActionStatus, FindingKind, RiskLevel, RiskTreatment, TaskStatus } from '@annex/domain';
import { DateScalar, DateTimeScalar } from '../../core/scalars.js';
import { AuditKindEnum, AuditStatusEnum, CorrectiveActionStatusEnum, FindingKindEnum } from '../audits/audit.entity.js';
import { RiskLevelEnum, RiskTreatmentEnum } from '../risks/risk.entity.js';
import { TaskStatusEnum } from '../tasks/task.entity.js';

/*
 * The GraphQL shape of the pack kept as JSON on the review (see management-review-pack.ts): each
 * section carries its figures and when they were computed.
 */

@ObjectType('ManagementReviewPreviousAction', { description: 'A decision of a previous review and the task that tracks it.' })
export class PreviousActionType {
  @Field(() => ID) decisionId!: string;
  @Field(() => ID) reviewId!: string;
  @Field(() => String) reviewTitle!: string;
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => String, { nullable: true }) taskTitle!: string | null;
  @Field(() => TaskStatusEnum, { nullable: true, description: 'Null when the decision was never made a task.' }) taskStatus!: TaskStatus | null;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field(() => DateScalar, { nullable: true }) dueDate!: string | null;
  @Field(() => Boolean) overdue!: boolean;
}

@ObjectType('ManagementReviewPreviousActions', { description: '9.3.2 a: status of actions from previous management reviews.' })
export class PreviousActionsType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int, { description: 'Decisions never made a task.' }) untracked!: number;
  @Field(() => [PreviousActionType]) items!: PreviousActionType[];
}

@ObjectType('ManagementReviewFindingKindCount')
export class FindingKindCountType {
  @Field(() => FindingKindEnum) kind!: FindingKind;
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Raised since the last review.' }) raisedSince!: number;
}

@ObjectType('ManagementReviewCorrectiveActionCount')
export class CorrectiveActionCountType {
  @Field(() => CorrectiveActionStatusEnum) status!: CorrectiveActionStatus;
  @Field(() => Int) count!: number;
}

@ObjectType('ManagementReviewOverdueCorrectiveAction')
export class OverdueCorrectiveActionType {
  @Field(() => ID) correctiveActionId!: string;
  @Field(() => ID) findingId!: string;
  @Field(() => ID) auditId!: string;
  @Field(() => FindingKindEnum) kind!: FindingKind;
  @Field(() => String) requirementRef!: string;
  @Field(() => CorrectiveActionStatusEnum) status!: CorrectiveActionStatus;
  @Field(() => DateScalar) dueDate!: string;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
}

@ObjectType('ManagementReviewQuarter', { description: 'Nonconformities raised and corrective actions verified in a quarter.' })
export class QuarterTrendType {
  @Field(() => String, { description: 'e.g. "2027-Q2".' }) quarter!: string;
  @Field(() => Int) raised!: number;
  @Field(() => Int) closed!: number;
}

@ObjectType('ManagementReviewNonconformities', { description: '9.3.2 d 1: nonconformities and corrective actions.' })
export class NonconformitiesType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => Int, { description: 'Major nonconformities whose corrective action is not verified.' }) openMajor!: number;
  @Field(() => Int, { description: 'Minor nonconformities whose corrective action is not verified.' }) openMinor!: number;
  @Field(() => [FindingKindCountType]) byKind!: FindingKindCountType[];
  @Field(() => [CorrectiveActionCountType]) correctiveActionsByStatus!: CorrectiveActionCountType[];
  @Field(() => Int) overdueCorrectiveActions!: number;
  @Field(() => [OverdueCorrectiveActionType]) overdue!: OverdueCorrectiveActionType[];
  @Field(() => [QuarterTrendType], { description: 'The last four quarters, oldest first.' }) trend!: QuarterTrendType[];
}

@ObjectType('ManagementReviewMeasurement')
export class MeasurementPointType {
  @Field(() => DateScalar) measuredOn!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('ManagementReviewIndicator', { description: 'An indicator against its target when the pack was prepared.' })
export class IndicatorResultType {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) unit!: string;
  @Field(() => Float) target!: number;
  @Field(() => String, { description: 'AT_LEAST or AT_MOST.' }) direction!: string;
  @Field(() => Float, { nullable: true }) lastValue!: number | null;
  @Field(() => DateScalar, { nullable: true }) lastMeasuredOn!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Null when never measured.' }) onTarget!: boolean | null;
  @Field(() => Boolean) measurementDue!: boolean;
  @Field(() => String, { description: 'IMPROVING, STABLE, WORSENING or INSUFFICIENT_DATA.' }) trend!: string;
  @Field(() => [MeasurementPointType], { description: 'The last 12 months, oldest first.' }) series!: MeasurementPointType[];
}

@ObjectType('ManagementReviewMonitoring', { description: '9.3.2 d 2: monitoring and measurement results (indicators against targets).' })
export class MonitoringType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) onTarget!: number;
  @Field(() => Int) offTarget!: number;
  @Field(() => Int) notMeasured!: number;
  @Field(() => Int) measurementDue!: number;
  @Field(() => [IndicatorResultType]) indicators!: IndicatorResultType[];
}

@ObjectType('ManagementReviewAuditResult')
export class AuditResultType {
  @Field(() => ID) auditId!: string;
  @Field(() => AuditKindEnum) kind!: AuditKind;
  @Field(() => String) title!: string;
  @Field(() => AuditStatusEnum) status!: AuditStatus;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateScalar) endDate!: string;
  @Field(() => String, { nullable: true }) leadAuditorName!: string | null;
  @Field(() => Int) majorNonconformities!: number;
  @Field(() => Int) minorNonconformities!: number;
  @Field(() => Int) observations!: number;
  @Field(() => Int) opportunities!: number;
}

@ObjectType('ManagementReviewAuditResults', { description: '9.3.2 d 3: audits reported or closed since the last review.' })
export class AuditResultsType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => [AuditResultType]) audits!: AuditResultType[];
}

@ObjectType('ManagementReviewObjectiveStatusCount')
export class ObjectiveStatusCountType {
  @Field(() => String) status!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('ManagementReviewObjective')
export class ObjectiveResultType {
  @Field(() => ID) objectiveId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'PLANNED, ON_TRACK, AT_RISK, ACHIEVED, MISSED or CANCELLED.' }) status!: string;
  @Field(() => DateScalar, { nullable: true }) targetDate!: string | null;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field(() => Boolean, { nullable: true }) achieved!: boolean | null;
}

@ObjectType('ManagementReviewObjectives', { description: '9.3.2 d 4: fulfilment of information security objectives.' })
export class ObjectivesType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => Int) total!: number;
  @Field(() => [ObjectiveStatusCountType]) byStatus!: ObjectiveStatusCountType[];
  @Field(() => [ObjectiveResultType]) objectives!: ObjectiveResultType[];
}

@ObjectType('ManagementReviewRiskLevelCount')
export class RiskLevelCountType {
  @Field(() => RiskLevelEnum) level!: RiskLevel;
  @Field(() => Int) count!: number;
}

@ObjectType('ManagementReviewRiskTreatmentCount')
export class RiskTreatmentCountType {
  @Field(() => RiskTreatmentEnum, { nullable: true, description: 'Null: no treatment decided.' }) treatment!: RiskTreatment | null;
  @Field(() => Int) count!: number;
}

@ObjectType('ManagementReviewTreatmentTasks', { description: 'The risk treatment plan: tasks whose subject is a risk.' })
export class TreatmentTasksType {
  @Field(() => Int) total!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) done!: number;
  @Field(() => Int) overdue!: number;
}

@ObjectType('ManagementReviewTopRisk')
export class TopRiskType {
  @Field(() => ID) riskId!: string;
  @Field(() => String) title!: string;
  @Field(() => Int, { description: 'Residual score where assessed, else inherent.' }) score!: number;
  @Field(() => RiskLevelEnum) level!: RiskLevel;
  @Field(() => RiskTreatmentEnum, { nullable: true }) treatment!: RiskTreatment | null;
  @Field(() => String, { nullable: true }) ownerName!: string | null;
  @Field(() => Boolean, { description: 'The owner accepted the residual risk (clause 6.1.3 f).' }) accepted!: boolean;
}

@ObjectType('ManagementReviewRisks', { description: '9.3.2 f: results of risk assessment and status of the risk treatment plan.' })
export class RisksType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) acceptanceThreshold!: number;
  @Field(() => [RiskLevelCountType], { description: 'By inherent level.' }) byLevel!: RiskLevelCountType[];
  @Field(() => [RiskLevelCountType], { description: 'By residual level where assessed, else inherent.' }) byResidualLevel!: RiskLevelCountType[];
  @Field(() => Int, { description: 'Residual (or inherent) score above the acceptance threshold.' }) aboveAppetite!: number;
  @Field(() => Int, { description: 'Above the threshold with no treatment decided.' }) untreatedAboveAppetite!: number;
  @Field(() => Int, { description: 'Needing the owner’s acceptance of the residual risk, without it.' }) awaitingAcceptance!: number;
  @Field(() => [RiskTreatmentCountType]) byTreatment!: RiskTreatmentCountType[];
  @Field(() => TreatmentTasksType) treatmentTasks!: TreatmentTasksType;
  @Field(() => [TopRiskType], { description: 'The risks above the threshold, highest first (at most 10).' }) topRisks!: TopRiskType[];
}

@ObjectType('ManagementReviewImprovement')
export class ImprovementItemType {
  @Field(() => ID) findingId!: string;
  @Field(() => ID) auditId!: string;
  @Field(() => String) auditTitle!: string;
  @Field(() => FindingKindEnum) kind!: FindingKind;
  @Field(() => String) requirementRef!: string;
  @Field(() => String) description!: string;
  @Field(() => DateScalar) raisedOn!: string;
}

@ObjectType('ManagementReviewImprovements', { description: '9.3.2 g: opportunities for improvement and observations raised since the last review.' })
export class ImprovementsType {
  @Field(() => DateTimeScalar) computedAt!: string;
  @Field(() => Int) opportunities!: number;
  @Field(() => Int) observations!: number;
  @Field(() => [ImprovementItemType]) items!: ImprovementItemType[];
}

@ObjectType('ManagementReviewPreviousReview')
export class PreviousReviewType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => DateScalar, { nullable: true }) heldOn!: string | null;
}

@ObjectType('ManagementReviewPack', { description: 'The clause 9.3.2 inputs assembled from live data when the pack was prepared.' })
export class ManagementReviewPackType {
  @Field(() => DateTimeScalar) preparedAt!: string;
  @Field(() => DateScalar, { description: 'The day the figures are as of.' }) asOf!: string;
  @Field(() => DateScalar, { description: 'Where "since the last review" starts: the previous review’s meeting, or 12 months back.' }) since!: string;
  @Field(() => PreviousReviewType, { nullable: true }) previousReview!: PreviousReviewType | null;
  @Field(() => PreviousActionsType) previousActions!: PreviousActionsType;
  @Field(() => NonconformitiesType) nonconformities!: NonconformitiesType;
  @Field(() => MonitoringType) monitoring!: MonitoringType;
  @Field(() => AuditResultsType) auditResults!: AuditResultsType;
  @Field(() => ObjectivesType) objectives!: ObjectivesType;
  @Field(() => RisksType) risks!: RisksType;
  @Field(() => ImprovementsType) improvements!: ImprovementsType;
}
