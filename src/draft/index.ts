export { parseFacts, validateFacts, factsSchema, factsJsonSchema, formatPath, type Facts, type FactsInput, type LoadedFacts } from './facts.js';
export { composeDraft, renderDraft, type DraftFormat, type DraftOptions } from './render.js';
export { renderDraftDocx } from './docx-entry.js';
export { listTemplates, resolveTemplate, defaultTemplate, loadCatalog, TEMPLATES_DIR, type TemplateInfo } from './catalog.js';
export { checkRequired } from './required.js';
export { loadFactsFile } from './load.js';
export { exampleFacts, SCHEMA_FILE, EXAMPLES_DIR } from './example.js';
export { unusedComments } from './unused.js';
