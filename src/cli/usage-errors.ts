/** Commander's usage errors in Chinese, like every other message the user sees; unknown ones pass through. */
const TRANSLATIONS: Array<[RegExp, string]> = [
  [/^error: unknown option '([^']*)'(?:\s*\(Did you mean ([^)]*)\?\))?/u, '错误：未知选项 $1'],
  [/^error: unknown command '([^']*)'/u, '错误：未知命令 $1'],
  [/^error: missing required argument '([^']*)'/u, '错误：缺少参数 <$1>'],
  [/^error: required option '([^']*)' not specified/u, '错误：缺少必填选项 $1'],
  [/^error: option '([^']*)' argument missing/u, '错误：选项 $1 缺少取值'],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./u, '错误：选项 $1 的取值 $2 无效，可选：$3'],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. (.*)/u, '错误：选项 $1 的取值 $2 无效：$3'],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. (.*)/u, '错误：参数 <$2> 的取值 $1 无效：$3'],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./u, '错误：参数过多（$1 需要 $2 个，给了 $3 个）'],
];

export function translateUsageError(message: string): string {
  for (const [pattern, replacement] of TRANSLATIONS) {
    if (pattern.test(message)) {
      const didYouMean = /\(Did you mean ([^)]*)\?\)/u.exec(message)?.[1];
      return `${message.replace(pattern, replacement).replace(/\(Did you mean [^)]*\?\)/u, '').trimEnd()}${didYouMean ? `（是不是 ${didYouMean}？）` : ''}\n`;
    }
  }
  return message;
}
