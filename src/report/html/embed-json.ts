/**
 * JSON that is safe between <script type="application/json"> and </script>: `<`, `>` and `&`
 * become \u escapes (so no `</script>` or `<!--` can end or alter the block), as do U+2028 and
 * U+2029 (line terminators to some JavaScript parsers). JSON.parse reads the escapes back as the
 * same characters.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
