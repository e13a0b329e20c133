export const PASSWORD_MIN_LENGTH = 12;
/** Bounded so hashing cost cannot be driven up by huge inputs. */
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordContext {
  email: string;
  fullName: string;
}

/**
 * Returns why a password is not acceptable, or null. NIST SP 800-63B style: length and a
 * blocklist of known-common passwords, no composition rules.
 */
export function passwordProblem(
  password: string,
  context: PasswordContext,
  isCommon: (candidate: string) => boolean,
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  }
  const lowered = password.toLowerCase();
  if (isCommon(lowered) || new Set(lowered).size <= 3) {
    return 'is too common and easy to guess; choose a longer phrase of unrelated words';
  }
  const localPart = context.email.split('@')[0]?.toLowerCase() ?? '';
  const compactName = context.fullName.toLowerCase().replace(/\s+/g, '');
  if (
    (localPart.length >= 4 && lowered.includes(localPart)) ||
    (compactName.length >= 4 && lowered.replace(/\s+/g, '').includes(compactName))
  ) {
    return 'must not be based on your email or name';
  }
  return null;
}
