/**
 * The largest GTFS feed the page sends: the API's limit (services/api `MAX_GTFS_ZIP_BYTES`,
 * 50 MB), checked here first so that a too large file is refused before it is read and sent.
 */
export const GTFS_MAX_BYTES = 50 * 1024 * 1024;

/** What is wrong with a file offered as a GTFS feed, before it is sent. */
export type GtfsFileProblem = { kind: 'too-large' } | { kind: 'not-zip' };

/** A zip starts with a local file header (PK\3\4), or is an empty archive (PK\5\6). */
function isZip(head: Uint8Array): boolean {
  return (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
  );
}

/** Checks size first (without reading the file), then the zip signature of its first bytes. */
export async function checkGtfsFile(
  file: Blob,
  maxBytes = GTFS_MAX_BYTES,
): Promise<GtfsFileProblem | undefined> {
  if (file.size > maxBytes) return { kind: 'too-large' };
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return isZip(head) ? undefined : { kind: 'not-zip' };
}

/** The file's bytes as base64 (the API takes the feed inside JSON). */
export async function base64Of(file: Blob): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}
