import type { ContainerClient } from '@azure/storage-blob';

/**
 * Creates a blob container on its first use, once for every store that shares it (state and the three
 * record kinds: one request at start instead of four). A failed try is forgotten, so the next use tries again.
 */
export class ContainerReadiness {
  private created?: Promise<unknown>;

  constructor(private readonly container: ContainerClient) {}

  ready(): Promise<unknown> {
    this.created ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.created = undefined;
      throw error;
    });
    return this.created;
  }
}
