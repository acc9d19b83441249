/**
 * Remembers, per subgraph, that it just failed, so the next requests to it fail at once instead of each
 * waiting for the subgraph deadline (a stalled subgraph would otherwise hold every request for seconds
 * and, in a plan with two fetches to it, push the operation past its own deadline). After `coolDownMs`
 * requests go through again: recovery needs nothing but the subgraph answering.
 */
export class SubgraphBreaker {
  private readonly downUntil = new Map<string, number>();

  constructor(private readonly coolDownMs = 1000, private readonly now: () => number = Date.now) {}

  isOpen(subgraph: string): boolean {
    return (this.downUntil.get(subgraph) ?? 0) > this.now();
  }

  failed(subgraph: string): void {
    this.downUntil.set(subgraph, this.now() + this.coolDownMs);
  }

  succeeded(subgraph: string): void {
    this.downUntil.delete(subgraph);
  }
}
