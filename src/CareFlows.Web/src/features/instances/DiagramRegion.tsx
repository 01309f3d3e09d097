import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Badge, Box, Card, Center, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";
import { countStates, type ActivityState } from "./activityStatus";

interface DiagramProps {
  definition: unknown;
  activityStatus: Record<string, ActivityState>;
}
type DiagramModule = { WorkflowDiagram?: ComponentType<DiagramProps>; default?: ComponentType<DiagramProps> };

/**
 * The read-only diagram is another part's component (`src/components/flow/WorkflowDiagram.tsx`). It is looked for
 * at build time, so this region shows it as soon as it exists and a summary of the same states until then.
 */
const diagramModules = import.meta.glob<DiagramModule>("../../components/flow/WorkflowDiagram.tsx");
const loadDiagram = Object.values(diagramModules)[0];
const WorkflowDiagram = loadDiagram
  ? lazy(async () => {
      const module = await loadDiagram();
      const found = module.WorkflowDiagram ?? module.default;
      if (!found) throw new Error("WorkflowDiagram.tsx exports no WorkflowDiagram.");
      return { default: found };
    })
  : null;

/** A diagram that fails must not take the instance page down with it: the summary stays. */
class DiagramBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? (
      <Text size="sm" c="dimmed">
        The diagram could not be drawn; the summary below still holds.
      </Text>
    ) : (
      this.props.children
    );
  }
}

const stateLabels: Record<ActivityState, string> = { done: "Done", active: "Active (waiting)", faulted: "Faulted" };
const stateColours: Record<ActivityState, string> = { done: "#237032", active: "blue.8", faulted: "red.9" };

interface DiagramRegionProps {
  definitionId: string;
  version: number;
  status: Record<string, ActivityState>;
  activityName(id: string): string;
  /** False when only the first part of a very long journal was read. */
  complete: boolean;
  loading: boolean;
}

export function DiagramRegion({ definitionId, version, status, activityName, complete, loading }: DiagramRegionProps) {
  const definition = useQuery({
    queryKey: ["definitions", definitionId, version],
    queryFn: () => get<{ definition: unknown }>(`/api/definitions/${encodeURIComponent(definitionId)}`, { query: { version } }),
    enabled: !!WorkflowDiagram,
    staleTime: Infinity,
  });
  const counts = countStates(status);
  const named = (state: ActivityState) =>
    Object.entries(status)
      .filter(([, s]) => s === state)
      .map(([id]) => ({ id, name: activityName(id) }));

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="diagram-title" data-testid="diagram-region">
      <Stack gap="sm">
        <Title order={2} size="h4" id="diagram-title">
          Diagram
        </Title>
        {WorkflowDiagram && (
          <Box h={420} style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}>
            {definition.data ? (
              <DiagramBoundary>
                <Suspense fallback={<Center h="100%"><Loader aria-label="Loading the diagram" /></Center>}>
                  <WorkflowDiagram definition={definition.data.definition} activityStatus={status} />
                </Suspense>
              </DiagramBoundary>
            ) : (
              <Center h="100%">{definition.isError ? <Text size="sm">The definition could not be loaded.</Text> : <Loader aria-label="Loading the definition" />}</Center>
            )}
          </Box>
        )}
        {loading ? (
          <Loader size="sm" aria-label="Reading the journal" />
        ) : (
          <>
            <Group gap="xs" data-testid="activity-summary">
              {(Object.keys(stateLabels) as ActivityState[]).map((state) => (
                <Badge key={state} color={stateColours[state]} variant="outline">
                  {stateLabels[state]}: {counts[state]}
                </Badge>
              ))}
            </Group>
            {(["active", "faulted"] as ActivityState[]).map(
              (state) =>
                counts[state] > 0 && (
                  <div key={state}>
                    <Text size="sm" fw={600}>
                      {stateLabels[state]}
                    </Text>
                    <List size="sm">
                      {named(state).map((activity) => (
                        <List.Item key={activity.id}>{activity.name}</List.Item>
                      ))}
                    </List>
                  </div>
                ),
            )}
            {!complete && (
              <Text size="xs" c="dimmed">
                Summarised from the journal's first entries; this instance's journal is very long.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
