import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { IndicatorDirection, IndicatorFrequency, IndicatorTrend, ObjectiveOutcome, ObjectiveStatus } from './objective-words';

export interface Person {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface SeriesPoint {
  __typename?: 'IndicatorPoint';
  measuredOn: string;
  value: number;
}

// --- Indicators -----------------------------------------------------------------------------------

export interface IndicatorRow {
  __typename?: 'Indicator';
  id: string;
  version: number;
  name: string;
  description: string;
  unit: string;
  target: number;
  direction: IndicatorDirection;
  frequency: IndicatorFrequency;
  owner: Person | null;
  lastValue: number | null;
  lastMeasuredOn: string | null;
  onTarget: boolean | null;
  measurementDue: boolean;
  nextMeasurementDueOn: string;
  trend: IndicatorTrend;
  viewerCanMeasure: boolean;
  series: SeriesPoint[];
}

export const INDICATOR_ROW_FRAGMENT = gql`
  fragment IndicatorRow on Indicator {
    id
    version
    name
    description
    unit
    target
    direction
    frequency
    owner {
      id
      name
    }
    lastValue
    lastMeasuredOn
    onTarget
    measurementDue
    nextMeasurementDueOn
    trend
    viewerCanMeasure
    series {
      measuredOn
      value
    }
  }
`;

export interface MeasurementRow {
  __typename?: 'Measurement';
  id: string;
  version: number;
  value: number;
  measuredOn: string;
  note: string;
  onTarget: boolean;
  recordedAt: string;
  correctedAt: string | null;
  recordedBy: Person | null;
  correctedBy: Person | null;
}

export interface IndicatorDetail extends IndicatorRow {
  createdOn: string;
  measurements: MeasurementRow[];
  objectives: { __typename?: 'Objective'; id: string; title: string; status: ObjectiveStatus }[];
}

const INDICATOR_DETAIL_FRAGMENT = gql`
  fragment IndicatorDetail on Indicator {
    ...IndicatorRow
    createdOn
    measurements {
      id
      version
      value
      measuredOn
      note
      onTarget
      recordedAt
      correctedAt
      recordedBy {
        id
        name
      }
      correctedBy {
        id
        name
      }
    }
    objectives {
      id
      title
      status
    }
  }
  ${INDICATOR_ROW_FRAGMENT}
`;

// --- Objectives -----------------------------------------------------------------------------------

export interface ObjectiveRow {
  __typename?: 'Objective';
  id: string;
  version: number;
  title: string;
  description: string;
  status: ObjectiveStatus;
  statusReason: string;
  achieved: boolean | null;
  outcome: ObjectiveOutcome | null;
  outcomeNote: string;
  closedOn: string | null;
  targetDate: string | null;
  overdue: boolean;
  owner: Person | null;
  controls: { __typename?: 'ObjectiveControl'; ref: string; title: string }[];
  risks: { __typename?: 'Risk'; id: string; title: string; level: string }[];
  indicators: {
    __typename?: 'Indicator';
    id: string;
    name: string;
    unit: string;
    target: number;
    direction: IndicatorDirection;
    onTarget: boolean | null;
    measurementDue: boolean;
    lastValue: number | null;
    series: SeriesPoint[];
  }[];
}

export const OBJECTIVE_ROW_FRAGMENT = gql`
  fragment ObjectiveRow on Objective {
    id
    version
    title
    description
    status
    statusReason
    achieved
    outcome
    outcomeNote
    closedOn
    targetDate
    overdue
    owner {
      id
      name
    }
    controls {
      ref
      title
    }
    risks {
      id
      title
      level
    }
    indicators {
      id
      name
      unit
      target
      direction
      onTarget
      measurementDue
      lastValue
      series {
        measuredOn
        value
      }
    }
  }
`;

// --- The page -------------------------------------------------------------------------------------

export interface ObjectivesPageData {
  organization: {
    __typename?: 'Organization';
    id: string;
    objectives: ObjectiveRow[] | null;
    indicators: IndicatorRow[] | null;
  } | null;
}

export const OBJECTIVES_PAGE_QUERY: TypedDocumentNode<ObjectivesPageData, { id: string }> = gql`
  query ObjectivesPage($id: ID!) {
    organization(id: $id) {
      id
      objectives {
        ...ObjectiveRow
      }
      indicators {
        ...IndicatorRow
      }
    }
  }
  ${OBJECTIVE_ROW_FRAGMENT}
  ${INDICATOR_ROW_FRAGMENT}
`;

export const OBJECTIVE_PANEL_QUERY: TypedDocumentNode<{ node: (ObjectiveRow & { __typename: 'Objective' }) | { __typename: string; id: string } | null }, { id: string }> = gql`
  query ObjectivePanel($id: ID!) {
    node(id: $id) {
      id
      ... on Objective {
        ...ObjectiveRow
      }
    }
  }
  ${OBJECTIVE_ROW_FRAGMENT}
`;

export function isObjectiveNode(node: { __typename: string } | null | undefined): node is ObjectiveRow & { __typename: 'Objective' } {
  return node?.__typename === 'Objective';
}

export const INDICATOR_PAGE_QUERY: TypedDocumentNode<{ node: (IndicatorDetail & { __typename: 'Indicator' }) | { __typename: string; id: string } | null }, { id: string }> = gql`
  query IndicatorPage($id: ID!) {
    node(id: $id) {
      id
      ... on Indicator {
        ...IndicatorDetail
      }
    }
  }
  ${INDICATOR_DETAIL_FRAGMENT}
`;

export function isIndicatorNode(node: { __typename: string } | null | undefined): node is IndicatorDetail & { __typename: 'Indicator' } {
  return node?.__typename === 'Indicator';
}

/** The risks an objective can be linked to (roles without risk:read get none). */
export const OBJECTIVE_PICKERS_QUERY: TypedDocumentNode<
  {
    catalog: { controls: { ref: string; title: string; theme: 'ORGANIZATIONAL' | 'PEOPLE' | 'PHYSICAL' | 'TECHNOLOGICAL' }[] };
    organization: { id: string; risks: { edges: { node: { id: string; title: string } }[] } | null; indicators: { id: string; name: string; unit: string }[] | null } | null;
  },
  { id: string }
> = gql`
  query ObjectivePickers($id: ID!) {
    catalog {
      controls {
        ref
        title
        theme
      }
    }
    organization(id: $id) {
      id
      risks(first: 100, orderBy: { field: TITLE, direction: ASC }) {
        edges {
          node {
            id
            title
          }
        }
      }
      indicators {
        id
        name
        unit
      }
    }
  }
`;

// --- Mutations ------------------------------------------------------------------------------------

/** Every list and panel a change of objectives or indicators makes stale. */
const OBJECTIVE_QUERIES = ['ObjectivesPage', 'ObjectivePanel', 'IndicatorPage'];

export interface ObjectiveFieldsInput {
  title?: string;
  description?: string;
  ownerId?: string | null;
  targetDate?: string | null;
  riskIds?: string[];
  controlRefs?: string[];
  indicatorIds?: string[];
  outcome?: ObjectiveOutcome | null;
  outcomeNote?: string;
}

const CREATE_OBJECTIVE: TypedDocumentNode<{ createObjective: { objective: ObjectiveRow } }, { input: ObjectiveFieldsInput & { organizationId: string; title: string } }> = gql`
  mutation CreateObjective($input: CreateObjectiveInput!) {
    createObjective(input: $input) {
      objective {
        ...ObjectiveRow
      }
    }
  }
  ${OBJECTIVE_ROW_FRAGMENT}
`;

export function useCreateObjective() {
  return useMutation(CREATE_OBJECTIVE, { refetchQueries: OBJECTIVE_QUERIES });
}

const UPDATE_OBJECTIVE: TypedDocumentNode<{ updateObjective: { objective: ObjectiveRow } }, { input: ObjectiveFieldsInput & { id: string; version: number } }> = gql`
  mutation UpdateObjective($input: UpdateObjectiveInput!) {
    updateObjective(input: $input) {
      objective {
        ...ObjectiveRow
      }
    }
  }
  ${OBJECTIVE_ROW_FRAGMENT}
`;

export function useUpdateObjective() {
  return useMutation(UPDATE_OBJECTIVE, { refetchQueries: ['ObjectivesPage', 'IndicatorPage'] });
}

const DELETE_OBJECTIVE: TypedDocumentNode<{ deleteObjective: { deletedObjectiveId: string } }, { input: { id: string } }> = gql`
  mutation DeleteObjective($input: DeleteObjectiveInput!) {
    deleteObjective(input: $input) {
      deletedObjectiveId
    }
  }
`;

export function useDeleteObjective() {
  return useMutation(DELETE_OBJECTIVE, {
    update(cache, { data }) {
      const id = data?.deleteObjective.deletedObjectiveId;
      if (id) {
        cache.evict({ id: cache.identify({ __typename: 'Objective', id }) });
        cache.gc();
      }
    },
    refetchQueries: ['ObjectivesPage'],
  });
}

export interface IndicatorFieldsInput {
  name?: string;
  description?: string;
  unit?: string;
  target?: number;
  direction?: IndicatorDirection;
  frequency?: IndicatorFrequency;
  ownerId?: string | null;
  objectiveIds?: string[];
}

const CREATE_INDICATOR: TypedDocumentNode<
  { createIndicator: { indicator: IndicatorRow } },
  { input: IndicatorFieldsInput & { organizationId: string; name: string; unit: string; target: number; direction: IndicatorDirection; frequency: IndicatorFrequency } }
> = gql`
  mutation CreateIndicator($input: CreateIndicatorInput!) {
    createIndicator(input: $input) {
      indicator {
        ...IndicatorRow
      }
    }
  }
  ${INDICATOR_ROW_FRAGMENT}
`;

export function useCreateIndicator() {
  return useMutation(CREATE_INDICATOR, { refetchQueries: OBJECTIVE_QUERIES });
}

const UPDATE_INDICATOR: TypedDocumentNode<{ updateIndicator: { indicator: IndicatorRow } }, { input: IndicatorFieldsInput & { id: string; version: number } }> = gql`
  mutation UpdateIndicator($input: UpdateIndicatorInput!) {
    updateIndicator(input: $input) {
      indicator {
        ...IndicatorRow
      }
    }
  }
  ${INDICATOR_ROW_FRAGMENT}
`;

export function useUpdateIndicator() {
  return useMutation(UPDATE_INDICATOR, { refetchQueries: OBJECTIVE_QUERIES });
}

const DELETE_INDICATOR: TypedDocumentNode<{ deleteIndicator: { deletedIndicatorId: string } }, { input: { id: string } }> = gql`
  mutation DeleteIndicator($input: DeleteIndicatorInput!) {
    deleteIndicator(input: $input) {
      deletedIndicatorId
    }
  }
`;

export function useDeleteIndicator() {
  return useMutation(DELETE_INDICATOR, {
    update(cache, { data }) {
      const id = data?.deleteIndicator.deletedIndicatorId;
      if (id) {
        cache.evict({ id: cache.identify({ __typename: 'Indicator', id }) });
        cache.gc();
      }
    },
    refetchQueries: ['ObjectivesPage'],
  });
}

const RECORD_MEASUREMENT: TypedDocumentNode<
  { recordMeasurement: { measurement: { id: string; value: number; measuredOn: string; onTarget: boolean } } },
  { input: { indicatorId: string; value: number; measuredOn: string; note?: string } }
> = gql`
  mutation RecordMeasurement($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) {
      measurement {
        id
        value
        measuredOn
        onTarget
      }
    }
  }
`;

export function useRecordMeasurement() {
  return useMutation(RECORD_MEASUREMENT, { refetchQueries: OBJECTIVE_QUERIES, awaitRefetchQueries: true });
}

const CORRECT_MEASUREMENT: TypedDocumentNode<
  { correctMeasurement: { measurement: { id: string; version: number; value: number; measuredOn: string; note: string } } },
  { input: { id: string; version: number; value?: number; measuredOn?: string; note?: string; reason: string } }
> = gql`
  mutation CorrectMeasurement($input: CorrectMeasurementInput!) {
    correctMeasurement(input: $input) {
      measurement {
        id
        version
        value
        measuredOn
        note
      }
    }
  }
`;

export function useCorrectMeasurement() {
  return useMutation(CORRECT_MEASUREMENT, { refetchQueries: OBJECTIVE_QUERIES, awaitRefetchQueries: true });
}

const DELETE_MEASUREMENT: TypedDocumentNode<{ deleteMeasurement: { deletedMeasurementId: string } }, { input: { id: string; reason: string } }> = gql`
  mutation DeleteMeasurement($input: DeleteMeasurementInput!) {
    deleteMeasurement(input: $input) {
      deletedMeasurementId
    }
  }
`;

export function useDeleteMeasurement() {
  return useMutation(DELETE_MEASUREMENT, {
    update(cache, { data }) {
      const id = data?.deleteMeasurement.deletedMeasurementId;
      if (id) {
        cache.evict({ id: cache.identify({ __typename: 'Measurement', id }) });
        cache.gc();
      }
    },
    refetchQueries: OBJECTIVE_QUERIES,
    awaitRefetchQueries: true,
  });
}
