/**
 * Two vehicles of capacity 3 at place 0 and six jobs of 1 at places 1–6 on a line, 10 s apart:
 * the best answer is two round trips, 0→1→2→3→0 and 0→4→5→6→0, costing 60 + 120 = 180.
 */
export function sixJobsOnALine() {
  return {
    vehicles: [1, 2].map((id) => ({ id, start_index: 0, end_index: 0, capacity: [3] })),
    jobs: [1, 2, 3, 4, 5, 6].map((i) => ({ id: i, location_index: i, delivery: [1] })),
    matrices: {
      car: {
        durations: Array.from({ length: 7 }, (_, i) =>
          Array.from({ length: 7 }, (_, j) => 10 * Math.abs(i - j)),
        ),
      },
    },
  };
}
