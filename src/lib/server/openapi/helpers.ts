/** Small builders so each capability's OpenAPI paths stay short and consistent. */
export const jsonContent = (schema: object) => ({ 'application/json': { schema } });
export const errorRef = (name: 'Unauthorized' | 'Forbidden' | 'NotFound' | 'ValidationFailed') => ({ $ref: `#/components/responses/${name}` });
export const errorDoc = (description: string) => ({ description, content: jsonContent({ $ref: '#/components/schemas/Error' }) });
export const bearer = [{ bearer: [] }];
export const uuidParameter = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
export const bilingualText = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
