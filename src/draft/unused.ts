import type { Facts } from './facts.js';
import { hasComment } from './view.js';

const KIND_NAMES: Record<Facts['kind'], string> = { 'summary-speech': '总结讲话', 'host-script': '主持词', 'progress-meeting': '推进会讲话' };

/**
 * 点评 the facts give that a built-in template will not write: a summary speech or progress
 * meeting speech does not review reporters one by one, and a host script reviews written reports
 * only after oral ones. Each is a warning, so a writer's comment is never dropped silently.
 */
export function unusedComments(facts: Facts): Array<{ path: Array<string | number>; message: string }> {
  const oral = facts.reporters.some((r) => r.mode === 'oral');
  return facts.reporters.flatMap((r, i) => {
    if (!hasComment(r.comment)) return [];
    const who = `${r.org}${r.name ?? ''}`;
    if (facts.kind !== 'host-script') {
      return [{ path: ['reporters', i, 'comment'], message: `${KIND_NAMES[facts.kind]}不逐一点评述职人，${who}的点评没有写进讲话稿（点评用于 host-script 主持词）` }];
    }
    if (r.mode === 'written' && !oral) return [{ path: ['reporters', i, 'comment'], message: `主持词没有现场述职的议程，${who}书面述职的点评没有写进讲话稿` }];
    return [];
  });
}
