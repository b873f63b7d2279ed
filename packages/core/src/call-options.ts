export interface CallOptions {
  /** Aborted when the caller no longer needs the answer (widget removed, timeout). */
  signal?: AbortSignal;
}
