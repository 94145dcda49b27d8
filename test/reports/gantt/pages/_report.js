// Shared by the component pages. The pages are plain JavaScript: they run only in the browser, and
// type-checking them would pull the DOM library (and React's missing types) into the project's
// type check. What each page reports is described by `PageReport` in ../components.browser.test.ts.

function pad2(n) {
  return n < 10 ? `0${n}` : String(n);
}

/** A Date as the local wall-clock `YYYY-MM-DDTHH:mm` it shows in this browser's time zone. */
export function localText(date) {
  if (!(date instanceof Date)) return String(date);
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}T${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** Waits until the callback returns something truthy (components that render asynchronously). */
export async function until(check, what, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
