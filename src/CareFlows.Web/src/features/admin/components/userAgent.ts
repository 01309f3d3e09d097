/**
 * A user agent in the words an admin recognises: "Firefox on Windows", "Chrome on Android", or the program's own
 * name for a token client. The full string stays available on hover.
 */
export function describeUserAgent(agent: string | null | undefined): string {
  if (!agent) return "Unknown client";
  const browser =
    /Edg\//.test(agent) ? "Edge"
    : /OPR\//.test(agent) ? "Opera"
    : /Firefox\//.test(agent) ? "Firefox"
    : /HeadlessChrome\//.test(agent) ? "Headless Chrome"
    : /Chrom(e|ium)\//.test(agent) ? "Chrome"
    : /Safari\//.test(agent) && /Version\//.test(agent) ? "Safari"
    : null;
  const system =
    /Windows/.test(agent) ? "Windows"
    : /Android/.test(agent) ? "Android"
    : /iPhone|iPad|iOS/.test(agent) ? "iOS"
    : /Mac OS X|Macintosh/.test(agent) ? "macOS"
    : /CrOS/.test(agent) ? "ChromeOS"
    : /Linux/.test(agent) ? "Linux"
    : null;
  if (browser) return system ? `${browser} on ${system}` : browser;
  // A program: its first product token, such as "curl/8.5.0".
  const product = agent.split(/\s+/)[0];
  return product.length > 40 ? `${product.slice(0, 40)}…` : product;
}
