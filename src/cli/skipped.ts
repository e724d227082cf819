import { JianghuaError } from '../errors.js';

/** Every file skipped: the request itself cannot be met (exit 2), unlike a run that skipped some. */
export function failIfNothingRead(documents: ReadonlyArray<{ file: string; error?: string }>): void {
  if (documents.length > 0 && documents.every((d) => d.error !== undefined)) {
    throw new JianghuaError('unreadable', `没有可分析的讲话稿：${documents.length} 个文件都无法读取（原因见上方警告）`, { file: documents[0]!.file });
  }
}
