import type { ContainerClient } from '@azure/storage-blob';
import { ContainerReadiness } from '../src/domain/storage/containerReadiness.js';

// A stand-in for the Azure SDK's client (not our code): it counts the create requests it is asked for.
function containerFailingFirst(failures: number): { container: ContainerClient; creates: () => number } {
  let calls = 0;
  const container = {
    createIfNotExists: async () => {
      calls += 1;
      if (calls <= failures) throw new Error('storage unreachable');
      return { succeeded: calls === failures + 1 };
    },
  } as unknown as ContainerClient;
  return { container, creates: () => calls };
}

test('the stores sharing a container ask to create it once, however many use it at once', async () => {
  const { container, creates } = containerFailingFirst(0);
  const readiness = new ContainerReadiness(container);
  await Promise.all([readiness.ready(), readiness.ready(), readiness.ready(), readiness.ready()]);
  await readiness.ready();
  expect(creates()).toBe(1);
});

test('a failed create is tried again on the next use, not remembered', async () => {
  const { container, creates } = containerFailingFirst(1);
  const readiness = new ContainerReadiness(container);
  await expect(readiness.ready()).rejects.toThrow('storage unreachable');
  await expect(readiness.ready()).resolves.toEqual({ succeeded: true });
  await readiness.ready();
  expect(creates()).toBe(2);
});
