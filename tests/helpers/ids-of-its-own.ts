let next = 0;

/**
 * Names for one test's people, teams and cases, each `<base>-<n>` with an n no other call in the file gets: tests
 * that share a bot and its database then never read each other's roles, cases, cards or audit rows, and any one
 * of them runs alone.
 */
export function idsOfItsOwn<const Key extends string>(bases: Readonly<Record<Key, string>>): Readonly<Record<Key, string>> {
  const n = next++;
  return Object.fromEntries(Object.entries<string>(bases).map(([key, base]) => [key, `${base}-${n}`])) as Record<Key, string>;
}
