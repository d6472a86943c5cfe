import { TEAMS } from './teams';
import type { Random } from './random';

/**
 * A season of 82 rounds, in the order they are played, each a list of `[home, visitor]` team ids;
 * in each round every team plays once. The circle method gives 29 rounds in which every pair
 * meets once; 29 + 29 (home and away swapped) + 24 more make 82.
 */
export function schedule(random: Random): [home: number, visitor: number][][] {
  const ids = TEAMS.map((t) => t.id);
  const base: [number, number][][] = [];
  const circle = ids.slice(1);
  for (let round = 0; round < ids.length - 1; round++) {
    const order = [ids[0]!, ...circle];
    const pairs: [number, number][] = [];
    for (let i = 0; i < ids.length / 2; i++) {
      const a = order[i]!;
      const b = order[order.length - 1 - i]!;
      pairs.push(round % 2 === 0 ? [a, b] : [b, a]);
    }
    base.push(pairs);
    circle.unshift(circle.pop()!);
  }
  const swapped = base.map((pairs) => pairs.map(([h, v]) => [v, h] as [number, number]));
  const extra = base.slice(0, 24).map((pairs, i) => (i % 2 === 0 ? pairs : swapped[i]!));
  const rounds = [...base, ...swapped, ...extra];
  // Shuffle the rounds (Fisher–Yates) so that rematches do not come in a row.
  for (let i = rounds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [rounds[i], rounds[j]] = [rounds[j]!, rounds[i]!];
  }
  return rounds;
}
