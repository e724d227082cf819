#!/usr/bin/env node
// Outcome → exit code, nothing else. The CLI itself lives in src/cli/main.ts (built to dist/).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('jianghua: 尚未构建。请先运行 npm install（会自动构建），或 npm run build。\n');
    process.exit(2);
  }
  throw error;
}
// `jianghua … | head` closes the pipe early: stop quietly, as Unix tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await main(process.argv.slice(2));
