/**
 * Tags as typed in one field, "separated by commas": the ASCII comma, the full-width
 * comma (，) and the enumeration comma (、) a Chinese keyboard gives, each a separator.
 * Blank pieces go; spacing around each tag goes.
 */
export function parseTagList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}
