import { PASSWORD_PROBLEM_MESSAGES, checkPassword, isValidEmail, normalizeEmail } from '@annex/domain';
import { badInput } from './errors.js';

/** Trims a required free-text value and checks its length. */
export function requiredText(field: string, value: string | null | undefined, max = 200): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badInput(field, `${labelOf(field)} is required.`, 'REQUIRED');
  if (trimmed.length > max) throw badInput(field, `${labelOf(field)} must be at most ${max} characters.`, 'TOO_LONG');
  return trimmed;
}

export function validEmail(field: string, value: string | null | undefined): string {
  const email = normalizeEmail(value ?? '');
  if (!isValidEmail(email)) throw badInput(field, 'Enter a valid e-mail address.', 'INVALID_EMAIL');
  return email;
}

export function validNewPassword(field: string, password: string, context: { email?: string; name?: string } = {}): string {
  const problem = checkPassword(password ?? '', context);
  if (problem) throw badInput(field, PASSWORD_PROBLEM_MESSAGES[problem], problem);
  return password;
}

function labelOf(field: string): string {
  const spaced = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The fields a client actually sent: omitted ones stay as they are, an explicit null clears. */
export function providedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
