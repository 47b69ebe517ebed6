/** What a failed request says: an RFC 9457 problem's title and detail, when it had them. */
export interface Problem {
  title?: string;
  detail?: string;
}

/**
 * Reads an error body from openapi-fetch (parsed problem+json, or plain text when the server
 * or a proxy answered something else) into a Problem, never keeping raw markup or a blank message.
 */
export function toProblem(error: unknown): Problem {
  if (typeof error !== 'object' || error === null) return {};
  const { title, detail } = error as { title?: unknown; detail?: unknown };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  return { title: text(title), detail: text(detail) };
}

/**
 * The `errors` of a validation problem by field, keys in lower case (the API names fields in
 * camelCase, nested ones as `sessions[0].startsAt`), so a form can find its own.
 */
export function toFieldErrors(error: unknown): Record<string, string[]> {
  const errors = typeof error === 'object' && error !== null ? (error as { errors?: unknown }).errors : undefined;
  const byField: Record<string, string[]> = {};
  if (typeof errors !== 'object' || errors === null) return byField;
  for (const [key, value] of Object.entries(errors)) {
    const list = (Array.isArray(value) ? value : [value]).filter(
      (message): message is string => typeof message === 'string' && message.trim() !== '',
    );
    if (list.length > 0) byField[key.toLowerCase()] = [...(byField[key.toLowerCase()] ?? []), ...list];
  }
  return byField;
}
