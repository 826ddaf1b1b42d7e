// Receives one uploaded file (multipart field `file`) onto disk, so large spreadsheets are
// streamed from there rather than held in memory; the caller removes it when done.
import fs from 'node:fs/promises';
import os from 'node:os';
import type { Request, Response } from 'express';
import multer from 'multer';
import { badRequest, tooLarge } from '../core/errors';

export interface UploadedFile {
  path: string;
  originalname: string;
  size: number;
}

const MB = 1024 * 1024;
const uploads = new Map<number, ReturnType<ReturnType<typeof multer>['single']>>();
// a file name without a declared charset is read as UTF-8 (browsers send 理事会决议.pdf so; multer's default, latin1, garbles it)
const uploadOf = (maxBytes: number) => {
  let u = uploads.get(maxBytes);
  if (!u) uploads.set(maxBytes, (u = multer({ dest: os.tmpdir(), limits: { fileSize: maxBytes, files: 1 }, defParamCharset: 'utf8' }).single('file')));
  return u;
};

/** The uploaded file, or a 400 naming `file` (413 naming it when larger than `maxBytes`, 200 MB unless told). */
export async function receiveFile(req: Request, res: Response, maxBytes = 200 * MB): Promise<UploadedFile> {
  await new Promise<void>((resolve, reject) =>
    uploadOf(maxBytes)(req, res, (err: unknown) => {
      if (!err) return resolve();
      const e = err as { code?: string; message?: string };
      const limit = maxBytes >= MB ? `${Math.round(maxBytes / MB)} MB` : `${maxBytes} bytes`;
      if (e.code === 'LIMIT_FILE_SIZE') return reject(tooLarge(`file exceeds ${limit}`, [{ field: 'file', message: `larger than ${limit}` }]));
      reject(badRequest(`upload failed: ${e.message ?? e.code}`, [{ field: 'file', message: String(e.message ?? e.code) }]));
    }),
  );
  if (!req.file) throw badRequest('no file uploaded', [{ field: 'file', message: 'send the file as multipart field "file"' }]);
  return req.file;
}

/** Runs `work` with the uploaded file and removes it afterwards. */
export async function withUpload<T>(req: Request, res: Response, work: (file: UploadedFile) => Promise<T>, maxBytes?: number): Promise<T> {
  const file = await receiveFile(req, res, maxBytes);
  try {
    return await work(file);
  } finally {
    await fs.rm(file.path, { force: true });
  }
}

/** Runs `work` with the uploaded file read into memory (a document kept in the database). */
export function withUploadedBytes<T>(
  req: Request,
  res: Response,
  work: (file: { originalname: string; size: number; content: Buffer }) => Promise<T>,
  maxBytes?: number,
): Promise<T> {
  return withUpload(req, res, async (file) => work({ originalname: file.originalname, size: file.size, content: await fs.readFile(file.path) }), maxBytes);
}
