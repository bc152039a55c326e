import { COMMON_PASSWORDS } from './common-passwords';

export interface PasswordContext {
  email: string;
  name: string;
}

/**
 * Why a password (already of valid length) is too easy to guess, or undefined when it is fine.
 * Length is checked by the shared schema; this adds what a schema cannot know.
 */
export function passwordWeakness(password: string, context: PasswordContext): string | undefined {
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) {
    return 'This password is one of the most common ones. Choose something less guessable.';
  }
  if (new Set(lowered).size <= 2) {
    return 'This password repeats the same characters. Choose something less guessable.';
  }
  const localPart = context.email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && lowered.includes(localPart)) {
    return 'Do not use your email address in your password.';
  }
  const compactName = context.name.toLowerCase().replace(/\s+/g, '');
  if (compactName.length >= 4 && lowered.replace(/\s+/g, '') === compactName) {
    return 'Do not use your name as your password.';
  }
  return undefined;
}
