// Generators of hostile inputs for the robustness tests and for measuring by hand:
//   node tests/robustness/hostile.mjs <family> <n> > file
// Every family grows linearly with n; the tests double n and compare operation counts.

/** n lines of the same numbered item (一是党建。): every marker is a candidate with no sibling. */
export const numberedLines = (n) => '一是党建。\n'.repeat(n);

/** One line of n numbered clauses (一是…，二是…，…): candidates in one paragraph. */
export const numberedClauses = (n) => {
  const words = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let out = '';
  for (let i = 0; i < n; i++) out += `${words[i % 10]}是抓党建，`;
  return `${out}。\n`;
};

/** n quotes left open, then n closers that match none of them: every closer looks down the whole stack. */
export const nestedBrackets = (n) => `${'“'.repeat(n)}${'）'.repeat(n)}\n`;

/** n unclosed quotes, each its own paragraph: n lint messages. */
export const unclosedQuotes = (n) => '会上“强调\n'.repeat(n);

/** One line of n characters without punctuation. */
export const longLine = (n) => '党建工作'.repeat(Math.ceil(n / 4)).slice(0, n);

/**
 * One line of n blocks of six ordinary speech sentences: announcements (我讲三点意见), 第一…第三 items, praise and a
 * stated problem, repeated with no line end; every item is a section, every announcement a lookup.
 */
export const oneLineSpeech = (n) => {
  const sentences = [
    '同志们，今天召开全市安全生产推进会，总结前段工作，部署下步任务。',
    '过去一年，各部门认真落实责任，隐患整治取得明显成效，事故总量持续下降。',
    '同时也要清醒看到，一些地方认识还不到位，监管存在薄弱环节，问题依然突出。',
    '下面，我讲三点意见。第一，要提高站位，切实增强责任感和紧迫感。',
    '第二，要突出重点领域，深入开展专项整治。第三，要压实各方责任，形成工作合力。',
    '希望大家以更加务实的作风，推动各项任务落地见效！',
  ];
  return `${sentences.join('').repeat(n)}\n`;
};

/**
 * n blocks of three heading levels (一、 / （一） / 1.), numbers cycling: every （x） is its parent's only child
 * and starts past 1, so heading-sequence looks for the item before it n times.
 */
export const headingTree = (n) => {
  const words = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let out = '';
  for (let i = 0; i < n; i++) out += `${words[i % 10]}、第${words[i % 10]}部分\n（${words[i % 10]}）小标题内容\n${(i % 9) + 1}. 具体要求。\n`;
  return out;
};

/** n lines each with four placeholders (某某, XX twice, **): each match was checked against every one before it. */
export const placeholderLines = (n) => '请某某同志XX月XX日前报送**材料。\n'.repeat(n);

/** n lines each silenced by the comment above it: every report looked through every directive. */
export const silencedLines = (n) => Array.from({ length: n }, (_, i) => `<!-- jianghua-disable-next-line placeholder -->\n第${i + 1}项工作由XX负责，报送时间待定。\n`).join('');

/** One sentence of n year-bound phrases, each with its year: each phrase looked through every year. */
export const yearPhrases = (n) => `${'在“十四五”开局之年的2020年，'.repeat(n)}。\n`;

/** One sentence of n clauses that each state a problem: each clause looked through the sentence's every defect. */
export const problemSentence = (n) => `同时也要看到，${'一些地方认识不到位，'.repeat(n)}。\n`;

/** n inline partials, each calling the one before it twice: 2^n renders unbounded. */
export const partialBomb = (n) => {
  let out = '{{#*inline "p0"}}党{{/inline}}';
  for (let i = 1; i <= n; i++) out += `{{#*inline "p${i}"}}{{> p${i - 1}}}{{> p${i - 1}}}{{/inline}}`;
  return `${out}{{> p${n}}}\n`;
};

/** n nested #each over the same list (guests, from the root at every level): length^n renders unbounded. */
export const eachBomb = (n) => `${'{{#each @root.guests}}'.repeat(n)}嘉宾${'{{/each}}'.repeat(n)}\n`;

const FAMILIES = { numberedLines, oneLineSpeech, numberedClauses, nestedBrackets, unclosedQuotes, longLine, headingTree, placeholderLines, silencedLines, yearPhrases, problemSentence, partialBomb, eachBomb };

if (import.meta.url === `file://${process.argv[1]}`) {
  const [family, n] = process.argv.slice(2);
  const make = FAMILIES[family ?? ''];
  if (!make || !n) {
    process.stderr.write(`usage: node tests/robustness/hostile.mjs <${Object.keys(FAMILIES).join('|')}> <n>\n`);
    process.exit(2);
  }
  process.stdout.write(make(Number(n)));
}
