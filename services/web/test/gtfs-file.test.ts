import { describe, expect, it } from 'vitest';
import { checkGtfsFile } from '../src/app/scenario/gtfs-file';

describe('checkGtfsFile (before a GTFS feed is sent)', () => {
  const zipHead = [0x50, 0x4b, 3, 4];
  it('lets a zip through', async () => {
    expect(await checkGtfsFile(new Blob([new Uint8Array([...zipHead, 1, 2, 3])]))).toBeUndefined();
    expect(await checkGtfsFile(new Blob([new Uint8Array([0x50, 0x4b, 5, 6, 0, 0])]))).toBeUndefined();
  });
  it('refuses what is not a zip, and what is over the limit by its size alone', async () => {
    expect(await checkGtfsFile(new Blob(['stop_id,stop_name\n']))).toEqual({ kind: 'not-zip' });
    expect(await checkGtfsFile(new Blob([]))).toEqual({ kind: 'not-zip' });
    expect(await checkGtfsFile(new Blob([new Uint8Array([...zipHead, 0, 0])]), 5)).toEqual({
      kind: 'too-large',
    });
  });
});
