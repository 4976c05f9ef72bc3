/**
 * pnpm bench:placement [pmed|spopt|coverage|all] [options of that benchmark]
 *   pmed      OR-Library pmed1–40 (--time-limit S, default 50; --only pmed1,pmed2)
 *   spopt     spopt's San Francisco p-median and MCLP results
 *   coverage  random 500 sites × 5000 points coverage (--sites, --points, --time-limit)
 *   methods   full MIP against the default on some pmed instances, with the HiGHS heap (not in "all")
 *   backends  HiGHS against javascript-lp-solver, tiny to 200 × 1000 (--time-limit, --repeat, --only; not in "all")
 */
export {};

const which = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'all';
const suites = which === 'all' ? ['spopt', 'coverage', 'pmed'] : [which];
for (const suite of suites) {
  if (suite === 'pmed') await import('./pmed');
  else if (suite === 'spopt') await import('./spopt');
  else if (suite === 'coverage') await import('./coverage');
  else if (suite === 'methods') await import('./methods');
  else if (suite === 'backends') await import('./backends');
  else {
    console.error(`unknown benchmark "${suite}"; one of pmed, spopt, coverage, methods, backends, all`);
    process.exit(2);
  }
  console.log('');
}
