import type { Block } from './blocks.js';

/** Markdown: the title and 一、 / （一） headings as headings, everything else as paragraphs. */
export function formatMarkdown(blocks: readonly Block[]): string {
  const out = blocks.map((b) => {
    switch (b.type) {
      case 'title':
        return `# ${b.text}`;
      case 'heading1':
        return `## ${b.text}`;
      case 'heading2':
        return `### ${b.text}`;
      default:
        return b.text;
    }
  });
  return `${out.join('\n\n')}\n`;
}
