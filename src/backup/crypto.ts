import * as z from 'zod';
import { fromBase64, toBase64 } from './base64';
import { timestampSchema } from '$schema/common';
import { fail } from './problem';

/**
 * Encrypted backups (docs/backup-format.md, "Encryption"): the bytes of a plain backup,
 * cut into chunks, each sealed with AES-256-GCM under a key derived from the passphrase
 * with PBKDF2-SHA-256. Chunks let a large backup be sealed and opened piece by piece.
 * Each chunk's IV is an 8-byte random prefix plus its 4-byte index, and its additional
 * data names its index and whether it is the last: a chunk moved, dropped or cut off
 * fails authentication. A sealed constant (`check`) tells a wrong passphrase apart from
 * a damaged file.
 */
export const ENCRYPTED_FORMAT = 'tierwise-encrypted-backup';
export const ENCRYPTED_VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; ≈110 ms in Chromium on a small laptop. */
export const PBKDF2_ITERATIONS = 600_000;
export const CHUNK_BYTES = 4 * 1024 * 1024;
const SALT_BYTES = 16;
const IV_PREFIX_BYTES = 8;
const CHECK_INDEX = 0xffffffff;
const CHECK_TEXT = 'tierwise';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const encryptedHeadSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(ENCRYPTED_VERSION),
  exportedAt: timestampSchema,
  appVersion: z.string().max(50),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().min(PBKDF2_ITERATIONS).max(100_000_000),
    salt: base64,
  }),
  cipher: z.object({
    name: z.literal('AES-GCM'),
    keyLength: z.literal(256),
    tagLength: z.literal(128),
    ivPrefix: base64,
    chunkBytes: z
      .int()
      .min(1024)
      .max(64 * 1024 * 1024),
  }),
  /** `"tierwise"` sealed with the IV index 2³²−1 and additional data `tierwise check`. */
  check: base64,
});
export type EncryptedHead = z.infer<typeof encryptedHeadSchema>;

const encoder = new TextEncoder();

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function ivFor(prefix: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(12);
  iv.set(prefix);
  new DataView(iv.buffer).setUint32(8, index);
  return iv;
}

const aadFor = (index: number, last: boolean): Uint8Array<ArrayBuffer> =>
  encoder.encode(`tierwise chunk ${index} ${last ? 'last' : 'more'}`);
const CHECK_AAD = encoder.encode('tierwise check');

export interface EncryptOptions {
  exportedAt: string;
  appVersion: string;
  /** More than the minimum is allowed, never less. */
  iterations?: number;
  chunkBytes?: number;
  /** Bytes sealed so far. */
  onProgress?: (bytes: number) => void;
}

/** Seals a plain backup into an encrypted one (a JSON file of Base64 chunks). */
export async function encryptBackup(
  plain: Blob,
  passphrase: string,
  options: EncryptOptions,
): Promise<Blob> {
  const iterations = Math.max(options.iterations ?? PBKDF2_ITERATIONS, PBKDF2_ITERATIONS);
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const prefix = crypto.getRandomValues(new Uint8Array(IV_PREFIX_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: ivFor(prefix, CHECK_INDEX), additionalData: CHECK_AAD },
    key,
    encoder.encode(CHECK_TEXT),
  );
  const head: EncryptedHead = {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    exportedAt: options.exportedAt,
    appVersion: options.appVersion,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: {
      name: 'AES-GCM',
      keyLength: 256,
      tagLength: 128,
      ivPrefix: toBase64(prefix),
      chunkBytes,
    },
    check: toBase64(new Uint8Array(check)),
  };
  const parts: (string | Blob)[] = [`${JSON.stringify(head).slice(0, -1)},"chunks":[`];
  const chunks = Math.max(1, Math.ceil(plain.size / chunkBytes));
  for (let index = 0; index < chunks; index += 1) {
    const bytes = await plain.slice(index * chunkBytes, (index + 1) * chunkBytes).arrayBuffer();
    const sealed = await crypto.subtle.encrypt(
      {
        name: 'AES-GCM',
        iv: ivFor(prefix, index),
        additionalData: aadFor(index, index === chunks - 1),
      },
      key,
      bytes,
    );
    // A Blob per chunk lets the browser move sealed data out of the worker's heap.
    parts.push(new Blob([`${index === 0 ? '\n' : ',\n'}"${toBase64(new Uint8Array(sealed))}"`]));
    options.onProgress?.(Math.min(plain.size, (index + 1) * chunkBytes));
  }
  parts.push('\n]}\n');
  return new Blob(parts, { type: 'application/json' });
}

/** Opens the chunks of one encrypted backup. */
export class Decryptor {
  readonly #key: CryptoKey;
  readonly #prefix: Uint8Array;

  private constructor(key: CryptoKey, prefix: Uint8Array) {
    this.#key = key;
    this.#prefix = prefix;
  }

  /**
   * Derives the key and checks the passphrase against the sealed constant. When the
   * constant does not open, `first` (the first sealed chunk) tells a wrong passphrase
   * from a damaged constant: only the right key opens it.
   * @throws ImportFailure `futureVersion`, `needsPassphrase`, `wrongPassphrase`,
   *   `damaged` (the key data is malformed, or the constant alone is broken) or `notBackup`
   */
  static async open(
    head: unknown,
    passphrase: string | undefined,
    first?: { sealed: string; last: boolean },
  ): Promise<Decryptor> {
    const version = (head as { version?: unknown } | null)?.version; // read before the schema
    if (typeof version === 'number' && version > ENCRYPTED_VERSION) {
      fail('futureVersion', { version, supported: ENCRYPTED_VERSION });
    }
    const parsed = encryptedHeadSchema.safeParse(head);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // The right format and version with broken parameters is a damaged file, not another kind.
      fail(issue?.path[0] === 'format' || issue?.path[0] === 'version' ? 'notBackup' : 'damaged');
    }
    if (!passphrase) fail('needsPassphrase');
    const { kdf, cipher, check } = parsed.data;
    let salt: Uint8Array<ArrayBuffer>;
    let prefix: Uint8Array;
    let sealedCheck: Uint8Array<ArrayBuffer>;
    try {
      salt = fromBase64(kdf.salt);
      prefix = fromBase64(cipher.ivPrefix);
      sealedCheck = fromBase64(check);
    } catch {
      fail('damaged');
    }
    // AES-GCM adds a 16-byte tag to the 8 bytes of the constant.
    const checkBytes = CHECK_TEXT.length + 16;
    if (salt.length !== SALT_BYTES || prefix.length !== IV_PREFIX_BYTES) fail('damaged');
    if (sealedCheck.length !== checkBytes) fail('damaged');
    const key = await deriveKey(passphrase, salt, kdf.iterations);
    const decryptor = new Decryptor(key, prefix);
    try {
      const text = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: ivFor(prefix, CHECK_INDEX), additionalData: CHECK_AAD },
        key,
        sealedCheck,
      );
      if (new TextDecoder().decode(text) === CHECK_TEXT) return decryptor;
    } catch {
      // Wrong key, or a damaged constant: the first chunk tells which.
    }
    if (first && (await decryptor.opens(first.sealed, first.last))) fail('damaged');
    fail('wrongPassphrase');
  }

  /** Whether this key opens chunk 0 (sealed as the last chunk or not). */
  async opens(sealedBase64: string, last: boolean): Promise<boolean> {
    try {
      await this.chunk(sealedBase64, 0, last);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The plain bytes of chunk `index`.
   * @throws ImportFailure `tampered` when the chunk fails authentication
   */
  async chunk(sealedBase64: string, index: number, last: boolean): Promise<Uint8Array> {
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: ivFor(this.#prefix, index), additionalData: aadFor(index, last) },
        this.#key,
        fromBase64(sealedBase64),
      );
      return new Uint8Array(plain);
    } catch {
      fail('tampered', { chunk: index + 1 });
    }
  }
}
