import { loadLexicon } from '../../speech/lexicon.js';

/** One paragraph of a draft, classified once so that txt, md and docx lay it out alike. */
export interface Block {
  type: 'title' | 'date' | 'salutation' | 'heading1' | 'heading2' | 'paragraph';
  text: string;
  /** A paragraph's leading numbered sentence (一要……。), set off in docx. */
  lead?: string;
}

const CJK = '\\p{Script=Han}“”‘’（）《》。，、；：！？';
const WIDE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HALF_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[,;:?!()]|[,;:?!()](?=[${CJK}])`, 'gu');

/** Full-width punctuation in Chinese text (a writer's facts may carry ASCII commas). */
export function widenPunctuation(text: string): string {
  return text.replace(HALF_BETWEEN_CJK, (c) => WIDE[c] ?? c).replace(/([。，；])\1+/gu, '$1').replace(/，。/gu, '。');
}

const HEADING1 = /^[一二三四五六七八九十]+、[^。！？；]*$/u;
const HEADING2 = /^（[一二三四五六七八九十]+）[^。！？；]*$/u;
const DATE_LINE = /^[（(]\d{4}年\d{1,2}月\d{1,2}日[)）]$/u;
const LEAD = /^(?:[一二三四五六七八九十]+[要是]|第[一二三四五六七八九十]+[，、]|（[一二三四五六七八九十]+）)[^。！？]{1,40}。/u;

/** Rendered template text → classified paragraphs: blank lines dropped, whitespace trimmed. */
export function toBlocks(rendered: string): Block[] {
  const salutation = loadLexicon().cues.salutation;
  const lines = rendered
    .split(/\r?\n/u)
    .map((l) => widenPunctuation(l.replace(/[ \t\u00a0\u3000]+/gu, (s, offset: number) => (offset === 0 ? '' : s)).trim()))
    .filter((l) => l !== '');
  return lines.map((text, i): Block => {
    if (i === 0 && !salutation.test(text) && !/[。！？；：]$/u.test(text) && !HEADING1.test(text)) return { type: 'title', text };
    if (i === 1 && DATE_LINE.test(text)) return { type: 'date', text };
    if (salutation.test(text)) return { type: 'salutation', text };
    if (HEADING1.test(text)) return { type: 'heading1', text };
    if (HEADING2.test(text)) return { type: 'heading2', text };
    const lead = LEAD.exec(text)?.[0];
    return lead ? { type: 'paragraph', text, lead } : { type: 'paragraph', text };
  });
}
