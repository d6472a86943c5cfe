import { dereferenceSpec, type LoadedSpec, type OpenApiDocument } from '@repo/openapi';

/** A loaded spec made from an inline document, for unit tests of what is built from a spec. */
export function inlineSpec(paths: object, extra: object = {}): LoadedSpec {
  const document = {
    openapi: '3.0.1',
    info: { title: 'Test', version: '1.0.0' },
    servers: [{ url: 'PLUGIN_HOSTNAME' }],
    paths,
    ...extra,
  } as unknown as OpenApiDocument;
  return {
    file: 'test.yaml',
    text: '',
    document: dereferenceSpec(document),
    checkedAtBuild: false,
  };
}
