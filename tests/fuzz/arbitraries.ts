import fc from 'fast-check';

/**
 * Generators for hostile speech text: genre tokens mixed with control characters, lone
 * surrogates, odd white space, very long lines and deep nesting of quotes and brackets.
 * FUZZ_RUNS / FUZZ_SEED scale and vary a run (`npm run fuzz`); `npm test` uses the fixed defaults.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 1000 : 40));
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123);
export const fuzzParams = (runs = FUZZ_RUNS) => ({ numRuns: runs, seed: FUZZ_SEED, endOnFailure: true });

/** Pieces of the genre, so that random text reaches the numbering, section and problem code paths. */
const GENRE = [
  '同志们：', '同志们，朋友们：', '一、', '二、', '三、', '十一、', '（一）', '（二）', '(三)', '1.', '2．', '（1）', '一是', '二是', '三是',
  '一要', '二要', '第一，', '第二，', '首先，', '其次，', '最后，', '其一，', '第一要务', '一以贯之', '取得了显著成绩', '主要成绩',
  '存在的问题', '清醒地认识到', '问题和不足', '短板', '不够', '不到位', '下面，我讲几点意见。', '几点意见', '要求', '谢谢大家！',
  '会议议程', '下面进行第一项议程', '请某某同志发言', '（述职毕）', '点评', '希望', '**', '××', 'XX', 'TODO', '【】', '{{name}}',
  '习总书记', '二十大', '“十四五”开局之年', '2025年', '严肃的查处', '党建引领', '基层党组织', '在全县党建工作会议上的讲话',
];
const PUNCT = '。，、；：！？…—“”‘’（）《》【】「」()[]{}<>,.;:!?"\'';
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\r', '\r\n', '\n', '\n\n', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029'];
const SPACES = [' ', '\u00a0', '\u3000', '\u200b', '\ufeff', '    ', '\u3000\u3000'];
const ODD_UNITS = ['\ud800', '\udfff', '\udbff', '\udc00x', '\ud83d\ude00', '\ud842\udfb7', '\ufffd', '\uffff', 'é', '\u0301'];
const HAN = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...GENRE) },
  { weight: 6, arbitrary: fc.array(HAN, { minLength: 1, maxLength: 12 }).map((a) => a.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 3, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_UNITS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Text assembled from genre tokens and hostile characters. */
export const speechLike = fc.array(token, { maxLength: 120 }).map((a) => a.join(''));

/** Opening brackets and quotes nested `depth` deep, optionally closed (or closed in the wrong order). */
export const deepNesting = fc
  .record({ depth: fc.integer({ min: 1, max: 400 }), inner: speechLike, close: fc.constantFrom('none', 'matched', 'reversed') })
  .map(({ depth, inner, close }) => {
    const opens = Array.from({ length: depth }, (_, i) => '“（《【‘(['[i % 7]).join('');
    const closers = [...opens].reverse().map((c) => ({ '“': '”', '（': '）', '《': '》', '【': '】', '‘': '’', '(': ')', '[': ']' })[c] ?? '');
    const tail = close === 'none' ? '' : close === 'matched' ? closers.join('') : closers.reverse().join('');
    return `${opens}${inner}${tail}`;
  });

/** One very long line (tens of thousands of characters) with or without sentence ends. */
export const longLine = fc
  .record({ unit: fc.constantFrom('加强党的建设', '一是抓学习。', '，', 'a', '（', '“问题', '\ud800'), times: fc.integer({ min: 2_000, max: 20_000 }) })
  .map(({ unit, times }) => unit.repeat(times));

/** Everything above plus raw UTF-16 noise and full Unicode strings. */
export const hostileText = fc.oneof(
  { weight: 6, arbitrary: speechLike },
  { weight: 2, arbitrary: deepNesting },
  { weight: 1, arbitrary: longLine },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.array(speechLike, { maxLength: 8 }).map((a) => a.join('\n')) },
);
