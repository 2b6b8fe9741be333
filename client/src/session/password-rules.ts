/** Mirrors the server's first rule so people learn it before submitting; the server has the last word. */
export const PASSWORD_MIN_LENGTH = 12;

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember and hard to guess.`;

export function validateNewPassword(value: string): string | null {
  if (value.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  return null;
}
