/** Size limits for reading a feed without trusting it. */
export interface FeedLimits {
  /** Largest text file, uncompressed. The national Swedish stop_times.txt is about 450 MB. */
  maxFileBytes: number;
  /** Largest sum of the files of a zip, uncompressed. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of a zip entry: text compresses about 5-15×, a zip bomb by 1000× or more. */
  maxCompressionRatio: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxFileBytes: 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 100,
};

/** Entries smaller than this are not held to the ratio (a tiny file of repeated bytes compresses well). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
