import type { LineIndex } from '../speech/text.js';
import { firstIndex } from '../sorted.js';

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
  // next-line directives by the line they silence: one lookup per report, not a scan of them all
  const nextLine = new Map<number, Array<Set<string> | undefined>>();
  let masked = text;
  if (text.includes('<!--')) {
    masked = text.replace(COMMENT, (whole, body: string, offset: number) => {
      const m = DIRECTIVE.exec(body);
      if (m) {
        const rules = ids(m[2] ?? ''); // undefined: every rule
        if (m[1] === 'disable-next-line') {
          const line = lines.lineOf(offset + whole.length) + 1;
          const list = nextLine.get(line);
          if (list) list.push(rules);
          else nextLine.set(line, [rules]);
        } else switches.push({ offset, on: m[1] === 'enable', ...(rules ? { rules } : {}) });
      }
      return whole.replace(/[^\n]/g, ' '); // per UTF-16 unit: offsets stay put
    });
  }
  // per rule, the switches that concern it (in text order): the last one before a report decides
  const byRule = new Map<string, Switch[]>();
  const switchesOf = (ruleId: string) => {
    let list = byRule.get(ruleId);
    if (!list) byRule.set(ruleId, (list = switches.filter((s) => !s.rules || s.rules.has(ruleId))));
    return list;
  };
  return {
    masked,
    isDisabled(ruleId, offset) {
      if (nextLine.get(lines.lineOf(offset))?.some((rules) => !rules || rules.has(ruleId))) return true;
      const list = switchesOf(ruleId);
      const last = list[firstIndex(list, (s) => s.offset > offset) - 1];
      return last !== undefined && !last.on;
    },
  };
}
