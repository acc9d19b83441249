/** A domain event as it travels between subgraphs. */
export interface DomainEvent<Payload = Record<string, unknown>> {
  position: number;
  id: string;
  type: string;
  aggregateId: string;
  payload: Payload;
  occurredAt: string;
}

/** What a producer writes; position and time are assigned by its database. */
export interface NewEvent<Payload = Record<string, unknown>> {
  type: string;
  aggregateId: string;
  payload: Payload;
}
