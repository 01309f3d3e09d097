import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post, put } from "../../../api/client";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import type { ValidationProblem } from "../model/problemPaths";

export type VersionStatus = "Draft" | "Published" | "Retired";

/** One stored version (DefinitionVersionResponse). */
export interface DefinitionVersion {
  definitionId: string;
  id: string;
  version: number;
  name?: string | null;
  description?: string | null;
  isLatest: boolean;
  isPublished: boolean;
  publishedAt?: string | null;
  status: VersionStatus;
  createdAt: string;
  updatedAt: string;
  createdBy?: string | null;
  /** The user id of who last changed the version (people directory), or "system". */
  updatedBy?: string | null;
  /** Sent back as If-Match when saving, so a save over someone else's is refused. */
  etag: string;
}

export interface DefinitionResponse extends DefinitionVersion {
  definition: ElsaDefinition;
}

export interface DefinitionSummary {
  definitionId: string;
  name?: string | null;
  description?: string | null;
  latestVersion: number;
  publishedVersion?: number | null;
  isPublished: boolean;
  updatedAt: string;
  createdBy?: string | null;
  /** The user id of who last changed the latest version (people directory), or "system". */
  updatedBy?: string | null;
  everPublished: boolean;
}

export interface DefinitionPage {
  items: DefinitionSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ValidationReport {
  isValid: boolean;
  canRun: boolean;
  problems: ValidationProblem[];
}

export interface ImportedDefinition {
  definitionId: string;
  id: string;
  version: number;
  created: boolean;
  isPublished: boolean;
}

export interface ListQuery {
  search?: string;
  status?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

const base = "/api/definitions";
const path = (definitionId: string) => `${base}/${encodeURIComponent(definitionId)}`;

export const definitionKeys = {
  all: ["definitions"] as const,
  list: (query: ListQuery) => ["definitions", "list", query] as const,
  one: (definitionId: string, version?: number) => ["definitions", "one", definitionId, version ?? "latest"] as const,
  versions: (definitionId: string) => ["definitions", "versions", definitionId] as const,
};

export function useDefinitionList(query: ListQuery) {
  return useQuery({
    queryKey: definitionKeys.list(query),
    queryFn: ({ signal }) => get<DefinitionPage>(base, { query: { ...query }, signal }),
    placeholderData: (previous) => previous,
  });
}

export const fetchDefinition = (definitionId: string, version?: number, signal?: AbortSignal) =>
  get<DefinitionResponse>(path(definitionId), { query: { version }, signal });

export function useDefinition(definitionId: string, version?: number, enabled = true) {
  return useQuery({
    queryKey: definitionKeys.one(definitionId, version),
    queryFn: ({ signal }) => fetchDefinition(definitionId, version, signal),
    enabled,
    // The designer holds its own copy; a background refetch must not replace what is being edited.
    staleTime: Infinity,
  });
}

export function useDefinitionVersions(definitionId: string) {
  return useQuery({
    queryKey: definitionKeys.versions(definitionId),
    queryFn: ({ signal }) => get<DefinitionVersion[]>(`${path(definitionId)}/versions`, { signal }),
  });
}

export const createDefinition = (definition: ElsaDefinition) => post<DefinitionResponse>(base, definition);

/** Saves the draft; with an etag, the server refuses (409) a save over a version someone else changed since. */
export const saveDraft = (definitionId: string, definition: ElsaDefinition, etag: string | null) =>
  put<DefinitionResponse>(path(definitionId), definition, etag ? { headers: { "If-Match": etag } } : undefined);

export const publishDefinition = (definitionId: string) => post<DefinitionResponse>(`${path(definitionId)}/publish`);
export const retireDefinition = (definitionId: string) => post<DefinitionResponse>(`${path(definitionId)}/retire`);
export const revertDefinition = (definitionId: string, version: number) => post<DefinitionResponse>(`${path(definitionId)}/revert/${version}`);

export const validateDefinition = (definition: ElsaDefinition, signal?: AbortSignal) =>
  post<ValidationReport>(`${base}/validate`, definition, { signal });

/**
 * Imports Elsa JSON files as drafts (or published), all or nothing. Their text goes to the server as it is (several
 * files as one array), so a malformed file is reported by the server's JSON path: `$` for one file, `$[i]` for the
 * i-th of several.
 */
export async function importFiles(files: File[], publish: boolean) {
  const texts = await Promise.all(files.map(async (file) => (await file.text()).replace(/^\uFEFF/, "")));
  const body = texts.length === 1 ? texts[0] : `[${texts.join(",\n")}]`;
  return post<{ definitions: ImportedDefinition[] }>(`${base}/import`, body, { query: { publish }, contentType: "application/json" });
}

export const exportUrl = (definitionId: string, version?: number) => `${path(definitionId)}/export${version ? `?version=${version}` : ""}`;

export function useInvalidateDefinitions() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: definitionKeys.all });
}

export function useCreateDefinition() {
  const invalidate = useInvalidateDefinitions();
  return useMutation({ mutationFn: createDefinition, onSuccess: () => invalidate() });
}
