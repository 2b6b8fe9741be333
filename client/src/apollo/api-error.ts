import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** The codes the API puts in `extensions.code` (see the API conventions). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** The database is briefly unreachable (a restart): retry in a few seconds. */
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

export interface ApiError {
  code: ApiErrorCode | string;
  /** A message meant for people: the server's own, or ours for network trouble. */
  message: string;
  /** For BAD_USER_INPUT: the input field the message is about. */
  field: string | null;
  /** A machine-readable cause (`extensions.reason`), such as `SUBJECT_CHANGED` or `CURSOR_EXPIRED`. */
  reason: string | null;
}

const NETWORK_MESSAGE = 'Annex could not be reached. Check your connection and try again.';

/** Reads the first error the API returned, whatever shape Apollo Client wrapped it in. */
export function readApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    const field = first?.extensions?.['field'];
    const reason = first?.extensions?.['reason'];
    return {
      code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
      message: first?.message ?? 'Something went wrong.',
      field: typeof field === 'string' ? field : null,
      reason: typeof reason === 'string' ? reason : null,
    };
  }
  if (ServerError.is(error)) {
    return {
      code: error.statusCode >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK',
      message: error.statusCode >= 500 ? 'Annex had a problem answering. Try again in a moment.' : NETWORK_MESSAGE,
      field: null,
      reason: null,
    };
  }
  return { code: 'NETWORK', message: NETWORK_MESSAGE, field: null, reason: null };
}

export function apiErrorCode(error: unknown): string {
  return readApiError(error).code;
}

/** The minimal surface of a @mantine/form form that field errors are written to. */
interface FormWithErrors<Values> {
  getValues(): Values;
  setFieldError(path: string, error: string): void;
}

/**
 * Puts a failed mutation's message where it belongs: next to the field it names
 * (`extensions.field`, renamed through `fieldMap` when the form calls it differently), or
 * returned for a form-level Alert when no field of this form matches.
 */
export function applyMutationError<Values extends object>(
  form: FormWithErrors<Values>,
  error: unknown,
  fieldMap: Partial<Record<string, keyof Values & string>> = {},
): string | null {
  const { field, message } = readApiError(error);
  if (field) {
    const formField = fieldMap[field] ?? field;
    if (formField in form.getValues()) {
      form.setFieldError(formField, message);
      return null;
    }
  }
  return message;
}
