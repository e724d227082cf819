import type { Facts } from './facts.js';
import { toBlocks } from './output/blocks.js';
import { formatDocx } from './output/docx.js';
import { composeDraft, type DraftOptions } from './render.js';

/** Facts → a .docx laid out after GB/T 9704-2012 (the docx library is loaded only here). */
export async function renderDraftDocx(facts: Facts, options: Omit<DraftOptions, 'format'> = {}): Promise<Uint8Array> {
  const blocks = toBlocks(composeDraft(facts, options));
  const title = blocks.find((b) => b.type === 'title')?.text;
  // 作者: the organiser (县委) or, failing that, the speaker (县委书记)
  const creator = facts.meeting.organizer ?? facts.speaker ?? 'jianghua';
  return formatDocx(blocks, { ...(title ? { title } : {}), creator, ...(Array.isArray(facts.title) ? { titleLines: facts.title } : {}) });
}
