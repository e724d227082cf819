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

/** n inline partials, each calling the one before it twice: 2^n renders unbounded. */
export const partialBomb = (n) => {
  let out = '{{#*inline "p0"}}党{{/inline}}';
  for (let i = 1; i <= n; i++) out += `{{#*inline "p${i}"}}{{> p${i - 1}}}{{> p${i - 1}}}{{/inline}}`;
  return `${out}{{> p${n}}}\n`;
};

/** n nested #each over the same list (guests, from the root at every level): length^n renders unbounded. */
export const eachBomb = (n) => `${'{{#each @root.guests}}'.repeat(n)}嘉宾${'{{/each}}'.repeat(n)}\n`;

const FAMILIES = { numberedLines, numberedClauses, nestedBrackets, unclosedQuotes, longLine, partialBomb, eachBomb };

if (import.meta.url === `file://${process.argv[1]}`) {
  const [family, n] = process.argv.slice(2);
  const make = FAMILIES[family ?? ''];
  if (!make || !n) {
    process.stderr.write(`usage: node tests/robustness/hostile.mjs <${Object.keys(FAMILIES).join('|')}> <n>\n`);
    process.exit(2);
  }
  process.stdout.write(make(Number(n)));
}
