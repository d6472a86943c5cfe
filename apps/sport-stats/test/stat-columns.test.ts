import { describe, expect, it } from 'vitest';
import { dataset } from '../src/fake-upstream/dataset';
import { FIELDS, StatColumns } from '../src/fake-upstream/stat-columns';
import { TEAMS } from '../src/fake-upstream/teams';

const row = (pts: number) => FIELDS.map((f) => (f === 'pts' ? pts : f === 'min' ? 30 : 0));

describe('the box-score columns', () => {
  const data = dataset();

  it('make each line on demand with its percentages, rebounds, player, team and game', () => {
    const line = data.lines.line(1)!;
    expect(line.id).toBe(1);
    expect(line.reb).toBe(line.oreb + line.dreb);
    expect(line.fg_pct).toBe(line.fga ? Math.round((line.fgm / line.fga) * 1000) / 1000 : 0);
    expect(line.team.id).toBe(line.player.team_id);
    expect([line.game.home_team_id, line.game.visitor_team_id]).toContain(line.team.id);
  });

  it('have no line 0 and none past the last', () => {
    expect(data.lines.line(0)).toBeUndefined();
    expect(data.lines.line(data.lines.length + 1)).toBeUndefined();
    expect(data.lines.line(1.5)).toBeUndefined();
  });

  it("list one player's lines, and only theirs", () => {
    const ids = data.lines.idsOf(198);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((id) => data.lines.line(id)!.player.id === 198)).toBe(true);
  });

  it('refuse a count that does not fit a byte instead of wrapping it', () => {
    const columns = new StatColumns(1, [], TEAMS, []);
    expect(() => columns.add(1, 1, row(256))).toThrow('`pts` 256');
    expect(columns.length).toBe(0);
    expect(() => new StatColumns(0, [], TEAMS, []).add(1, 1, row(10))).toThrow('capacity');
  });
});
