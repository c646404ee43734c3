/** The OpenAPI 3.1 description of the API, generated from the same zod schemas it validates with. */
import { z } from 'zod';
import { ACTION_SCHEMAS, calendarSettingsSchema, publicSubmissionSchema, recordedSubmissionSchema } from '../schemas';
import { PUBLIC_STATUSES, STAFF_ROLES } from '../workflow';

type JsonSchema = Record<string, unknown>;
const input = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
};

/** `{action, version, ...payload}` for one action. */
function actionBody(name: string, schema: z.ZodType): JsonSchema {
  const payload = input(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return {
    type: 'object',
    title: name,
    properties: { action: { const: name }, version: { type: 'integer', minimum: 1 }, ...(payload.properties ?? {}) },
    required: ['action', 'version', ...(payload.required ?? [])],
    additionalProperties: false,
  };
}

const problem = { $ref: '#/components/schemas/Problem' };
const answer = (description: string, schema?: JsonSchema, type = 'application/json') => ({
  description,
  ...(schema ? { content: { [type]: { schema } } } : {}),
});
const problems = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), answer('Problem details', problem, 'application/problem+json')]));
const staff = { security: [{ firebaseIdToken: [] }] };
const json = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
const obj = { type: 'object' };

export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pengaduan Masyarakat — Deputi Bidang Koordinasi Kesatuan Bangsa',
      version: '1',
      description: 'Errors are application/problem+json, in Bahasa Indonesia or English (?lang=en / Accept-Language).',
    },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: { firebaseIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            currentVersion: { type: 'integer' },
          },
          required: ['type', 'title', 'status', 'detail', 'code'],
        },
        Created: {
          type: 'object',
          properties: { id: { type: 'string' }, trackingCode: { type: 'string' }, accessToken: { type: 'string' }, status: { enum: [...PUBLIC_STATUSES] } },
          required: ['id', 'trackingCode', 'accessToken', 'status'],
        },
        PublicSubmission: input(publicSubmissionSchema),
        RecordedSubmission: input(recordedSubmissionSchema),
        CalendarSettings: input(calendarSettingsSchema),
        Action: { oneOf: Object.entries(ACTION_SCHEMAS).map(([name, schema]) => actionBody(name, schema)) },
      },
    },
    paths: {
      '/health': { get: { summary: 'Liveness', responses: { '200': answer('OK', obj) } } },
      '/workflow': { get: { summary: 'The SOP table with JSON Schemas of the action payloads', responses: { '200': answer('The table', obj) } } },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': answer('OpenAPI 3.1', obj) } } },
      '/complaints': {
        post: {
          summary: 'A public, online complaint (SOP step 1)',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' } }],
          requestBody: json({ $ref: '#/components/schemas/PublicSubmission' }),
          responses: { '201': answer('Created (or the first answer again, for a repeated Idempotency-Key)', { $ref: '#/components/schemas/Created' }), ...problems(400, 409) },
        },
      },
      '/track/{trackingCode}': {
        get: {
          summary: 'Public status and timeline',
          parameters: [
            { name: 'trackingCode', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'X-Access-Token', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'token', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: { '200': answer('Status and timeline', obj), ...problems(404) },
        },
      },
      '/staff': {
        get: {
          ...staff,
          summary: 'Staff directory',
          parameters: [{ name: 'role', in: 'query', required: false, schema: { enum: [...STAFF_ROLES] } }],
          responses: { '200': answer('Staff', obj), ...problems(400, 401, 403) },
        },
      },
      '/config/calendar': {
        get: { ...staff, summary: 'The working calendar', responses: { '200': answer('Calendar', obj), ...problems(401, 403) } },
        put: {
          ...staff,
          summary: 'Set the working calendar (admin)',
          requestBody: json({ $ref: '#/components/schemas/CalendarSettings' }),
          responses: { '200': answer('Calendar', obj), ...problems(401, 403, 422) },
        },
      },
      '/cases': {
        get: {
          ...staff,
          summary: 'Cases the caller may see',
          parameters: [
            { name: 'scope', in: 'query', schema: { enum: ['mine', 'all', 'overdue'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '200': answer('A page of cases', obj), ...problems(400, 401, 403) },
        },
        post: {
          ...staff,
          summary: 'The UPP records a walk-in, phone or letter complaint',
          requestBody: json({ $ref: '#/components/schemas/RecordedSubmission' }),
          responses: { '201': answer('Created', { $ref: '#/components/schemas/Created' }), ...problems(400, 401, 403) },
        },
      },
      '/cases/{id}': {
        get: {
          ...staff,
          summary: 'Case detail, history, documents, available actions',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': answer('The case', obj), ...problems(401, 403, 404) },
        },
      },
      '/cases/{id}/actions': {
        post: {
          ...staff,
          summary: 'Take an SOP action on the case',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: json({ $ref: '#/components/schemas/Action' }),
          responses: { '200': answer('The new state', obj), ...problems(401, 403, 404, 409, 422) },
        },
      },
      '/cases/{id}/documents/{docId}': {
        get: {
          ...staff,
          summary: 'A rendered document, printable HTML',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'docId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { '200': answer('HTML', { type: 'string' }, 'text/html'), ...problems(401, 403, 404) },
        },
      },
    },
  };
}
