import { SPEECH_KINDS } from '../../data/schemas.js';
import { KIND_LABELS, SPEECH_KIND_LABELS } from '../../speech/outline.js';
import { findSections } from '../../speech/walk.js';
import type { SectionKind } from '../../speech/types.js';
import { z } from 'zod';
import type { Rule } from '../types.js';

const SECTION_KINDS = ['achievements', 'problems', 'opinions', 'agenda', 'review', 'opening', 'closing'] as const satisfies readonly SectionKind[];

const options = z
  .object({ sections: z.array(z.enum(SECTION_KINDS)).default([]).describe('必备部分（achievements、problems、opinions、agenda、review、opening、closing）；默认取体裁的预设（data/kinds.yaml）') })
  .strict();

const rule: Rule<typeof options> = {
  id: 'required-sections',
  meta: {
    description: '讲话稿缺少本体裁必备的部分（总结讲话：成绩、问题、意见；主持词：点评；述职报告：成绩、问题、打算；推进会讲话：意见；各体裁见 data/kinds.yaml）',
    defaultSeverity: 'error',
    kinds: SPEECH_KINDS,
    messages: { missing: '缺少“{{missing}}”部分：{{kind}}应包含{{required}}' },
    // the real list comes from the preset of each kind (presets.ts)
    options,
    fixable: false,
  },
  check(speech, context) {
    const required = context.options.sections;
    // headings and cue phrases both end up as sections in the model; nested ones count too
    const missing = required.filter((kind) => findSections(speech, kind).length === 0);
    if (missing.length === 0) return;
    context.report({
      messageId: 'missing',
      data: {
        missing: missing.map((k) => KIND_LABELS[k] ?? k).join('、'),
        kind: SPEECH_KIND_LABELS[context.kind],
        required: required.map((k) => KIND_LABELS[k] ?? k).join('、'),
      },
      range: [0, 0],
    });
  },
};

export default rule;
