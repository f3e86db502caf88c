// What the shipments gauge needs from storage: how many parcels are in each status right now.

export interface ShipmentCounts {
  /** Parcels per status name (statuses without parcels may be missing). */
  byStatus(): Promise<ReadonlyMap<string, number>>;
}
