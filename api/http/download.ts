// Sends a file a domain writes into a stream (xlsx reports), so routes stay thin and the
// domain never sees the response object.
import type { Response } from 'express';
import type { Writable } from 'node:stream';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function sendFile(res: Response, filename: string, contentType: string, write: (out: Writable) => Promise<void>) {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  await write(res);
  if (!res.writableEnded) res.end();
}

/** Sends bytes held in memory (an uploaded document or attachment) under their file name. */
export function sendBytes(res: Response, filename: string, contentType: string, bytes: Buffer, disposition: 'inline' | 'attachment' = 'attachment') {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
