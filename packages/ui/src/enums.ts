/**
 * A GraphQL enum's values at run time, in the order its label table lists them. Generated enum types
 * exist only for the compiler; a table typed `Record<Enum, string>` cannot miss a value, so its keys
 * are the whole enum.
 */
export function enumValues<Value extends string>(labels: Record<Value, string>): Value[] {
  return Object.keys(labels) as Value[];
}
