export function numberedLines(n: number): string;
export function numberedClauses(n: number): string;
export function nestedBrackets(n: number): string;
export function unclosedQuotes(n: number): string;
export function longLine(n: number): string;
export function oneLineSpeech(n: number): string;
export function partialBomb(n: number): string;
export function eachBomb(n: number): string;
