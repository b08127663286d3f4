/** Base64 (RFC 4648, with padding) of bytes, in pieces so large buffers fit the call stack. */
export function toBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    pieces.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  }
  return btoa(pieces.join(''));
}

/** The bytes of a Base64 string. @throws DOMException when the text is not Base64 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
