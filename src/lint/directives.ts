import type { LineIndex } from '../speech/text.js';

/**
 * Inline switches, written as HTML comments so that they are invisible in rendered Markdown
 * and stand as a literal line in a .txt draft:
 *   <!-- jianghua-disable [rule-id, …] -->            off from here (all rules without ids)
 *   <!-- jianghua-enable [rule-id, …] -->             on again
 *   <!-- jianghua-disable-next-line [rule-id, …] -->  off for the following line only
 */
const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*jianghua-(disable-next-line|disable|enable)\b([\s\S]*)$/u;

interface Switch {
  offset: number;
  on: boolean;
  /** undefined = every rule */
  rules?: Set<string>;
}

export interface Directives {
  /** The text with every comment blanked to spaces: same offsets, nothing for rules to trip on. */
  masked: string;
  isDisabled(ruleId: string, offset: number): boolean;
}

const ids = (rest: string): Set<string> | undefined => {
  const list = rest.split(/[\s,，、]+/u).filter(Boolean);
  return list.length ? new Set(list) : undefined;
};

export function readDirectives(text: string, lines: LineIndex): Directives {
  const switches: Switch[] = [];
  const nextLine: Array<{ line: number; rules?: Set<string> }> = [];
  let masked = text;
  if (text.includes('<!--')) {
    masked = text.replace(COMMENT, (whole, body: string, offset: number) => {
      const m = DIRECTIVE.exec(body);
      if (m) {
        const rules = ids(m[2] ?? '');
        const which = rules ? { rules } : {}; // no list: every rule
        if (m[1] === 'disable-next-line') nextLine.push({ line: lines.lineOf(offset + whole.length) + 1, ...which });
        else switches.push({ offset, on: m[1] === 'enable', ...which });
      }
      return whole.replace(/[^\n]/g, ' '); // per UTF-16 unit: offsets stay put
    });
  }
  return {
    masked,
    isDisabled(ruleId, offset) {
      if (nextLine.some((d) => d.line === lines.lineOf(offset) && (!d.rules || d.rules.has(ruleId)))) return true;
      let disabled = false;
      for (const s of switches) {
        if (s.offset > offset) break;
        if (!s.rules || s.rules.has(ruleId)) disabled = !s.on;
      }
      return disabled;
    },
  };
}
