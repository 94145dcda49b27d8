/** A minimal MSPDI document around `inner` (tasks, calendars, …), starting Monday 5 January 2026. */
export function mspdiDoc(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><StartDate>2026-01-05T08:00:00</StartDate>${inner}</Project>`;
}

/** A task element: UID, OutlineLevel and any further elements. */
export function task(uid: string, level: string, more = ''): string {
  return `<Task><UID>${uid}</UID><OutlineLevel>${level}</OutlineLevel><Duration>PT8H0M0S</Duration><DurationFormat>7</DurationFormat>${more}</Task>`;
}

/** A finish-to-start PredecessorLink element. */
export function linkFrom(uid: string): string {
  return `<PredecessorLink><PredecessorUID>${uid}</PredecessorUID><Type>1</Type></PredecessorLink>`;
}
