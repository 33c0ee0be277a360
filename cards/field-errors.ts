/**
 * The `has<Field>Error` / `<field>Error` pairs a form template binds, from a map of messages by field. A field
 * without a message gets `false` and '' so every binding in the template resolves.
 *
 * @example
 * fieldErrorBindings(['initials', 'team'], { team: 'Say which team' })
 * //=> { hasInitialsError: false, initialsError: '', hasTeamError: true, teamError: 'Say which team' }
 */
export function fieldErrorBindings<Field extends string>(
  fields: readonly Field[],
  errors: Partial<Record<Field, string>>,
): Record<string, string | boolean> {
  const bindings: Record<string, string | boolean> = {};
  for (const field of fields) {
    const message = errors[field];
    bindings[`has${field[0]?.toUpperCase() ?? ''}${field.slice(1)}Error`] = message !== undefined;
    bindings[`${field}Error`] = message ?? '';
  }
  return bindings;
}
