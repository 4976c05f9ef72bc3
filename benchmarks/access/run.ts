/**
 * pnpm bench:access [dalarna] [options of that benchmark]
 *   dalarna   our analysis against Region Dalarna's 2026 parcel study (--kommun CODE, default 2085 Ludvika)
 *   all       paketbygd access --all in one process: every kommun from public data, timed (--data DIR)
 */
export {};

const which = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dalarna';
if (which === 'dalarna') await import('./dalarna');
else if (which === 'all') await import('./all');
else {
  console.error(`unknown benchmark "${which}"; one of dalarna, all`);
  process.exitCode = 2;
}
