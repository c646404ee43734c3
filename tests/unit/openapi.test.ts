/** The OpenAPI document is generated from the zod schemas: every action and route is in it. */
import { openApiDocument } from '../../functions/src/api/openapi';
import { ACTION_SCHEMAS } from '../../functions/src/schemas';

describe('openApiDocument()', () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: { Action: { oneOf: Array<{ title: string; required: string[]; properties: Record<string, unknown> }> }; PublicSubmission: { required: string[] } } };
  };

  it('is OpenAPI 3.1 with the contract routes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/health', '/workflow', '/openapi.json', '/complaints', '/track/{trackingCode}', '/staff', '/config/calendar', '/cases', '/cases/{id}', '/cases/{id}/actions', '/cases/{id}/documents/{docId}'].sort(),
    );
    expect(Object.keys(doc.paths['/cases/{id}/actions'].post.responses).sort()).toEqual(['200', '401', '403', '404', '409', '422']);
  });

  it('describes every action body as {action, version, ...payload} from its zod schema', () => {
    const actions = doc.components.schemas.Action.oneOf;
    expect(actions.map((a) => a.title)).toEqual(Object.keys(ACTION_SCHEMAS));
    const dispose = actions.find((a) => a.title === 'dispose');
    expect(dispose?.required).toEqual(['action', 'version', 'asdepUid', 'instruction']);
    expect(dispose?.properties.action).toEqual({ const: 'dispose' });
    expect(doc.components.schemas.PublicSubmission.required).toEqual(expect.arrayContaining(['subject', 'description', 'consent']));
  });
});
