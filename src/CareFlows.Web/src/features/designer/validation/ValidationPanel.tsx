import { Badge, Group, Loader, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconAlertCircle, IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { describeError } from "../../../api/problem";
import type { DescriptorMap } from "../../../components/flow/activityDescriptors";
import type { ElsaDefinition } from "../../../components/flow/elsa";
import { activityTitle } from "../../../components/flow/flowModel";
import { problemTarget, type ProblemTarget, type ValidationProblem } from "../model/problemPaths";

export interface ValidationPanelProps {
  problems: readonly ValidationProblem[];
  /** The document the problems' paths refer to. */
  document: ElsaDefinition;
  descriptors?: DescriptorMap;
  checking: boolean;
  error?: unknown;
  canRun?: boolean;
  onSelect(target: ProblemTarget, problem: ValidationProblem): void;
}

/** Every problem the server found, by where it is; choosing one selects its activity and moves focus to its field. */
export function ValidationPanel({ problems, document, descriptors, checking, error, canRun, onSelect }: ValidationPanelProps) {
  const errors = problems.filter((p) => p.severity === "Error").length;
  const warnings = problems.length - errors;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "Error" ? -1 : 1));
  return (
    <Stack gap={4} component="section" aria-labelledby="problems-title" data-testid="validation-panel">
      <Group gap="xs">
        <Text id="problems-title" fw={600} size="sm">
          Problems
        </Text>
        {checking && <Loader size={12} aria-label="Checking the pathway" />}
        <Badge size="sm" color={errors ? "red.8" : "gray"} variant={errors ? "filled" : "light"} c={errors ? undefined : "dark.7"}>
          {errors} {errors === 1 ? "error" : "errors"}
        </Badge>
        <Badge size="sm" color={warnings ? "yellow" : "gray"} variant="light" c="dark.7">
          {warnings} {warnings === 1 ? "warning" : "warnings"}
        </Badge>
        {canRun === false && errors === 0 && (
          <Text size="xs" c="red.9">
            It cannot run yet.
          </Text>
        )}
      </Group>
      <VisuallyHidden aria-live="polite">{checking ? "" : `${errors} errors, ${warnings} warnings`}</VisuallyHidden>
      {error ? (
        <Text size="sm" c="red.9" role="alert">
          The pathway could not be checked: {describeError(error)}
        </Text>
      ) : null}
      {!checking && !error && problems.length === 0 && (
        <Group gap={4}>
          <IconCircleCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden />
          <Text size="sm">No problems found.</Text>
        </Group>
      )}
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {sorted.map((problem, index) => {
          const target = problemTarget(document, problem.path);
          const where =
            target.kind === "activity" ? activityTitle(document.root.activities[target.index], descriptors) + (target.field ? ` › ${target.field}` : "")
            : target.kind === "connection" ? `Connection ${target.index + 1}`
            : "Workflow";
          const isError = problem.severity === "Error";
          return (
            <li key={`${problem.path}-${index}`}>
              <UnstyledButton className="cf-problem-row" onClick={() => onSelect(target, problem)} data-testid="validation-problem" data-path={problem.path}>
                {isError ? <IconAlertCircle size={16} color="var(--mantine-color-red-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} /> : <IconAlertTriangle size={16} color="var(--mantine-color-yellow-9)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
                <span>
                  <Text span size="sm" fw={700} c={isError ? "red.9" : "dark.7"}>
                    {isError ? "Error" : "Warning"}
                  </Text>{" "}
                  <Text span size="sm" fw={500}>
                    {where}:
                  </Text>{" "}
                  <Text span size="sm">
                    {problem.message}
                  </Text>{" "}
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {problem.path}
                  </Text>
                </span>
              </UnstyledButton>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
