import { useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";

/** One input of an activity type, as `/api/activities` describes it (ActivityInputResponse). */
export interface InputDescriptor {
  name: string;
  displayName: string;
  typeName: string;
  description: string;
  uiHint: string;
  defaultSyntax: string;
  options: string[] | null;
  required: boolean;
  defaultValue: unknown;
}

export interface OutputDescriptor {
  name: string;
  typeName: string;
  description: string;
}

/** An activity type for the toolbox and property panel (ActivityDescriptorResponse). */
export interface ActivityDescriptor {
  typeName: string;
  namespace: string;
  name: string;
  displayName: string;
  category: string;
  description: string;
  isTrigger: boolean;
  inputs: InputDescriptor[];
  outputs: OutputDescriptor[];
  outcomes: string[];
  dynamicOutcomesInput: string | null;
}

export type DescriptorMap = ReadonlyMap<string, ActivityDescriptor>;

export const activityDescriptorsKey = ["activities"] as const;

/** The server's activity types, by type name; they change only with a new server, so they are read once. */
export function useActivityDescriptors() {
  return useQuery({
    queryKey: activityDescriptorsKey,
    queryFn: async () => {
      const list = await get<ActivityDescriptor[]>("/api/activities");
      return new Map(list.map((d) => [d.typeName, d])) as DescriptorMap;
    },
    staleTime: Infinity,
  });
}
