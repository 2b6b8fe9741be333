/** Minimum length of a password (NIST SP 800-63B favours length over composition rules). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * A small built-in list of the most common passwords of 12 characters or more, plus patterns
 * that pass the length rule but are trivially guessed. Compared case-insensitively.
 */
const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  'qwertyuiopas', 'qwertyuiop123', 'qwerty123456', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
  'passwordpassword', 'password1234', 'password12345', 'password123456', 'password123!', 'passw0rd1234',
  'p@ssword1234', 'p@ssw0rd1234', 'iloveyou1234', 'welcome12345', 'welcome123456', 'letmein12345',
  'administrator', 'administrator1', 'admin1234567', 'changeme1234', 'changeme12345', 'trustno11234',
  'abcdefghijkl', 'abcdefg12345', 'abc123abc123', 'aaaaaaaaaaaa', 'sunshine1234', 'football1234',
  'baseball1234', 'superman1234', 'princess1234', 'dragon123456', 'monkey123456', 'master123456',
  'qwertyqwerty', 'asdfghjkl123', 'asdfasdfasdf', 'zxcvbnm12345', 'correcthorsebatterystaple',
  'letmeinletmein', 'summer2024!!', 'winter2024!!', 'spring2025!!', 'autumn2025!!', 'company12345',
]);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON';

export function checkPassword(password: string, context: { email?: string; name?: string } = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (password.length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'TOO_COMMON';
  if (new Set(lower).size <= 2) return 'TOO_COMMON';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local) && lower.length - local.length < 6) return 'TOO_COMMON';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  TOO_LONG: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  TOO_COMMON: 'This password is too common or too easy to guess; choose another.',
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_PATTERN.test(email);
}
