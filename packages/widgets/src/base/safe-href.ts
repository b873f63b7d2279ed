/**
 * The address as the browser will follow it, or null when it is not plain http(s).
 * Use it before making any server-provided address clickable or navigating to it: javascript:,
 * data: and other schemes are refused. A relative address resolves against `base` when given.
 */
export function safeHref(candidate: string, base?: string): string | null {
  try {
    const url = new URL(candidate, base);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}
