// Downloads a report (xlsx) with the bearer token, as a file save.
import { storedToken } from '../session';

export async function downloadReport(path: string, filename: string) {
  const res = await fetch(`/api${path}`, { headers: { Authorization: `Bearer ${storedToken()}` } });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
