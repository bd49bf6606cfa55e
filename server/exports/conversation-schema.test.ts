import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { sampleExport, sampleIds } from './sample-export.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../docs/schemas/kiln.conversation.v1.schema.json', import.meta.url), 'utf8'),
);

// ajv-formats is not a dependency: the one format the schema uses, checked as ISO 8601 with a time and a zone.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
ajv.addFormat(
  'date-time',
  (value: string) =>
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) && !Number.isNaN(Date.parse(value)),
);
const validate = ajv.compile(schema);

const errorsOf = (document: unknown) =>
  validate(document) ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message}`);

/** A copy of the sample as plain JSON, as a file would hold it. */
const sampleJson = (): Record<string, any> => JSON.parse(JSON.stringify(sampleExport()));

describe('kiln.conversation.v1 schema', () => {
  it('accepts a realistic export: two branches, citations, a code session with an approval, a tool call, a review', () => {
    const document = sampleJson();

    expect(
      document.messages.filter((message: { parentId: string }) => message.parentId === sampleIds.answer),
    ).toHaveLength(2);
    expect(errorsOf(document)).toEqual([]);
  });

  it('accepts an empty conversation, an imported one, and fields the nested records may grow', () => {
    const document = sampleJson();
    document.messages = [];
    document.conversation.activeLeafId = null;
    document.conversation.project = null;
    document.conversation.origin = { format: 'chatgpt', id: 'c0ffee-1' };
    expect(errorsOf(document)).toEqual([]);

    const grown = sampleJson();
    grown.messages[1].turn.details.citations[0].snippet = 'a later field';
    expect(errorsOf(grown)).toEqual([]);
  });

  it('refuses an export without its schema tag, or with another', () => {
    const missing = sampleJson();
    delete missing.schema;
    const other = { ...sampleJson(), schema: 'kiln.conversation.v2' };

    expect(errorsOf(missing)).toContain(" must have required property 'schema'");
    expect(errorsOf(other)).toContain('/schema must be equal to constant');
  });

  it('refuses a message with an unknown role or status, or a missing field', () => {
    const robot = sampleJson();
    robot.messages[0].role = 'robot';
    const status = sampleJson();
    status.messages[1].status = 'done';
    const noFeedback = sampleJson();
    delete noFeedback.messages[2].feedback;

    expect(errorsOf(robot)).toContain('/messages/0/role must be equal to one of the allowed values');
    expect(errorsOf(status)).toContain('/messages/1/status must be equal to one of the allowed values');
    expect(errorsOf(noFeedback)).toContain("/messages/2 must have required property 'feedback'");
  });

  it('refuses messages that are not an array, unknown top-level fields, and malformed ids and dates', () => {
    const notArray = { ...sampleJson(), messages: {} };
    const extra = { ...sampleJson(), comments: [] };
    const badId = sampleJson();
    badId.messages[0].id = 'message-1';
    const badDate = sampleJson();
    badDate.exportedAt = 'yesterday';

    expect(errorsOf(notArray)).toContain('/messages must be array');
    expect(errorsOf(extra)).toContain(' must NOT have additional properties');
    expect(errorsOf(badId).some((error) => error.startsWith('/messages/0/id must match pattern'))).toBe(true);
    expect(errorsOf(badDate)).toContain('/exportedAt must match format "date-time"');
  });

  it('refuses a code-session attempt without its code or with a result of the wrong shape', () => {
    const document = sampleJson();
    const session = document.messages.find((message: { id: string }) => message.id === sampleIds.session).turn.details
      .session;
    delete session.attempts[0].code;
    session.attempts[1].result.exitCode = 'zero';

    const errors = errorsOf(document);

    expect(errors.some((error) => error.endsWith("attempts/0 must have required property 'code'"))).toBe(true);
    expect(errors.some((error) => error.endsWith('attempts/1/result/exitCode must be integer'))).toBe(true);
  });
});
