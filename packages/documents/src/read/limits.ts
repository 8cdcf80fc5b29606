/**
 * Limits every reader obeys (size, zip entries, uncompressed size, XML depth, cells, time) and the
 * `DomainError`s they raise, each with a Chinese message naming the file.
 *
 * Codes: file-empty, file-missing, file-too-large, file-corrupt, file-encrypted, file-unsupported, file-timeout,
 * zip-bomb, xml-entities, xml-too-deep, pdf-no-text, soffice-missing, soffice-failed.
 * @module
 */
import { DomainError } from '@jixiao/core';

export type ReadOptions = {
  /** Largest file accepted, in bytes (default 64 MiB). */
  readonly maxBytes?: number;
  /** Most entries a .docx/.xlsx zip may hold (default 4 000). */
  readonly maxZipEntries?: number;
  /** Most bytes all zip entries may expand to together (default 256 MiB). */
  readonly maxUncompressedBytes?: number;
  /** Most bytes one compressed stream of a PDF may expand to (default 64 MiB); all streams together: maxUncompressedBytes. */
  readonly maxStreamBytes?: number;
  /** Largest single XML part, in bytes after decompression (default 64 MiB). */
  readonly maxXmlBytes?: number;
  /** Deepest XML element nesting accepted (default 256). */
  readonly maxXmlDepth?: number;
  /** Most table cells and lines (paragraphs) a document may produce (default 200 000; a long report has a few thousand). */
  readonly maxCells?: number;
  /** Most PDF pages read (default 500); later pages are left out with a warning. */
  readonly maxPdfPages?: number;
  /** Time allowed for reading one file, in milliseconds (default 60 s; LibreOffice conversion gets twice that). */
  readonly timeoutMs?: number;
  /** Path of LibreOffice's `soffice` for .doc/.xls; null disables conversion; default: searched on PATH. */
  readonly soffice?: string | null;
};

export type Limits = Required<Omit<ReadOptions, 'soffice'>> & { readonly soffice: string | null | undefined };

export const DEFAULT_LIMITS: Omit<Limits, 'soffice'> = {
  maxBytes: 64 * 1024 * 1024,
  maxZipEntries: 4000,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxStreamBytes: 64 * 1024 * 1024,
  maxXmlBytes: 64 * 1024 * 1024,
  maxXmlDepth: 256,
  maxCells: 200_000,
  maxPdfPages: 500,
  timeoutMs: 60_000,
};

export function resolveLimits(options: ReadOptions = {}): Limits {
  const pick = <K extends keyof typeof DEFAULT_LIMITS>(key: K): number => {
    const v = options[key];
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_LIMITS[key];
  };
  return {
    maxBytes: pick('maxBytes'),
    maxZipEntries: pick('maxZipEntries'),
    maxUncompressedBytes: pick('maxUncompressedBytes'),
    maxStreamBytes: pick('maxStreamBytes'),
    maxXmlBytes: pick('maxXmlBytes'),
    maxXmlDepth: pick('maxXmlDepth'),
    maxCells: pick('maxCells'),
    maxPdfPages: pick('maxPdfPages'),
    timeoutMs: pick('timeoutMs'),
    soffice: options.soffice,
  };
}

export const ReadErrorCode = {
  empty: 'file-empty',
  missing: 'file-missing',
  tooLarge: 'file-too-large',
  corrupt: 'file-corrupt',
  encrypted: 'file-encrypted',
  unsupported: 'file-unsupported',
  timeout: 'file-timeout',
  zipBomb: 'zip-bomb',
  xmlEntities: 'xml-entities',
  xmlTooDeep: 'xml-too-deep',
  pdfNoText: 'pdf-no-text',
  sofficeMissing: 'soffice-missing',
  sofficeFailed: 'soffice-failed',
} as const;
export type ReadErrorCode = (typeof ReadErrorCode)[keyof typeof ReadErrorCode];

/** A reading error: `文件「name」…`. */
export function readError(code: ReadErrorCode, file: string, message: string, details: readonly string[] = []): DomainError {
  return new DomainError(code, `文件「${file}」${message}`, details);
}

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} 字节`;

/** A wall-clock budget checked at every step of a reader: time never runs past `timeoutMs` by much. */
export class Deadline {
  readonly #end: number;
  readonly #file: string;
  readonly #ms: number;

  constructor(file: string, ms: number) {
    this.#file = file;
    this.#ms = ms;
    this.#end = Date.now() + ms;
  }

  get remaining(): number {
    return Math.max(0, this.#end - Date.now());
  }

  check(): void {
    if (Date.now() > this.#end) throw this.error();
  }

  error(): DomainError {
    return readError(ReadErrorCode.timeout, this.#file, `读取超时（超过 ${Math.round(this.#ms / 1000)} 秒），已停止`);
  }

  /** Races a promise against the deadline; `onTimeout` cancels the work. */
  async race<T>(work: Promise<T>, onTimeout?: () => void): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(this.error());
      }, this.remaining);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

/** Counts lines and cells against `maxCells`. */
export class CellBudget {
  #count = 0;
  constructor(
    private readonly file: string,
    private readonly max: number,
  ) {}

  add(n = 1): void {
    this.#count += n;
    if (this.#count > this.max) {
      throw readError(ReadErrorCode.tooLarge, this.file, `内容过多（超过 ${this.max} 个段落或单元格），拒绝读取`);
    }
  }
}

/** The file name without folders, as messages show it. */
export const baseName = (fileName: string): string => fileName.split(/[\\/]/u).pop() || fileName || '（未命名）';
