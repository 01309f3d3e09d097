import { del, get, patch, post, put } from "../../api/client";
import type { TeamSummary } from "../../auth/roles";

/** The shapes of the admin API (Features/Users, Features/Teams on the server). */

export interface User {
  id: string;
  email: string;
  displayName: string | null;
  roles: string[];
  teams: TeamSummary[];
  active: boolean;
  deactivatedAt: string | null;
  lockedOutUntil: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserFilters {
  q?: string;
  role?: string;
  team?: string;
  active?: boolean;
  page?: number;
  pageSize?: number;
}

export interface UserChanges {
  displayName?: string;
  roles?: string[];
  teams?: string[];
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  teams: string[];
}

export interface TeamListItem {
  id: string;
  name: string;
  description: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TeamMember {
  userId: string;
  email: string;
  displayName: string | null;
  active: boolean;
  addedAt: string;
}

export interface Team {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  members: TeamMember[];
}

export type SessionState = "Active" | "Ended" | "Expired" | "Idle";

export interface Session {
  id: string;
  userId: string;
  email: string;
  displayName: string | null;
  transport: "Cookie" | "Bearer";
  startedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  state: SessionState;
  endedAt: string | null;
  endReason: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface SessionFilters {
  q?: string;
  active?: boolean;
  sort?: SessionSort;
  page?: number;
  pageSize?: number;
}

export type SessionSort = "started" | "lastSeen" | "user";

export const adminKeys = {
  users: (filters: UserFilters) => ["admin", "users", filters] as const,
  user: (id: string) => ["admin", "users", id] as const,
  allUsers: ["admin", "users"] as const,
  teams: ["admin", "teams"] as const,
  team: (id: string) => ["admin", "teams", id] as const,
  sessions: ["admin", "sessions"] as const,
  allSessions: (filters: SessionFilters) => ["admin", "sessions", "all", filters] as const,
  userSessions: (userId: string, page: number, active?: boolean) => ["admin", "sessions", "user", userId, page, active] as const,
};

const enc = encodeURIComponent;

export const adminApi = {
  users: (filters: UserFilters, signal?: AbortSignal) => get<Page<User>>("/api/admin/users", { query: { ...filters }, signal }),
  user: (id: string, signal?: AbortSignal) => get<User>(`/api/admin/users/${enc(id)}`, { signal }),
  createUser: (user: NewUser) => post<User>("/api/admin/users", user),
  updateUser: (id: string, changes: UserChanges) => patch<User>(`/api/admin/users/${enc(id)}`, changes),
  setActive: (id: string, active: boolean) => post<User>(`/api/admin/users/${enc(id)}/${active ? "activate" : "deactivate"}`),
  resetPassword: (id: string, password: string) => post<void>(`/api/admin/users/${enc(id)}/reset-password`, { password }),

  teams: (signal?: AbortSignal) => get<TeamListItem[]>("/api/admin/teams", { signal }),
  team: (id: string, signal?: AbortSignal) => get<Team>(`/api/admin/teams/${enc(id)}`, { signal }),
  createTeam: (team: { id?: string; name: string; description?: string | null }) => post<Team>("/api/admin/teams", team),
  updateTeam: (id: string, team: { name: string; description: string | null }) => put<Team>(`/api/admin/teams/${enc(id)}`, team),
  deleteTeam: (id: string) => del<void>(`/api/admin/teams/${enc(id)}`),
  addMember: (teamId: string, userId: string) => put<void>(`/api/admin/teams/${enc(teamId)}/members/${enc(userId)}`),
  removeMember: (teamId: string, userId: string) => del<void>(`/api/admin/teams/${enc(teamId)}/members/${enc(userId)}`),

  sessions: (filters: SessionFilters, signal?: AbortSignal) => get<Page<Session>>("/api/admin/sessions", { query: { ...filters }, signal }),
  userSessions: (userId: string, query: { page?: number; pageSize?: number; active?: boolean }, signal?: AbortSignal) =>
    get<Page<Session>>(`/api/admin/users/${enc(userId)}/sessions`, { query, signal }),
  revokeSession: (sessionId: string) => post<Session>(`/api/admin/sessions/${enc(sessionId)}/revoke`),
};
