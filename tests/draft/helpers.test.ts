import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bare, cn, countWords, formatDate, joinList, person, scope, sentence, seriesMarker } from '../../src/draft/helpers.js';
import { parseChineseNumeral } from '../../src/speech/index.js';

describe('template helpers', () => {
  it('cn turns a 0-based index into the Chinese ordinal', () => {
    expect([0, 1, 9, 10, 19, 20].map((i) => cn(i))).toEqual(['一', '二', '十', '十一', '二十', '二十一']);
    expect(cn(0, 1)).toBe('二');
    fc.assert(fc.property(fc.integer({ min: 0, max: 98 }), (i) => parseChineseNumeral(cn(i)) === i + 1));
  });

  it('count says 两 for two, as speeches do', () => {
    expect([1, 2, 3, 4, 11].map(countWords)).toEqual(['一', '两', '三', '四', '十一']);
  });

  it('series gives every marker form', () => {
    expect(['一、', '（一）', '一是', '一要', '第一', '其一', '1.', '（1）'].map((f) => seriesMarker(f, 2))).toEqual(['三、', '（三）', '三是', '三要', '第三', '其三', '3.', '（3）']);
    expect(seriesMarker('一、', 10)).toBe('十一、');
    expect(() => seriesMarker('A.', 0)).toThrow(/不认识的编号形式/u);
  });

  it('join uses 、 and the conjunction before the last item', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['甲'])).toBe('甲');
    expect(joinList(['甲', '乙'])).toBe('甲和乙');
    expect(joinList(['甲', '乙', '丙'], '及')).toBe('甲、乙及丙');
    expect(joinList(['甲', ' ', '丙'], '、')).toBe('甲、丙');
  });

  it('date writes 2024年1月18日 and its parts', () => {
    expect(formatDate('2024-01-18')).toBe('2024年1月18日');
    expect(formatDate('2024-11-05', 'month-day')).toBe('11月5日');
    expect(formatDate('2024-11-05', 'year')).toBe('2024年');
    expect(() => formatDate('18/01/2024')).toThrow(/YYYY-MM-DD/u);
  });

  it('sentence ends a sentence once; bare strips a heading', () => {
    expect(sentence('抓实理论学习')).toBe('抓实理论学习。');
    expect(sentence('抓实理论学习。')).toBe('抓实理论学习。');
    expect(sentence('为……提供坚强保证！')).toBe('为……提供坚强保证！');
    expect(bare('强化政治建设。')).toBe('强化政治建设');
    expect(bare('强化政治建设，')).toBe('强化政治建设');
  });

  it('scope follows the region name', () => {
    expect(scope('清河县')).toBe('全县');
    expect(scope('东湖区', '我')).toBe('我区');
    expect(scope('城关镇')).toBe('全镇');
    expect(scope('高新技术产业开发区')).toBe('全区');
    expect(scope(undefined)).toBe('全县');
  });

  it('person names a guest or reporter as speeches do', () => {
    expect(person({ org: '市委组织部', title: '副部长', name: '陈立新' })).toBe('市委组织部副部长陈立新同志');
    expect(person({ org: '市委组织部', title: '副部长' })).toBe('市委组织部副部长');
    expect(person({ org: '城关镇党委' })).toBe('城关镇党委主要负责同志');
  });
});
