import { SHARED_KEY, SHARED_NAME } from './shared-file.ts';

type Schema = Record<string, unknown>;

const NAME = SHARED_NAME.source.slice(1, -1);

/** The editor schema of a reference: exactly the key `$shared`, its value `<file>/<name>`. */
const SHARED_REFERENCE: Schema = {
  type: 'object',
  description:
    '共用定义引用:{ $shared: <文件>/<名称> },不能有其他键(docs/shared.md)。A reference to a shared definition: { $shared: <file>/<name> }, no other key.',
  required: [SHARED_KEY],
  additionalProperties: false,
  properties: { [SHARED_KEY]: { type: 'string', pattern: `^${NAME}/${NAME}$` } },
};

/** A mapping whose keys include `$shared` is a reference (and must then have the reference's shape). */
const HAS_SHARED: Schema = { type: 'object', required: [SHARED_KEY], properties: { [SHARED_KEY]: true } };

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `schema` where a value may also be a reference: a mapping with `$shared` is checked as one. */
// The annotations move to the wrapper, where editors look for a hover text.
const orReference = (schema: unknown): unknown => {
  if (!isSchema(schema)) return schema;
  const { title, description, ...rest } = schema;
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    if: { $ref: '#/$defs/has_shared' },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword; the schema is never awaited
    then: { $ref: '#/$defs/shared_reference' },
    else: withReferencesInside(rest),
  };
};

const mapValues = (value: unknown, f: (schema: unknown) => unknown): unknown =>
  isSchema(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)])) : value;

// Value positions (the value of a key, an item) may hold a reference; schemas that only combine
// constraints on the same value (anyOf, not, …) or $defs are walked for the positions inside them.
function withReferencesInside(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'patternProperties') out[key] = mapValues(value, orReference);
    else if (key === 'additionalProperties' || key === 'items') out[key] = orReference(value);
    else if (key === 'prefixItems' && Array.isArray(value)) out[key] = value.map(orReference);
    else if (key === '$defs') out[key] = mapValues(value, (d) => (isSchema(d) ? withReferencesInside(d) : d));
    else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value))
      out[key] = value.map((s) => (isSchema(s) ? withReferencesInside(s) : s));
    else if (['not', 'if', 'then', 'else'].includes(key) && isSchema(value))
      out[key] = withReferencesInside(value);
    else out[key] = value;
  }
  return out;
}

/**
 * The policy schema published for editors (configs/schema/policy.schema.json): `policySchema`
 * where, as docs/shared.md allows, every value below the top level may be written as a reference
 * `{ $shared: <file>/<name> }` (exactly that key; file and name match `^[a-z0-9][a-z0-9_-]*$`).
 * A mapping with a `$shared` key anywhere else in shape is refused, as the loader refuses it.
 * The top-level document and its format key `scorebook` (read before references are resolved)
 * take no reference. The engine's own validator is compiled from `policySchema` unchanged: it
 * runs after resolution and refuses a `$shared` left in place.
 */
export function editorPolicySchema(policySchema: Schema): Schema {
  const inside = withReferencesInside(policySchema);
  const properties = inside.properties;
  const format = isSchema(policySchema.properties) ? policySchema.properties.scorebook : undefined;
  const defs = isSchema(inside.$defs) ? inside.$defs : {};
  return {
    ...inside,
    properties:
      isSchema(properties) && format !== undefined ? { ...properties, scorebook: format } : properties,
    $defs: { ...defs, shared_reference: SHARED_REFERENCE, has_shared: HAS_SHARED },
  };
}
