/**
 * `jianghua lsp`: lint diagnostics while one writes. Speaks the Language Server Protocol over
 * stdio through vscode-languageserver; the linting itself is lintSource(), as on the command line.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Diagnostic,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isJianghuaError } from '../errors.js';
import { clearConfigCache, CONFIG_NAMES } from '../lint/config.js';
import { lintSource } from '../lint/files.js';
import { RULES, ruleDocsUrl } from '../lint/rules/index.js';
import type { Fix } from '../lint/types.js';
import { rawOffsets } from '../speech/text.js';

export interface ServerOptions {
  /** Milliseconds of quiet after an edit before the draft is linted again (default 250). */
  debounceMs?: number;
}

/** Where a diagnostic's fix travels to the code action: ESLint's { range, text } in the document's offsets. */
interface DiagnosticData {
  fix?: Fix;
}

const SOURCE = 'jianghua';
const SPEECH = /\.(txt|md|markdown)$/iu;

/** A file path for a document: its own for file: URIs; an unsaved buffer is looked up from the workspace. */
function documentPath(uri: string, languageId: string, roots: readonly string[]): string | undefined {
  if (uri.startsWith('file:')) {
    const file = fileURLToPath(uri);
    return SPEECH.test(file) ? file : undefined;
  }
  if (languageId !== 'plaintext' && languageId !== 'markdown') return undefined;
  return path.join(roots[0] ?? process.cwd(), languageId === 'markdown' ? 'untitled.md' : 'untitled.txt');
}

export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions = {}): Connection {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  let roots: string[] = [];
  let debounceMs = options.debounceMs ?? 250;
  let watchDynamically = false;

  const validate = (document: TextDocument) => {
    timers.delete(document.uri);
    const file = documentPath(document.uri, document.languageId, roots);
    if (!file) return;
    const text = document.getText();
    const diagnostics: Diagnostic[] = [];
    try {
      const result = lintSource(text, file);
      const at = rawOffsets(text);
      for (const m of result.messages) {
        const data: DiagnosticData = m.fix ? { fix: m.fix } : {};
        diagnostics.push({
          range: { start: document.positionAt(at(m.start)), end: document.positionAt(at(m.end, true)) },
          severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
          code: m.ruleId,
          codeDescription: { href: ruleDocsUrl(m.ruleId) },
          source: SOURCE,
          message: m.message,
          data,
        });
      }
    } catch (error) {
      // a broken .jianghuarc.yaml: say so on the draft, where the writer looks, and lint nothing
      if (!isJianghuaError(error)) throw error;
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message: `配置有误，未检查：${error.format()}`,
      });
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  const schedule = (document: TextDocument) => {
    clearTimeout(timers.get(document.uri));
    timers.set(document.uri, setTimeout(() => validate(document), debounceMs));
  };

  connection.onInitialize((params) => {
    const init = (params.initializationOptions ?? {}) as { debounceMs?: unknown };
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    roots = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (roots.length === 0 && params.rootUri) roots = [fileURLToPath(params.rootUri)];
    watchDynamically = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'jianghua' },
    };
  });
  connection.onInitialized(() => {
    // editors that let the server ask (VS Code, Neovim) watch the config files for it
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` })) });
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => CONFIG_NAMES.some((name) => c.uri.endsWith(`/${name}`)))) return;
    clearConfigCache();
    for (const document of documents.all()) validate(document);
  });

  // opening lints at once; TextDocuments then also reports the opening as a content change
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    validate(event.document);
  });
  documents.onDidChangeContent((event) => {
    if (!justOpened.delete(event.document.uri)) schedule(event.document);
  });
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string' && RULES.has(d.code));
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !params.context.only || params.context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const edit = (fix: Fix) => ({ range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) }, newText: fix.text });
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of ours) {
        const fix = (d.data as DiagnosticData | undefined)?.fix;
        if (fix) {
          actions.push({ title: `修复：${fix.text ? `改为“${fix.text}”` : '删除'}（${String(d.code)}）`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [document.uri]: [edit(fix)] } } });
        }
        // the project's inline switch, on its own line above the finding
        const line = d.range.start.line;
        const indent = /^[ \t]*/u.exec(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))?.[0] ?? '';
        actions.push({
          title: `对下一行停用 ${String(d.code)}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- jianghua-disable-next-line ${String(d.code)} -->\n` }] } },
        });
      }
    }
    if (wants(CodeActionKind.SourceFixAll)) {
      // every fix of the document at once, as `jianghua lint --fix` would make them
      const file = documentPath(document.uri, document.languageId, roots);
      const text = document.getText();
      if (file) {
        try {
          const result = lintSource(text, file, { fix: true });
          if (result.output !== undefined) {
            actions.push({ title: '修复本文件全部可自动修复的问题', kind: CodeActionKind.SourceFixAll, edit: { changes: { [document.uri]: [edit({ range: [0, text.length], text: result.output })] } } });
          }
        } catch (error) {
          if (!isJianghuaError(error)) throw error;
        }
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
