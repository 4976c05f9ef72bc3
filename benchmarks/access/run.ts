/**
 * pnpm bench:access [dalarna] [options of that benchmark]
 *   dalarna   our analysis against Region Dalarna's 2026 parcel study (--kommun CODE, default 2085 Ludvika)
 */
export {};

const which = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dalarna';
if (which === 'dalarna') await import('./dalarna');
else {
  console.error(`unknown benchmark "${which}"; one of dalarna`);
  process.exitCode = 2;
}
