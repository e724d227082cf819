#!/usr/bin/env node
// Outcome → exit code, nothing else. The CLI itself lives in src/cli/main.ts (built to dist/).
let main;
let outputError;
try {
  ({ main, outputError } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('jianghua: 尚未构建。请先运行 npm install（会自动构建），或 npm run build。\n');
    process.exit(2);
  }
  throw error;
}
// a pipe closed early (`| head`) or a full disk: one line on stderr, exit 2, no stack
process.stdout.on('error', (error) => {
  try {
    process.stderr.write(`jianghua: ${outputError(error).message}\n`);
  } finally {
    process.exit(2);
  }
});
process.stderr.on('error', () => process.exit(2));
process.exitCode = await main(process.argv.slice(2));
