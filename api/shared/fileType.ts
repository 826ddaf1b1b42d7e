// What an uploaded file is, by its first bytes (not by the name or the type the client claims): the
// attachments of diagnosis requests and the evidence of a quality finding's rectification take these.

/** The type of a file by its first 132 bytes, or null: not a PNG, JPEG, PDF or DICOM file. */
export function sniffType(head: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d) return 'application/dicom'; // DICM
  return null;
}
