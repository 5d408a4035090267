/** ANSI styles, or plain text when colour is off. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const ANSI: Paint = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
const identity = (text: string) => text;
const PLAIN: Paint = { bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity };

export const paint = (colour: boolean): Paint => (colour ? ANSI : PLAIN);
