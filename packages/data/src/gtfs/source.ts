import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { DEFAULT_FEED_LIMITS, megabytes, RATIO_CHECK_MIN_BYTES, type FeedLimits } from './limits';
import { GtfsError } from './problems';

/** The files of a feed, from a folder or a .zip, each read as a byte stream. */
export interface FeedSource {
  /** What to call the feed in messages and sources: the folder's or zip's name. */
  name: string;
  has(file: string): boolean;
  open(file: string): Promise<Readable>;
  close(): void;
}

/** Stops a stream that delivers more bytes than allowed (a zip entry may lie about its size). */
function byteLimit(file: string, maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) {
        callback(new GtfsError(file, `larger than the limit of ${megabytes(maxBytes)}`));
        return;
      }
      callback(null, chunk);
    },
  });
}

function openDirectory(dir: string, limits: FeedLimits): FeedSource {
  const stat = (file: string): Stats | undefined => {
    try {
      return statSync(join(dir, file));
    } catch {
      return undefined;
    }
  };
  return {
    name: basename(dir),
    has: (file) => stat(file)?.isFile() ?? false,
    open: async (file) => {
      const size = stat(file)?.size ?? 0;
      if (size > limits.maxFileBytes) {
        throw new GtfsError(
          file,
          `${megabytes(size)}, larger than the limit of ${megabytes(limits.maxFileBytes)}`,
        );
      }
      return createReadStream(join(dir, file), { highWaterMark: 1024 * 1024 });
    },
    close: () => {},
  };
}

const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true };

/** A zip file on disk, or in memory (an upload): yauzl reads either without unpacking it. */
function openZipFile(zip: string | { bytes: Buffer; name: string }): Promise<yauzl.ZipFile> {
  const name = typeof zip === 'string' ? basename(zip) : zip.name;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, file?: yauzl.ZipFile) => {
      if (error || !file) reject(new GtfsError(name, `not a readable zip file (${error?.message})`));
      else resolve(file);
    };
    if (typeof zip === 'string') yauzl.open(zip, ZIP_OPTIONS, done);
    else yauzl.fromBuffer(zip.bytes, ZIP_OPTIONS, done);
  });
}

function listEntries(zip: yauzl.ZipFile, zipName: string): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      // GTFS files sit at the top of the zip; some publishers put them in one folder.
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.split('/').pop()!, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new GtfsError(zipName, `broken zip file (${error.message})`)));
    zip.readEntry();
  });
}

/** Checks the declared sizes before anything is inflated: a zip bomb is refused unread. */
function checkZipSizes(zipName: string, entries: Map<string, yauzl.Entry>, limits: FeedLimits): void {
  let total = 0;
  for (const [name, entry] of entries) {
    const where = `${zipName}/${name}`;
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.maxFileBytes) {
      throw new GtfsError(
        where,
        `${megabytes(entry.uncompressedSize)} uncompressed, larger than the limit of ${megabytes(limits.maxFileBytes)}`,
      );
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES && ratio > limits.maxCompressionRatio) {
      throw new GtfsError(
        where,
        `compressed ${ratio.toFixed(0)}:1, more than ${limits.maxCompressionRatio}:1: refused as a possible zip bomb`,
      );
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new GtfsError(
      zipName,
      `${megabytes(total)} uncompressed in all, larger than the limit of ${megabytes(limits.maxTotalBytes)}`,
    );
  }
}

async function openZip(
  path: string | { bytes: Buffer; name: string },
  limits: FeedLimits,
): Promise<FeedSource> {
  const zipName = typeof path === 'string' ? basename(path) : path.name;
  const zip = await openZipFile(path);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await listEntries(zip, zipName);
    checkZipSizes(zipName, entries, limits);
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    name: zipName.replace(/\.zip$/i, ''),
    has: (file) => entries.has(file),
    open: (file) =>
      new Promise((resolve, reject) => {
        const entry = entries.get(file);
        if (!entry) return reject(new GtfsError(file, `not in ${zipName}`));
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream)
            return reject(new GtfsError(`${zipName}/${file}`, `cannot inflate (${error?.message})`));
          const limited = byteLimit(file, limits.maxFileBytes);
          stream.on('error', (e: Error) =>
            limited.destroy(new GtfsError(file, `broken zip entry (${e.message})`)),
          );
          resolve(stream.pipe(limited));
        });
      }),
    close: () => zip.close(),
  };
}

/** A feed as an uploaded zip in memory: `{ bytes, name }`. */
export interface ZipInMemory {
  bytes: Buffer;
  name: string;
}

/** Opens a feed folder or .zip file (read in place: a zip is never unpacked to disk), or a zip in memory. */
export async function openFeed(
  path: string | ZipInMemory,
  limits: FeedLimits = DEFAULT_FEED_LIMITS,
): Promise<FeedSource> {
  if (typeof path !== 'string') return openZip(path, limits);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    throw new GtfsError(path, 'no such folder or file');
  }
  if (stat.isDirectory()) {
    checkFeedFolder(path);
    return openDirectory(path, limits);
  }
  return openZip(path, limits);
}

/**
 * A folder without stops.txt that holds feeds (folders with stops.txt, or .zip files) is most
 * likely their parent, given by mistake: say which feeds it holds, rather than that stops.txt is
 * missing.
 */
function checkFeedFolder(dir: string): void {
  if (statSync(join(dir, 'stops.txt'), { throwIfNoEntry: false })?.isFile()) return;
  const feeds = readdirSync(dir, { withFileTypes: true })
    .filter((e) =>
      e.isDirectory()
        ? statSync(join(dir, e.name, 'stops.txt'), { throwIfNoEntry: false })?.isFile()
        : e.isFile() && /\.zip$/i.test(e.name),
    )
    .map((e) => join(dir, e.name))
    .sort();
  if (feeds.length === 0) return;
  throw new GtfsError(
    dir,
    `not a GTFS feed (no stops.txt), but it holds ${feeds.length === 1 ? 'a feed' : `${feeds.length} feeds`}: ${feeds.join(', ')}; give ${feeds.length === 1 ? 'that' : 'one of those'}`,
  );
}
