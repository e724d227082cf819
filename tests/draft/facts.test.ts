import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { failure } from '../helpers/errors.js';
import { checkRequired, exampleFacts, factsJsonSchema, parseFacts } from '../../src/draft/index.js';
import { ROOT } from '../helpers/cli.js';

const FIX = `${ROOT}tests/fixtures/facts/`;
const fixture = (name: string) => readFileSync(`${FIX}${name}`, 'utf8');

const MINIMAL = 'kind: summary-speech\nmeeting:\n  name: 全县述职评议会\n  date: 2024-01-18\n';

describe('parseFacts', () => {
  it('keeps dates as strings and fills list defaults', () => {
    const { facts } = parseFacts(MINIMAL);
    expect(facts.meeting.date).toBe('2024-01-18');
    expect(typeof facts.meeting.date).toBe('string');
    expect(facts.guests).toEqual([]);
    expect(facts.opinions).toEqual([]);
  });

  it('reads every shipped example', () => {
    for (const kind of ['summary-speech', 'host-script', 'progress-meeting'] as const) {
      expect(parseFacts(exampleFacts(kind)).facts.kind).toBe(kind);
    }
  });

  it('reports malformed YAML with line:column and a Chinese message', () => {
    const e = failure(() => parseFacts(fixture('bad-syntax.yaml'), 'bad-syntax.yaml'));
    expect(e.code).toBe('yaml-syntax');
    expect(e.place.file).toBe('bad-syntax.yaml');
    expect(e.place.line).toBe(13);
    expect(e.place.column).toBeGreaterThan(0);
    expect(e.message).toMatch(/^YAML 格式错误：缺少必要的符号（Sequence item without - indicator）/u);
  });

  it('names the schema path of a violation and where it is in the file', () => {
    const e = failure(() => parseFacts(fixture('bad-title.yaml'), 'bad-title.yaml'));
    expect(e.code).toBe('schema');
    expect(e.message).toContain('opinions[1].title');
    expect(e.format()).toMatch(/^bad-title\.yaml:12:7: 会议事实不符合要求：opinions\[1\]\.title：/u);
  });

  it('points at a missing required field’s parent and says what is missing', () => {
    const e = failure(() => parseFacts('kind: summary-speech\nmeeting:\n  date: 2024-01-18\n'));
    expect(e.message).toContain('缺少必填字段 meeting.name');
    expect([e.place.line, e.place.column]).toEqual([3, 3]);
  });

  it('rejects an unknown key at the key itself, a bad date and a bad kind', () => {
    const unknown = failure(() => parseFacts(`${MINIMAL}speakr: 县委书记\n`));
    expect(unknown.message).toContain('speakr：没有这个字段');
    expect([unknown.place.line, unknown.place.column]).toEqual([5, 1]);
    const nested = failure(() => parseFacts(`${MINIMAL}opinions:\n  - title: 甲\n    points:\n      - title: 乙\n        detal: 丙\n`));
    expect(nested.message).toContain('opinions[0].points[0].detal：没有这个字段');
    expect([nested.place.line, nested.place.column]).toEqual([9, 9]);
    const date = failure(() => parseFacts(MINIMAL.replace('2024-01-18', '2024-02-30')));
    expect(date.message).toContain('meeting.date');
    expect(date.place.line).toBe(4);
    const kind = failure(() => parseFacts(MINIMAL.replace('summary-speech', 'speech')));
    expect(kind.message).toContain('讲话类型只能是');
    expect([kind.place.line, kind.place.column]).toEqual([1, 7]);
  });

  it('refuses alias bombs by the alias limit, quickly and without exhausting memory', () => {
    const e = failure(() => parseFacts(fixture('bomb.yaml'), 'bomb.yaml'));
    expect(e.code).toBe('yaml-syntax');
    expect(e.message).toContain('别名');
  });

  it('lists further violations with their places, so one run finds them all', () => {
    const e = failure(() => parseFacts(`${MINIMAL}opinions:\n  - title: 甲\n    points:\n      - detail: 乙\n  - intro: 丙\n`, 'two.yaml'));
    expect(e.format()).toBe('two.yaml:8:9: 会议事实不符合要求：缺少必填字段 opinions[0].points[0].title\n  9:5: 缺少必填字段 opinions[1].title');
  });

  it('rejects duplicate keys and an empty file', () => {
    expect(failure(() => parseFacts(`${MINIMAL}kind: host-script\n`)).message).toContain('键重复');
    expect(failure(() => parseFacts('# 只有注释\n')).code).toBe('empty');
  });
});

describe('checkRequired', () => {
  it('names the missing section of a summary speech and its place', () => {
    const loaded = parseFacts(fixture('no-problems.yaml'), 'no-problems.yaml');
    const e = failure(() => checkRequired(loaded.facts, { file: 'no-problems.yaml', locate: (path) => loaded.locate(path) }));
    expect(e.format()).toMatch(/^no-problems\.yaml:8:11: 缺少“问题”部分：总结讲话的 problems/u);
  });

  it('wants oral reporters in a host script', () => {
    const { facts } = parseFacts(exampleFacts('host-script'));
    facts.reporters = facts.reporters.filter((r) => r.mode === 'written');
    expect(failure(() => checkRequired(facts)).message).toContain('缺少“述职人”部分');
  });
});

describe('factsJsonSchema', () => {
  it('is draft-07, describes the fields and matches the shipped data/facts.schema.json', () => {
    const schema = factsJsonSchema() as { $schema: string; required: string[]; properties: Record<string, { description?: string }> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['kind', 'meeting']);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['guests', 'reporters', 'achievements', 'problems', 'opinions', 'closing']));
    expect(schema.properties.opinions?.description).toContain('一、');
    expect(JSON.parse(readFileSync(`${ROOT}data/facts.schema.json`, 'utf8'))).toEqual(schema);
  });
});
