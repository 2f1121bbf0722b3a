// Event ids appear in paths and link tokens: lowercase letters, digits and inner hyphens. Kept apart
// from the Zod schemas so that read-only handlers can check an id without bundling Zod.
export const eventIdPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && eventIdPattern.test(value);
}
