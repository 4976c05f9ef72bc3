/** Progress on stderr: a bar that redraws on a terminal, one line per change elsewhere (logs, CI). */
export function progressReporter(quiet: boolean): {
  update(percent: number, message: string): void;
  end(): void;
} {
  const stream = process.stderr;
  if (quiet) return { update: () => undefined, end: () => undefined };
  let last = '';
  return {
    update(percent, message) {
      if (stream.isTTY) {
        const width = 24;
        const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
        const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(percent)).padStart(3)} % ${message}`;
        stream.write(
          `\r${line.slice(0, (stream.columns ?? 100) - 1).padEnd(Math.min(last.length, (stream.columns ?? 100) - 1))}`,
        );
        last = line;
      } else if (message !== last) {
        stream.write(`${String(Math.round(percent)).padStart(3)} % ${message}\n`);
        last = message;
      }
    },
    end() {
      if (stream.isTTY && last) stream.write('\n');
    },
  };
}
