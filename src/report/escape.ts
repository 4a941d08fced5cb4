/** Control characters from analysed names would drive the terminal; show them as escapes instead. */
export function toTerminalText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Markdown: escape the characters that start markup, and HTML, so names render as text. */
export function escapeMarkdown(value: string): string {
  return escapeHtml(value).replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
