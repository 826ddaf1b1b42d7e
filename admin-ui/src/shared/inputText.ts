// The text of a form input's value: react-admin's text and number inputs hold a string or a number
// (an amount typed in yuan, a fee, a ratio), empty ones null, undefined or ''.

/** What the input holds as the user typed it: the string itself, a number written out, '' for an empty input or any other value. */
export function inputText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';
}
