/** The language the person's browser asks for ("de-DE"): how they write numbers. */
export function browserLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';
}
