// OpenAPI 3.1 built from the route registry and its zod schemas.
import { z } from 'zod';
import { registry } from './router';

const listParams = ['sort', 'range', 'filter'].map((name) => ({
  name,
  in: 'query',
  required: false,
  description: `ra-data-simple-rest ${name} (JSON)`,
  schema: { type: 'string' },
}));

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
};

function queryParams(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }));
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of registry) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: m[1] === 'id' ? 'integer' : 'string' },
    }));
    const ok = r.spec.produces
      ? { description: 'file', content: { [r.spec.produces]: { schema: { type: 'string', format: 'binary' } } } }
      : { description: 'OK', content: { 'application/json': {} } };
    paths[path] ??= {};
    paths[path][r.method] = {
      tags: [r.tag],
      summary: r.spec.summary,
      security: r.spec.public ? [] : [{ bearer: [] }],
      parameters: [...pathParams, ...(r.spec.list ? listParams : []), ...queryParams(r.spec.query)],
      ...(r.spec.body && {
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.spec.body, { io: 'input', unrepresentable: 'any' }) } } },
      }),
      responses: {
        200: ok,
        ...Object.fromEntries(
          ['400', '401', '403', '404', '409', '413', '422'].map((c) => [c, { description: 'error', content: { 'application/json': { schema: errorSchema } } }]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '医联体 ERP API', version: '0.1.0' },
    servers: [{ url: '/api' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
