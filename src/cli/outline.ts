import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import { readSpeech as readSource, wordPosition, type SpeechSource } from '../io/read-speech.js';
import { formatOutline, outline, parseSpeech, type Outline, type OutlineNode } from '../speech/index.js';
import type { SectionKind } from '../speech/types.js';
import { paint, type CliIO } from './io.js';

const KIND_COLORS: Record<SectionKind, 'cyan' | 'green' | 'red' | 'yellow' | 'magenta' | 'blue' | 'gray'> = {
  opening: 'cyan',
  achievements: 'green',
  problems: 'red',
  opinions: 'yellow',
  closing: 'magenta',
  agenda: 'blue',
  review: 'blue',
  other: 'gray',
};

/** Read and parse one speech file (text or Word); an empty one is an input error. */
export async function readSpeech(file: string) {
  const source = await readSource(file);
  return { speech: parseSpeech(source.text), source, encoding: source.encoding ?? source.source };
}

/** A Word file's outline counts paragraphs (段), so a writer finds each part in Word. */
function inParagraphs(o: Outline, source: SpeechSource): Outline {
  if (!source.places) return o;
  const map = (n: OutlineNode): OutlineNode => ({ ...n, line: wordPosition(source, n.line, 1).line, endLine: wordPosition(source, n.endLine, 1).line, children: n.children.map(map) });
  return { ...o, unit: 'paragraph', sections: o.sections.map(map) };
}

export function registerOutline(program: Command, io: CliIO): void {
  program
    .command('outline')
    .description('显示讲话稿的结构：标题、开场、成绩、问题、意见、号召及其编号和行号')
    .argument('<file>', '讲话稿文件（.txt / .md / .docx；UTF-8、GBK/GB18030、Big5、UTF-16 均可）')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json'] as const).default('text' as const))
    .addHelpText('after', '\n示例：\n  jianghua outline corpus/003_2f38f797e70dc8f3.txt\n  jianghua outline 讲话.txt --format json')
    .action(async (file, options) => {
      const { speech, source } = await readSpeech(file);
      const result = inParagraphs(outline(speech), source);
      if (options.format === 'json') {
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const chalk = paint(io.stdout, io.env);
      io.stdout.write(formatOutline(result, { paint: (kind, text) => chalk[KIND_COLORS[kind]](text) }));
    });
}
