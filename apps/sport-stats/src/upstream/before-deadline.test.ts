import { describe, expect, it } from 'vitest';
import { beforeDeadline } from './before-deadline';

const after = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('beforeDeadline', () => {
  it('resolves to what the work resolves to when it is done in time', async () => {
    expect(await beforeDeadline(after(10, 'done'), Date.now() + 1000)).toBe('done');
  });

  it('resolves to undefined at the deadline when the work is not done', async () => {
    const started = Date.now();
    expect(await beforeDeadline(after(5000, 'late'), started + 100)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('resolves to undefined when the work fails', async () => {
    expect(
      await beforeDeadline(Promise.reject(new Error('down')), Date.now() + 1000),
    ).toBeUndefined();
  });
});
