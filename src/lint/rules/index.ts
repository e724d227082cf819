import type { Rule } from '../types.js';
import adverbialDe from './adverbial-de.js';
import alphanumericWidth from './alphanumeric-width.js';
import canonicalTerm from './canonical-term.js';
import dateFact from './date-fact.js';
import duplicateSentence from './duplicate-sentence.js';
import headingSequence from './heading-sequence.js';
import length from './length.js';
import numeralZero from './numeral-zero.js';
import pairedPunctuation from './paired-punctuation.js';
import placeholder from './placeholder.js';
import punctuationWidth from './punctuation-width.js';
import quoteMarks from './quote-marks.js';
import requiredSections from './required-sections.js';

/** The registry, in report order. Every id has docs/rules/<id>.md. */
const LIST = [requiredSections, headingSequence, placeholder, punctuationWidth, pairedPunctuation, canonicalTerm, dateFact, adverbialDe, duplicateSentence, length, alphanumericWidth, quoteMarks, numeralZero] as unknown as Rule[];

export const RULES: ReadonlyMap<string, Rule> = new Map(LIST.map((r) => [r.id, r]));
export const RULE_IDS: readonly string[] = LIST.map((r) => r.id);

/** The rule's page as shipped with the package (docs/ is in `files`): a link that works offline, in SARIF and the editor. */
export const ruleDocsUrl = (id: string): string => new URL(`../../../docs/rules/${id}.md`, import.meta.url).href;
