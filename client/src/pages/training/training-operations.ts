import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { Role } from '../../organization/roles';
import type { TrainingStatus } from './training-words';

export interface PersonRef {
  __typename?: 'User';
  id: string;
  name: string;
}

export interface TrainingCountsFields {
  assigned: number;
  current: number;
  overdue: number;
  expired: number;
  dueSoon: number;
  percent: number | null;
}

const COUNTS = `assigned current overdue expired dueSoon percent`;

// --- Courses --------------------------------------------------------------------------------------

export interface CourseRow {
  __typename?: 'Course';
  id: string;
  version: number;
  title: string;
  description: string;
  refresherMonths: number | null;
  durationMinutes: number | null;
  passScore: number | null;
  materialUrl: string | null;
  archived: boolean;
  materialDocument: { __typename?: 'Document'; id: string; title: string } | null;
  roleAssignments: { __typename?: 'CourseRoleAssignment'; role: Role; dueDate: string }[];
  coverage: ({ __typename?: 'CourseCoverage' } & TrainingCountsFields) | null;
  viewerAssignment: { __typename?: 'CourseAssignment'; id: string; status: TrainingStatus; nextDueOn: string | null } | null;
}

export const COURSE_ROW_FRAGMENT = gql`
  fragment CourseRow on Course {
    id
    version
    title
    description
    refresherMonths
    durationMinutes
    passScore
    materialUrl
    archived
    materialDocument {
      id
      title
    }
    roleAssignments {
      role
      dueDate
    }
    coverage {
      ${COUNTS}
    }
    viewerAssignment {
      id
      status
      nextDueOn
    }
  }
`;

export const TRAINING_COURSES_QUERY: TypedDocumentNode<
  { organization: { __typename?: 'Organization'; id: string; courses: CourseRow[] | null } | null },
  { id: string; includeArchived: boolean }
> = gql`
  query TrainingCourses($id: ID!, $includeArchived: Boolean) {
    organization(id: $id) {
      id
      courses(includeArchived: $includeArchived) {
        ...CourseRow
      }
    }
  }
  ${COURSE_ROW_FRAGMENT}
`;

export interface TrainingRecordRow {
  __typename?: 'TrainingRecord';
  id: string;
  completedOn: string;
  expiresOn: string | null;
  expired: boolean;
  score: number | null;
  attested: boolean;
  selfRecorded: boolean;
  note: string;
  recordedAt: string;
  evidenceFilename: string | null;
  evidence: { __typename?: 'Evidence'; id: string; file: { __typename?: 'StoredFile'; id: string; url: string } | null } | null;
  user: PersonRef;
  recordedBy: PersonRef | null;
}

const RECORD_FIELDS = `
  id
  completedOn
  expiresOn
  expired
  score
  attested
  selfRecorded
  note
  recordedAt
  evidenceFilename
  evidence {
    id
    file {
      id
      url
    }
  }
  user {
    id
    name
  }
  recordedBy {
    id
    name
  }
`;

export interface CourseAssignmentRow {
  __typename?: 'CourseAssignment';
  id: string;
  status: TrainingStatus;
  role: Role;
  dueDate: string;
  nextDueOn: string | null;
  completedOn: string | null;
  expiresOn: string | null;
  overdue: boolean;
  direct: boolean;
  viaRole: boolean;
  user: PersonRef & { email: string };
  latestRecord: { __typename?: 'TrainingRecord'; id: string; score: number | null; attested: boolean; evidenceFilename: string | null; selfRecorded: boolean } | null;
}

export interface CourseDetail extends CourseRow {
  createdAt: string;
  updatedAt: string;
  viewerCanManage: boolean;
  assignments: CourseAssignmentRow[] | null;
  records: TrainingRecordRow[] | null;
}

export const TRAINING_COURSE_QUERY: TypedDocumentNode<{ node: ({ __typename: string; id: string } & Partial<CourseDetail>) | null }, { id: string }> = gql`
  query TrainingCourse($id: ID!) {
    node(id: $id) {
      id
      ... on Course {
        ...CourseRow
        createdAt
        updatedAt
        viewerCanManage
        assignments {
          id
          status
          role
          dueDate
          nextDueOn
          completedOn
          expiresOn
          overdue
          direct
          viaRole
          user {
            id
            name
            email
          }
          latestRecord {
            id
            score
            attested
            evidenceFilename
            selfRecorded
          }
        }
        records {
          ${RECORD_FIELDS}
        }
      }
    }
  }
  ${COURSE_ROW_FRAGMENT}
`;

export function isCourseDetail(node: { __typename: string } | null | undefined): node is CourseDetail & { __typename: 'Course' } {
  return node?.__typename === 'Course';
}

// --- Coverage -------------------------------------------------------------------------------------

export interface MissingRow {
  __typename?: 'CourseAssignment';
  id: string;
  status: TrainingStatus;
  nextDueOn: string | null;
  role: Role;
  user: PersonRef;
  course: { __typename?: 'Course'; id: string; title: string };
}

export interface TrainingCoverageData extends TrainingCountsFields {
  __typename?: 'TrainingCoverage';
  byCourse: ({ __typename?: 'CourseCoverage'; course: { __typename?: 'Course'; id: string; title: string }; missing: MissingRow[] } & TrainingCountsFields)[];
  byRole: ({ __typename?: 'RoleTrainingCoverage'; role: Role; members: number; membersComplete: number; missing: MissingRow[] } & TrainingCountsFields)[];
}

const MISSING_FIELDS = `
  id
  status
  nextDueOn
  role
  user {
    id
    name
  }
  course {
    id
    title
  }
`;

export const TRAINING_COVERAGE_QUERY: TypedDocumentNode<{ organization: { __typename?: 'Organization'; id: string; trainingCoverage: TrainingCoverageData | null } | null }, { id: string }> = gql`
  query TrainingCoverage($id: ID!) {
    organization(id: $id) {
      id
      trainingCoverage {
        ${COUNTS}
        byCourse {
          ${COUNTS}
          course {
            id
            title
          }
          missing {
            ${MISSING_FIELDS}
          }
        }
        byRole {
          ${COUNTS}
          role
          members
          membersComplete
          missing {
            ${MISSING_FIELDS}
          }
        }
      }
    }
  }
`;

// --- My training ----------------------------------------------------------------------------------

export interface MyTrainingRow {
  __typename?: 'CourseAssignment';
  id: string;
  status: TrainingStatus;
  dueDate: string;
  nextDueOn: string | null;
  completedOn: string | null;
  expiresOn: string | null;
  overdue: boolean;
  course: {
    __typename?: 'Course';
    id: string;
    title: string;
    description: string;
    durationMinutes: number | null;
    refresherMonths: number | null;
    passScore: number | null;
    materialUrl: string | null;
    materialDocument: { __typename?: 'Document'; id: string; title: string } | null;
  };
  latestRecord: { __typename?: 'TrainingRecord'; id: string; completedOn: string; score: number | null; attested: boolean; evidenceFilename: string | null } | null;
}

export const MY_TRAINING_QUERY: TypedDocumentNode<{ organization: { __typename?: 'Organization'; id: string; myTraining: MyTrainingRow[] | null } | null }, { id: string }> = gql`
  query MyTraining($id: ID!) {
    organization(id: $id) {
      id
      myTraining {
        id
        status
        dueDate
        nextDueOn
        completedOn
        expiresOn
        overdue
        course {
          id
          title
          description
          durationMinutes
          refresherMonths
          passScore
          materialUrl
          materialDocument {
            id
            title
          }
        }
        latestRecord {
          id
          completedOn
          score
          attested
          evidenceFilename
        }
      }
    }
  }
`;

// --- Mutations ------------------------------------------------------------------------------------

const REFRESH = ['TrainingCourses', 'TrainingCourse', 'TrainingCoverage', 'MyTraining'];

export interface CourseInputFields {
  title?: string;
  description?: string;
  materialDocumentId?: string | null;
  materialUrl?: string | null;
  durationMinutes?: number | null;
  refresherMonths?: number | null;
  passScore?: number | null;
}

const CREATE_COURSE: TypedDocumentNode<{ createCourse: { course: CourseRow } }, { input: CourseInputFields & { organizationId: string; title: string } }> = gql`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      course {
        ...CourseRow
      }
    }
  }
  ${COURSE_ROW_FRAGMENT}
`;

export function useCreateCourse() {
  return useMutation(CREATE_COURSE, { refetchQueries: REFRESH });
}

const UPDATE_COURSE: TypedDocumentNode<{ updateCourse: { course: CourseRow } }, { input: CourseInputFields & { id: string; version: number } }> = gql`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      course {
        ...CourseRow
      }
    }
  }
  ${COURSE_ROW_FRAGMENT}
`;

export function useUpdateCourse() {
  return useMutation(UPDATE_COURSE, { refetchQueries: REFRESH });
}

const ARCHIVE_COURSE: TypedDocumentNode<{ archiveCourse: { course: { id: string; archived: boolean; version: number } } }, { input: { id: string; archived: boolean } }> = gql`
  mutation ArchiveCourse($input: ArchiveCourseInput!) {
    archiveCourse(input: $input) {
      course {
        id
        archived
        version
      }
    }
  }
`;

export function useArchiveCourse() {
  return useMutation(ARCHIVE_COURSE, { refetchQueries: REFRESH });
}

const ASSIGN_COURSE: TypedDocumentNode<{ assignCourse: { course: { id: string } } }, { input: { courseId: string; roles: Role[]; userIds: string[]; dueDate: string } }> = gql`
  mutation AssignCourse($input: AssignCourseInput!) {
    assignCourse(input: $input) {
      course {
        id
      }
    }
  }
`;

export function useAssignCourse() {
  return useMutation(ASSIGN_COURSE, { refetchQueries: REFRESH });
}

const UNASSIGN_COURSE: TypedDocumentNode<{ unassignCourse: { course: { id: string } } }, { input: { courseId: string; roles?: Role[]; userIds?: string[] } }> = gql`
  mutation UnassignCourse($input: UnassignCourseInput!) {
    unassignCourse(input: $input) {
      course {
        id
      }
    }
  }
`;

export function useUnassignCourse() {
  return useMutation(UNASSIGN_COURSE, { refetchQueries: REFRESH });
}

export interface RecordCompletionInput {
  courseId: string;
  userId?: string | null;
  completedOn?: string | null;
  evidenceId?: string | null;
  attested?: boolean | null;
  score?: number | null;
  note?: string | null;
}

const RECORD_COMPLETION: TypedDocumentNode<{ recordTrainingCompletion: { record: { id: string } } }, { input: RecordCompletionInput }> = gql`
  mutation RecordTrainingCompletion($input: RecordTrainingCompletionInput!) {
    recordTrainingCompletion(input: $input) {
      record {
        id
      }
    }
  }
`;

export function useRecordCompletion() {
  return useMutation(RECORD_COMPLETION, { refetchQueries: REFRESH });
}

const DELETE_RECORD: TypedDocumentNode<{ deleteTrainingRecord: { deletedTrainingRecordId: string } }, { input: { id: string } }> = gql`
  mutation DeleteTrainingRecord($input: DeleteTrainingRecordInput!) {
    deleteTrainingRecord(input: $input) {
      deletedTrainingRecordId
    }
  }
`;

export function useDeleteTrainingRecord() {
  return useMutation(DELETE_RECORD, { refetchQueries: REFRESH });
}

/** Documents to pick the material from. */
export const MATERIAL_DOCUMENTS_QUERY: TypedDocumentNode<
  { organization: { __typename?: 'Organization'; id: string; documents: { edges: { node: { __typename?: 'Document'; id: string; title: string } }[] } | null } | null },
  { id: string }
> = gql`
  query TrainingMaterialDocuments($id: ID!) {
    organization(id: $id) {
      id
      documents(first: 100) {
        edges {
          node {
            id
            title
          }
        }
      }
    }
  }
`;

// --- Evidence upload ------------------------------------------------------------------------------

export type TrainingUploadResult = { ok: true; id: string; filename: string } | { ok: false; message: string };

/** Uploads evidence of completing a course (POST /training/evidence: anyone it is assigned to, and those who record for others). */
export async function uploadTrainingEvidence(organizationId: string, courseId: string, file: File): Promise<TrainingUploadResult> {
  const body = new FormData();
  body.append('courseId', courseId);
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch('/training/evidence', { method: 'POST', body, credentials: 'same-origin', headers: { 'x-annex-upload': '1', 'x-organization-id': organizationId } });
  } catch {
    return { ok: false, message: 'Annex could not be reached. Check your connection and try again.' };
  }
  const json = (await response.json().catch(() => null)) as { id?: string; filename?: string; error?: { message?: string } } | null;
  if (response.ok && json?.id) return { ok: true, id: json.id, filename: json.filename ?? file.name };
  return { ok: false, message: json?.error?.message ?? (response.status === 413 ? 'The file is too large.' : `The upload failed (HTTP ${response.status}).`) };
}
