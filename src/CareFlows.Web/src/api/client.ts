import { ApiError, type ProblemDetails } from "./problem";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

let antiforgery: Promise<{ headerName: string; token: string }> | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called when a request comes back 401: the session ended or was revoked. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** Forgets the antiforgery token, which is tied to the signed-in user: after signing in or out a new one is needed. */
export function resetAntiforgery() {
  antiforgery = null;
}

async function antiforgeryHeader(): Promise<Record<string, string>> {
  antiforgery ??= fetch("/api/auth/antiforgery", { credentials: "same-origin" }).then(async (response) => {
    if (!response.ok) {
      antiforgery = null;
      throw await toError(response);
    }
    return response.json();
  });
  const { headerName, token } = await antiforgery;
  return { [headerName]: token };
}

async function toError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = { status: response.status, title: response.statusText };
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      problem = await response.json();
    } catch {
      // keep the status line
    }
  }
  return new ApiError(response.status, problem);
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null | (string | number)[]>;
  signal?: AbortSignal;
  /** Send the body as it is (a string or a file) with this content type instead of JSON. */
  contentType?: string;
  /** Do not treat 401 as an ended session (the sign-in form itself). */
  anonymous?: boolean;
  /** Extra request headers, such as If-Match. */
  headers?: Record<string, string>;
}

/** A same-origin request with the session cookie; changes carry the antiforgery token. Non-2xx answers throw {@link ApiError}. */
export async function api<T = unknown>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, String(v)));
    else url.searchParams.set(key, String(value));
  }

  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  // Signing in needs no token (and cannot get one: the token endpoint needs a session).
  if (method !== "GET" && !options.anonymous) Object.assign(headers, await antiforgeryHeader());
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.contentType) {
      headers["Content-Type"] = options.contentType;
      body = options.body as BodyInit;
    } else {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
  }

  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: "same-origin", signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { title: "Network error" });
  }

  if (response.status === 401 && !options.anonymous) onUnauthorized?.();
  if (!response.ok) throw await toError(response);
  if (response.status === 204 || response.headers.get("content-length") === "0") return undefined as T;
  const type = response.headers.get("content-type") ?? "";
  return (type.includes("json") ? response.json() : response.text()) as Promise<T>;
}

export const get = <T>(path: string, options?: RequestOptions) => api<T>("GET", path, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>("POST", path, { ...options, body });
export const put = <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>("PUT", path, { ...options, body });
export const patch = <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>("PATCH", path, { ...options, body });
export const del = <T>(path: string, options?: RequestOptions) => api<T>("DELETE", path, options);
