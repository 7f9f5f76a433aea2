/**
 * calls.dispatch_id (unique in the database) holds the ids of two sources that must never meet
 * (docs/business-rules.md, Dispatch API and Import): the id a dispatch system sends through the
 * API, and `import:<No. appel>` for a call imported from a former system. The prefix belongs to
 * the import: the API refuses an id starting with it, so that neither reads nor changes the
 * other's calls.
 */
export const IMPORTED_CALL_PREFIX = 'import:';

/** calls.dispatch_id of a call imported under the former system's number `callId`. */
export function importedDispatchId(callId: string): string {
  return `${IMPORTED_CALL_PREFIX}${callId}`;
}

export function isImportedDispatchId(dispatchId: string): boolean {
  return dispatchId.startsWith(IMPORTED_CALL_PREFIX);
}
