import { compilePattern, once } from '../../data/index.js';
import { loadLexicon, seriesSource } from '../../speech/lexicon.js';
import type { SeriesFamily } from '../../speech/types.js';

/** One paragraph of a draft, classified once so that txt, md and docx lay it out alike. */
export interface Block {
  type: 'title' | 'date' | 'salutation' | 'heading1' | 'heading2' | 'paragraph';
  text: string;
  /** A paragraph's leading numbered sentence (一要……。), set off in docx. */
  lead?: string;
}

const CJK = '\\p{Script=Han}“”‘’（）《》。，、；：！？';
const WIDE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_BETWEEN_CJK = compilePattern(`(?<=[${CJK}])[,;:?!()]|[,;:?!()](?=[${CJK}])`, 'gu', 'blocks');

/** Full-width punctuation in Chinese text (a writer's facts may carry ASCII commas). */
export function widenPunctuation(text: string): string {
  return text.replace(HALF_BETWEEN_CJK, (c) => WIDE[c] ?? c).replace(/([。，；])\1+/gu, '$1').replace(/，。/gu, '。');
}

const DATE_LINE = /^[（(]\d{4}年\d{1,2}月\d{1,2}日[)）]$/u;

/** Headings and lead sentences by the numbering series of data/numbering.yaml (一、 / （一） / 一要 第一). */
const layout = () =>
  once('draft-layout', () => {
    const series = loadLexicon().series;
    const of = (families: readonly SeriesFamily[]) => seriesSource(series, (s) => families.includes(s.family));
    return {
      heading1: compilePattern(`^(?:${of(['heading'])})[^。！？；]*$`, 'u', 'numbering.yaml'),
      heading2: compilePattern(`^(?:${of(['paren-cn'])})[^。！？；]*$`, 'u', 'numbering.yaml'),
      // a paragraph's leading numbered sentence, set off in docx
      lead: compilePattern(`^(?:${of(['ordinal', 'di', 'paren-cn'])})[^。！？]{1,40}。`, 'u', 'numbering.yaml'),
    };
  });

/** Rendered template text → classified paragraphs: blank lines dropped, whitespace trimmed. */
export function toBlocks(rendered: string): Block[] {
  const salutation = loadLexicon().cues.salutation;
  const { heading1, heading2, lead: leadSentence } = layout();
  const lines = rendered
    .split(/\r?\n/u)
    .map((l) => widenPunctuation(l.replace(/[ \t\u00a0\u3000]+/gu, (s, offset: number) => (offset === 0 ? '' : s)).trim()))
    .filter((l) => l !== '');
  return lines.map((text, i): Block => {
    if (i === 0 && !salutation.test(text) && !/[。！？；：]$/u.test(text) && !heading1.test(text)) return { type: 'title', text };
    if (i === 1 && DATE_LINE.test(text)) return { type: 'date', text };
    if (salutation.test(text)) return { type: 'salutation', text };
    if (heading1.test(text)) return { type: 'heading1', text };
    if (heading2.test(text)) return { type: 'heading2', text };
    const lead = leadSentence.exec(text)?.[0];
    return lead ? { type: 'paragraph', text, lead } : { type: 'paragraph', text };
  });
}
