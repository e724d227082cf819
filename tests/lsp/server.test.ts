import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The editor's side, end to end: spawn `jianghua lsp --stdio` (the built binary) and speak
 * JSON-RPC to it as VS Code or Neovim would.
 */
interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
  data?: unknown;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  edit: { changes: Record<string, TextEdit[]> };
}

class Editor {
  readonly child: ChildProcessWithoutNullStreams;
  readonly rpc: MessageConnection;
  private readonly waiting = new Map<string, Array<(d: Diagnostic[]) => void>>();
  readonly registrations: unknown[] = [];

  constructor() {
    this.child = spawn(process.execPath, [`${ROOT}bin/jianghua.js`, 'lsp', '--stdio'], { cwd: ROOT });
    this.rpc = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      if (process.env.LSP_DEBUG) console.log(JSON.stringify(p.diagnostics.map((d) => d.code + " " + d.range.start.line)));
      for (const resolve of this.waiting.get(p.uri)?.splice(0) ?? []) resolve(p.diagnostics);
    });
    this.rpc.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    if (process.env.LSP_DEBUG) this.child.stderr.on('data', (d) => console.log(String(d)));
    this.rpc.listen();
  }

  /** The next diagnostics published for uri. */
  next(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
  }

  async initialize(root: string) {
    const result = await this.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'drafts' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {}, codeAction: {} } },
      initializationOptions: { debounceMs: 50 },
    });
    await this.rpc.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  async open(uri: string, text: string, languageId = 'plaintext') {
    const diagnostics = this.next(uri);
    await this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return diagnostics;
  }

  async stop(): Promise<number | null> {
    await this.rpc.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.rpc.sendNotification('exit');
    return exited;
  }
}

const DRAFT = '同志们：\n过去一年,全县新建党群服务中心１２个。\n开展「红色物业」创建。\n';
let editor: Editor | undefined;
afterEach(() => {
  editor?.rpc.dispose();
  editor?.child.kill();
  editor = undefined;
});

function workspace(config = 'rules:\n  required-sections: off\n') {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianghua-lsp-'));
  writeFileSync(`${dir}/.jianghuarc.yaml`, config);
  return dir;
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`);

describe('jianghua lsp --stdio', () => {
  it('initialize, didOpen, didChange, codeAction, shutdown — as an editor drives it', async () => {
    const dir = workspace();
    editor = new Editor();
    const init = await editor.initialize(dir);
    expect(init.capabilities).toMatchObject({ textDocumentSync: 2, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll'] } });
    const uri = pathToFileURL(`${dir}/讲话.txt`).href;

    const opened = await editor.open(uri, DRAFT);
    expect(brief(opened)).toEqual(['punctuation-width 1:4-1:5 2', 'alphanumeric-width 1:15-1:17 2', 'quote-marks 2:2-2:3 2', 'quote-marks 2:7-2:8 2']);
    expect(opened[0]).toMatchObject({ source: 'jianghua', message: '汉字旁边用了半角标点“,”，应为全角“，”' });
    expect(opened[0]?.codeDescription?.href).toMatch(/^file:\/\/\/.*\/docs\/rules\/punctuation-width\.md$/u);
    // the config file is watched for the server
    expect(JSON.stringify(editor.registrations)).toContain('**/.jianghuarc.yaml');

    // an edit: the comma is fixed by hand, a placeholder typed in; diagnostics follow (debounced)
    const changed = editor.next(uri);
    await editor.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: '，' },
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '请xx同志发言。\n' },
      ],
    });
    const after = await changed;
    expect(brief(after)).toEqual(['alphanumeric-width 1:15-1:17 2', 'quote-marks 2:2-2:3 2', 'quote-marks 2:7-2:8 2', 'placeholder 3:1-3:3 1']);

    // code actions for the full-width digits: the fix, and the inline switch
    const actions = await editor.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: after[0]?.range,
      context: { diagnostics: [after[0]], only: ['quickfix'] },
    });
    expect(actions.map((a) => a.title)).toEqual(['修复：改为“12”（alphanumeric-width）', '对下一行停用 alphanumeric-width']);
    expect(actions[0]?.edit.changes[uri]).toEqual([{ range: after[0]?.range, newText: '12' }]);
    expect(actions[1]?.edit.changes[uri]).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '<!-- jianghua-disable-next-line alphanumeric-width -->\n' }]);

    // applying the switch as the editor would: the finding goes, the others stay
    const disabled = editor.next(uri);
    await editor.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: (actions[1]?.edit.changes[uri] ?? []).map((e) => ({ range: e.range, text: e.newText })) });
    expect(brief(await disabled)).toEqual(['quote-marks 3:2-3:3 2', 'quote-marks 3:7-3:8 2', 'placeholder 4:1-4:3 1']);

    // fix all: one edit that leaves only what no fix can settle
    const all = await editor.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(all.map((a) => a.title)).toEqual(['修复本文件全部可自动修复的问题']);
    expect(all[0]?.edit.changes[uri]?.[0]?.newText).toBe('同志们：\n<!-- jianghua-disable-next-line alphanumeric-width -->\n过去一年，全县新建党群服务中心１２个。\n开展“红色物业”创建。\n请xx同志发言。\n');

    expect(await editor.stop()).toBe(0);
  });

  it('honours .jianghuarc.yaml and reloads it when it changes', async () => {
    const dir = workspace();
    editor = new Editor();
    await editor.initialize(dir);
    const uri = pathToFileURL(`${dir}/讲话.md`).href;
    expect(brief(await editor.open(uri, DRAFT, 'markdown')).map((b) => b.split(' ')[0])).toEqual(['punctuation-width', 'alphanumeric-width', 'quote-marks', 'quote-marks']);

    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules:\n  required-sections: off\n  quote-marks: error\n  alphanumeric-width: off\n');
    const reloaded = editor.next(uri);
    await editor.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(`${dir}/.jianghuarc.yaml`).href, type: 2 }] });
    expect(brief(await reloaded)).toEqual(['punctuation-width 1:4-1:5 2', 'quote-marks 2:2-2:3 1', 'quote-marks 2:7-2:8 1']);

    // a broken config: one diagnostic that names the file and line, not a crash
    writeFileSync(`${dir}/.jianghuarc.yaml`, 'rules:\n  quote-mark: error\n');
    const broken = editor.next(uri);
    await editor.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(`${dir}/.jianghuarc.yaml`).href, type: 2 }] });
    const [problem, ...rest] = await broken;
    expect(rest).toEqual([]);
    expect(problem?.message).toBe(`配置有误，未检查：${dir}/.jianghuarc.yaml:2:3: 未知的规则“quote-mark”，是不是“quote-marks”？（可用：required-sections、heading-sequence、placeholder、punctuation-width、paired-punctuation、canonical-term、date-fact、adverbial-de、duplicate-sentence、length、alphanumeric-width、quote-marks、numeral-zero）`);
    expect(await editor.stop()).toBe(0);
  });

  it('stops with exit code 1 when the editor goes away without shutdown', async () => {
    const child = spawn(process.execPath, [`${ROOT}bin/jianghua.js`, 'lsp', '--stdio'], { cwd: ROOT });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.end();
    expect(await exited).toBe(1);
  });

  it('CRLF documents: ranges and fixes in the editor’s own text', async () => {
    const dir = workspace();
    editor = new Editor();
    await editor.initialize(dir);
    const uri = pathToFileURL(`${dir}/crlf.txt`).href;
    const opened = await editor.open(uri, DRAFT.replace(/\n/g, '\r\n'));
    expect(brief(opened)).toEqual(['punctuation-width 1:4-1:5 2', 'alphanumeric-width 1:15-1:17 2', 'quote-marks 2:2-2:3 2', 'quote-marks 2:7-2:8 2']);
    const actions = await editor.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: opened[3]?.range, context: { diagnostics: [opened[3]], only: ['quickfix'] } });
    expect(actions[0]?.edit.changes[uri]).toEqual([{ range: opened[3]?.range, newText: '”' }]);
    expect(await editor.stop()).toBe(0);
  });
});
