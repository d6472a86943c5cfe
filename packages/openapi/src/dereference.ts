import type { OpenApiDocument } from './load-spec';

/**
 * A copy of `document` with every internal `$ref` (`#/components/...`) replaced by what it points
 * to. Objects reached through the same `$ref` are shared. Throws on an external or missing `$ref`
 * and on a circular one (which a request validator could not compile either).
 */
export function dereferenceSpec(document: OpenApiDocument): OpenApiDocument {
  const source = structuredClone(document) as unknown;
  const resolved = new Map<string, unknown>();

  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/'))
      throw new Error(`\`$ref\` ${ref} is not internal; only #/… refs are supported`);
    let node: unknown = source;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
      if (node === undefined) throw new Error(`\`$ref\` ${ref} points at nothing`);
    }
    return node;
  };

  const walk = (node: unknown, inProgress: Set<string>): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, inProgress));
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      if (resolved.has(ref)) return resolved.get(ref);
      if (inProgress.has(ref)) throw new Error(`\`$ref\` ${ref} is circular`);
      const value = walk(lookup(ref), new Set(inProgress).add(ref));
      resolved.set(ref, value);
      return value;
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, inProgress)]));
  };

  return walk(source, new Set()) as OpenApiDocument;
}
