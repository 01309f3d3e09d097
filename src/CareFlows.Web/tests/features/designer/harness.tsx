import { useState } from "react";
import { screen } from "@testing-library/react";
import type { ElsaActivity, ElsaDefinition } from "../../../src/components/flow/elsa";
import type { Change } from "../../../src/features/designer/model/document";
import { PropertyPanel } from "../../../src/features/designer/properties/PropertyPanel";
import type { ValidationProblem } from "../../../src/features/designer/model/problemPaths";
import { descriptors } from "./fixtures";

// CodeMirror measures text with ranges, which jsdom lacks.
if (!Range.prototype.getClientRects) {
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON() {} }) as DOMRect;
}

/** The property panel over a definition held in state, with the edited activity's JSON in an output to read back. */
export function PanelHarness({ initial, activityId, problems = [] }: { initial: ElsaDefinition; activityId: string; problems?: { field?: string; problem: ValidationProblem }[] }) {
  const [definition, setDefinition] = useState(initial);
  const apply = (change: Change) => setDefinition((d) => change(d));
  const activity = definition.root.activities.find((a) => a.id === activityId)!;
  return (
    <>
      <PropertyPanel activity={activity} document={definition} descriptors={descriptors} apply={apply} problems={problems} onConnect={() => {}} />
      <output data-testid="activity">{JSON.stringify(activity)}</output>
      <output data-testid="connections">{JSON.stringify(definition.root.connections)}</output>
    </>
  );
}

export const edited = (): ElsaActivity => JSON.parse(screen.getByTestId("activity").textContent ?? "{}");
