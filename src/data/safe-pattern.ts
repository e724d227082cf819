import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { getFirstConsumedChar } from 'regexp-ast-analysis';
import { analyse } from 'scslre';

/**
 * Why a pattern could take exponential or polynomial time on some clause (ReDoS), in Chinese, or
 * undefined when it is safe. Patterns come from a user's --taxonomy and run over every clause of
 * every speech, a 16 MB line included, so they must run in linear time: scslre finds the
 * super-linear shapes (`(党+)+$`, `(.*)*x`, `.*x.*y` …); overlapping alternatives under a repeat
 * (`^(a|a)*$`), which it misses, are checked here.
 */
export function unsafePattern(source: string): string | undefined {
  if (!verdicts.has(source)) verdicts.set(source, check(source));
  return verdicts.get(source);
}

const verdicts = new Map<string, string | undefined>();

function check(source: string): string | undefined {
  let literal: AST.RegExpLiteral;
  try {
    literal = new RegExpParser({ ecmaVersion: 2024 }).parseLiteral(`/${source.replace(/\//gu, '\\/')}/u`);
  } catch {
    return undefined; // new RegExp reports the syntax error with its own message
  }
  const { reports } = analyse(literal, { assumeRejectingSuffix: true });
  const report = reports.find((r) => r.exponential) ?? reports[0];
  if (report) {
    const where = report.type === 'Self' ? report.parentQuant.raw : report.type === 'Trade' ? `${report.startQuant.raw} 与 ${report.endQuant.raw}` : report.quant.raw;
    return `${report.exponential ? '指数' : '平方'}级回溯：${where} 的重复可以用多种方式匹配同一段文字`;
  }
  let overlap: string | undefined;
  visitRegExpAST(literal, {
    onQuantifierEnter(q) {
      if (overlap || q.max <= 1 || (q.element.type !== 'Group' && q.element.type !== 'CapturingGroup')) return;
      const firsts = q.element.alternatives.map((a) => getFirstConsumedChar(a, 'ltr', literal.flags));
      const clash = firsts.some((f, i) => f.empty || firsts.slice(i + 1).some((g) => !f.char.isDisjointWith(g.char)));
      if (clash) overlap = `指数级回溯：${q.raw} 里的几个选项可以匹配同一个字`;
    },
  });
  return overlap;
}
