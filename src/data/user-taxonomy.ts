/**
 * A user's --taxonomy: the shipped shape, with patterns that must also run in linear time. Apart
 * from schemas.ts so that only analyze loads the ReDoS checker (lint's start-up does not).
 */
import { pattern, taxonomyOf } from './schemas.js';
import { unsafePattern } from './safe-pattern.js';

/**
 * A user's pattern run over every clause of every speech (a 16 MB line included): also refused
 * when it could backtrack super-linearly (ReDoS). Shipped patterns are checked by the tests.
 */
const linearPattern = () =>
  pattern().superRefine((source, ctx) => {
    const unsafe = unsafePattern(source);
    if (unsafe !== undefined) ctx.addIssue({ code: 'custom', message: `正则表达式“${source}”在长句上可能极慢（${unsafe}），请改写，如去掉嵌套的重复` });
  });
export const userTaxonomySchema = taxonomyOf(linearPattern);
