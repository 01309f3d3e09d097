import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useValueAfterPointerUp } from "./model/useValueAfterPointerUp";
import { useStableCallback } from "../../components/useStableCallback";
import { useReactFlow } from "@xyflow/react";
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../api/problem";
import { ErrorAlert } from "../../components/ErrorAlert";
import type { DescriptorMap } from "../../components/flow/activityDescriptors";
import { connectionEnds, positionOf, type ElsaDefinition } from "../../components/flow/elsa";
import { WorkflowDiagram } from "../../components/flow/WorkflowDiagram";
import { portsOf } from "../../components/flow/outcomes";
import { takenConnections } from "../../components/flow/takenConnections";
import {
  definitionKeys,
  publishDefinition,
  retireDefinition,
  revertDefinition,
  saveDraft,
  type DefinitionResponse,
  type DefinitionVersion,
} from "./api/definitionsApi";
import { DesignerCanvas, type CanvasSelection } from "./canvas/DesignerCanvas";
import { ConnectModal } from "./canvas/ConnectModal";
import { JsonCodeView } from "./code/JsonCodeView";
import { checkDefinitionShape } from "./code/definitionShape";
import { ConflictModal } from "./ConflictModal";
import { DesignerToolbar } from "./DesignerToolbar";
import { copyActivities, pasteActivities, readClipboard } from "./model/clipboard";
import { addActivities, align, connect, newActivity, removeActivities, removeConnectionsAt, type Alignment } from "./model/document";
import { autoLayout } from "./model/layout";
import { problemCounts, problemTarget, type ProblemTarget, type ValidationProblem } from "./model/problemPaths";
import { useDesignerDocument, type DesignerDraft } from "./model/useDesignerDocument";
import { PropertyPanel, type FieldFocus } from "./properties/PropertyPanel";
import { TestRunPanel, type ActiveTestRun } from "./testrun/TestRunPanel";
import { Toolbox } from "./Toolbox";
import { ValidationPanel } from "./validation/ValidationPanel";
import { useValidation } from "./validation/useValidation";
import { VersionHistory } from "./versions/VersionHistory";
import { WorkflowPanel } from "./workflow/WorkflowPanel";
import "./designer.css";

export interface DesignerProps {
  initial: DefinitionResponse;
  descriptors: DescriptorMap;
  draftKey: string;
  canEdit: boolean;
  restored?: boolean;
}

type Panel = "properties" | "history" | "test";

const emptySelection: CanvasSelection = { nodes: [], edges: [] };
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function isEditable(target: EventTarget | null) {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || !!element.closest?.(".cm-editor, [role=dialog]");
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The pathway designer: toolbox, canvas, properties, problems, history and the test run around one working copy. */
export function Designer({ initial, descriptors, draftKey, canEdit, restored }: DesignerProps) {
  const definitionId = initial.definitionId;
  const doc = useDesignerDocument(draftKey, (): DesignerDraft => ({ definitionId, document: initial.definition, etag: initial.etag, version: initial.version, dirty: false }));
  const { document: definition, apply } = doc;
  const [meta, setMeta] = useState<DefinitionVersion>(initial);
  const [selection, setSelectionState] = useState<CanvasSelection>(emptySelection);
  const [panel, setPanel] = useState<Panel>("properties");
  const [fieldFocus, setFieldFocus] = useState<FieldFocus | null>(null);
  const [canvasFocus, setCanvasFocus] = useState<{ activityId: string; nonce: number } | null>(null);
  const [connectOpen, setConnectOpen] = useState(false);
  const [codeOpen, setCodeOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [retireOpen, setRetireOpen] = useState(false);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const [testRun, setTestRun] = useState<ActiveTestRun | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const queries = useQueryClient();
  const flow = useReactFlow();
  const readOnly = !canEdit;

  const setSelection = useCallback((next: CanvasSelection) => {
    setSelectionState((current) => (sameList(current.nodes, next.nodes) && sameList(current.edges, next.edges) ? current : next));
  }, []);

  // Drop ids that no longer exist (after undo, say).
  useEffect(() => {
    const ids = new Set(definition.root.activities.map((a) => a.id));
    setSelectionState((current) => (current.nodes.every((id) => ids.has(id)) ? current : { ...current, nodes: current.nodes.filter((id) => ids.has(id)) }));
  }, [definition.root.activities]);

  const validation = useValidation(definition);
  const problems = useMemo(() => validation.report?.problems ?? [], [validation.report]);
  const checked = validation.checked ?? definition;
  const counts = useMemo(() => problemCounts(checked, problems), [checked, problems]);
  const problemConnections = useMemo(() => {
    const keys = new Set(
      problems
        .map((p) => problemTarget(checked, p.path))
        .filter((t): t is Extract<ProblemTarget, { kind: "connection" }> => t.kind === "connection")
        .map((t) => checked.root.connections[t.index])
        .filter(Boolean)
        .map((c) => JSON.stringify(connectionEnds(c))),
    );
    return new Set(definition.root.connections.map((c, i) => (keys.has(JSON.stringify(connectionEnds(c))) ? i : -1)).filter((i) => i >= 0));
  }, [problems, checked, definition.root.connections]);

  const selectedActivity = selection.nodes.length === 1 ? definition.root.activities.find((a) => a.id === selection.nodes[0]) : undefined;
  // Pressing on an activity to drag it selects it: the property panel follows once the pointer is released, so its
  // editors do not hold up the frames in which the activity starts to move.
  const panelActivityId = useValueAfterPointerUp(selectedActivity?.id);
  const panelActivity = panelActivityId === undefined ? undefined : definition.root.activities.find((a) => a.id === panelActivityId);
  const activityProblems = useMemo(() => {
    if (!selectedActivity) return [];
    return problems.flatMap((problem) => {
      const target = problemTarget(checked, problem.path);
      return target.kind === "activity" && target.activityId === selectedActivity.id ? [{ field: target.field, problem }] : [];
    });
  }, [problems, checked, selectedActivity]);

  const invalidateLists = () => void queries.invalidateQueries({ queryKey: definitionKeys.all });

  const addActivity = useCallback(
    (typeName: string, at?: { x: number; y: number }) => {
      const descriptor = descriptors.get(typeName);
      if (!descriptor || readOnly) return;
      let position = at;
      let from: { id: string; port: string } | undefined;
      const current = doc.current.current.document;
      const anchor = !at && selection.nodes.length === 1 ? current.root.activities.find((a) => a.id === selection.nodes[0]) : undefined;
      if (anchor) {
        const p = positionOf(anchor) ?? { x: 0, y: 0 };
        position = { x: p.x, y: p.y + 160 };
        const ports = portsOf(anchor, descriptors.get(anchor.type), current.root.connections).filter((x) => !x.unknown);
        const used = new Set(current.root.connections.map(connectionEnds).filter((c) => c.source === anchor.id).map((c) => c.sourcePort));
        const port = ports.find((x) => !used.has(x.name)) ?? ports[0];
        if (port) from = { id: anchor.id, port: port.name };
      }
      if (!position) {
        const box = window.document.querySelector("[data-testid=designer-canvas]")?.getBoundingClientRect();
        const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
        position = { x: centre.x - 120, y: centre.y - 30 };
      }
      const activity = newActivity(current, descriptor, position);
      apply((d) => {
        const added = addActivities(d, [activity]);
        return from ? connect(added, from.id, from.port, activity.id) : added;
      });
      setSelectionState({ nodes: [activity.id], edges: [] });
      setPanel("properties");
    },
    [apply, descriptors, doc.current, flow, readOnly, selection.nodes],
  );

  const deleteSelection = useCallback(() => {
    const ids = new Set(selection.nodes);
    const edgeIndexes = new Set(selection.edges.map((id) => Number(/^c(\d+):/.exec(id)?.[1])).filter((n) => !Number.isNaN(n)));
    apply((d) => removeActivities(removeConnectionsAt(d, edgeIndexes), ids));
    setSelectionState(emptySelection);
  }, [apply, selection]);

  const copy = useCallback(() => {
    const count = copyActivities(doc.current.current.document, new Set(selection.nodes));
    if (count) notifications.show({ message: `Copied ${count} ${count === 1 ? "activity" : "activities"}. Paste with Ctrl+V here or in another pathway.` });
  }, [doc.current, selection.nodes]);

  const paste = useCallback(() => {
    const clip = readClipboard();
    if (!clip || readOnly) {
      if (!clip) notifications.show({ message: "Nothing to paste: copy activities first." });
      return;
    }
    let pasted: string[] = [];
    apply((d) => {
      const result = pasteActivities(d, clip);
      pasted = result.ids;
      return result.definition;
    });
    setSelectionState({ nodes: pasted, edges: [] });
  }, [apply, readOnly]);

  const save = useCallback(
    async (overwrite = false): Promise<DefinitionResponse | null> => {
      const sent = doc.current.current.document;
      setSaving(true);
      setActionError(null);
      try {
        const stored = await saveDraft(definitionId, sent, overwrite ? null : doc.current.current.etag);
        doc.saved(sent, stored);
        setMeta(stored);
        setConflict(null);
        invalidateLists();
        notifications.show({ color: "teal", message: `Saved as version ${stored.version} (draft).` });
        return stored;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) setConflict(error.message);
        else setActionError({ title: "The draft was not saved", error });
        return null;
      } finally {
        setSaving(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [definitionId, doc.saved, doc.current],
  );

  const publish = async () => {
    setPublishing(true);
    setActionError(null);
    try {
      if (doc.current.current.dirty && !(await save())) return;
      const published = await publishDefinition(definitionId);
      setMeta(published);
      doc.saved(doc.current.current.document, published);
      invalidateLists();
      notifications.show({ color: "teal", message: `Version ${published.version} is published: new instances start on it.` });
    } catch (error) {
      setActionError({ title: "The pathway was not published", error });
    } finally {
      setPublishing(false);
    }
  };

  const retire = async () => {
    try {
      const retired = await retireDefinition(definitionId);
      setMeta(retired);
      invalidateLists();
      setRetireOpen(false);
      notifications.show({ message: `Version ${retired.version} is retired: no new instances start; running ones finish on it.` });
    } catch (error) {
      setRetireOpen(false);
      setActionError({ title: "The pathway was not retired", error });
    }
  };

  const revert = async (version: number) => {
    const reverted = await revertDefinition(definitionId, version);
    doc.replace(reverted);
    setMeta(reverted);
    invalidateLists();
    notifications.show({ message: `Version ${version} was copied into a new draft, version ${reverted.version}.` });
  };

  const exportJson = () => download(`${definitionId}.json`, JSON.stringify(definition, null, 2));

  const importFile = async (file: File) => {
    const result = checkDefinitionShape(await file.text());
    if (!result.ok) {
      setImportErrors(result.errors);
      return;
    }
    // The file's content comes into this definition; its own ids and version flags stay this definition's.
    apply((d) => ({ ...result.definition, id: d.id, definitionId: d.definitionId, version: d.version, isLatest: d.isLatest, isPublished: d.isPublished }));
    setSelectionState(emptySelection);
    notifications.show({ message: `Imported ${file.name}. Undo with Ctrl+Z; save to keep it.` });
  };

  const onProblem = useCallback((target: ProblemTarget) => {
    setPanel("properties");
    if (target.kind === "activity") {
      setSelectionState({ nodes: [target.activityId], edges: [] });
      setFieldFocus({ activityId: target.activityId, field: target.field, nonce: Date.now() });
      setCanvasFocus({ activityId: target.activityId, nonce: Date.now() });
    } else if (target.kind === "connection" && target.sourceId) {
      setSelectionState({ nodes: [target.sourceId], edges: [] });
      setFieldFocus({ activityId: target.sourceId, field: undefined, nonce: Date.now() });
      setCanvasFocus({ activityId: target.sourceId, nonce: Date.now() });
    } else {
      setSelectionState(emptySelection);
      setTimeout(() => window.document.getElementById(target.kind === "workflow" && target.field === "variables" ? "variables-title" : "workflow-name")?.focus(), 60);
    }
  }, []);

  // Keyboard shortcuts for the document; typing in a field keeps the field's own undo.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if (key === "s") {
        event.preventDefault();
        if (canEdit) void save();
        return;
      }
      if (isEditable(event.target) || readOnly) return;
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        doc.undo();
      } else if ((key === "z" && event.shiftKey) || key === "y") {
        event.preventDefault();
        doc.redo();
      } else if (key === "c") {
        copy();
      } else if (key === "v") {
        event.preventDefault();
        paste();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, copy, doc, paste, readOnly, save]);

  const onAlign = (alignment: Alignment) => apply((d) => align(d, new Set(selection.nodes), alignment));
  const onLayout = () => {
    apply(autoLayout);
    setTimeout(() => void flow.fitView({ duration: 300 }), 50);
  };

  const showDiagram = panel === "test" && testRun;

  // Stable handlers keep the memoized toolbar and toolbox from re-rendering (with their tooltips) on every change.
  const toolbarActions = {
    onUndo: doc.undo,
    onRedo: doc.redo,
    onCopy: useStableCallback(copy),
    onPaste: useStableCallback(paste),
    onDelete: useStableCallback(deleteSelection),
    onConnect: useStableCallback(() => setConnectOpen(true)),
    onAlign: useStableCallback(onAlign),
    onLayout: useStableCallback(onLayout),
    onCode: useStableCallback(() => setCodeOpen(true)),
    onImport: useStableCallback(() => importInput.current?.click()),
    onExport: useStableCallback(exportJson),
    onSave: useStableCallback(() => void save()),
    onPublish: useStableCallback(() => void publish()),
    onRetire: useStableCallback(() => setRetireOpen(true)),
  };
  const addFromToolbox = useStableCallback((typeName: string) => addActivity(typeName));

  return (
    <div className="cf-designer" data-testid="designer">
      <div className="cf-designer-toolbar">
        <DesignerToolbar
          name={String(definition.name ?? "")}
          version={doc.draft.version}
          status={meta.status}
          dirty={doc.draft.dirty}
          canEdit={canEdit}
          canUndo={doc.canUndo}
          canRedo={doc.canRedo}
          selectedCount={selection.nodes.length}
          hasSelection={selection.nodes.length + selection.edges.length > 0}
          saving={saving}
          publishing={publishing}
          canRetire={meta.isPublished || meta.status === "Published"}
          {...toolbarActions}
        />
        <input
          ref={importInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Elsa JSON file to import"
          data-testid="designer-import-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (file) void importFile(file);
          }}
        />
        {restored && doc.draft.dirty && (
          <Alert color="blue" mt={6} py={6} title={null}>
            Your unsaved changes from earlier in this session were restored. Save them, or reload the stored version from the version history.
          </Alert>
        )}
        {actionError && (
          <div style={{ marginTop: 6 }}>
            <ErrorAlert error={actionError.error} title={actionError.title} />
          </div>
        )}
      </div>
      <aside className="cf-designer-toolbox">
        <Toolbox descriptors={descriptors} onAdd={addFromToolbox} disabled={readOnly} />
      </aside>
      <main className="cf-designer-canvas" aria-label="Canvas">
        {showDiagram ? (
          <WorkflowDiagram
            definition={testRun.definition}
            activityStatus={testRun.run.activityStatus}
            executedConnections={testRun.run.executedConnections ?? takenConnections(testRun.definition, testRun.run.journal, testRun.run.activityStatus)}
            descriptors={descriptors}
            height="100%"
            aria-label="Test run: the path taken"
          />
        ) : (
          <DesignerCanvas
            document={definition}
            descriptors={descriptors}
            selection={selection}
            onSelectionChange={setSelection}
            apply={apply}
            onDropActivity={addActivity}
            problems={counts}
            problemConnections={problemConnections}
            focus={canvasFocus}
            readOnly={readOnly}
          />
        )}
      </main>
      <aside className="cf-designer-panel" aria-label="Side panel">
        <SegmentedControl
          fullWidth
          size="xs"
          mb="sm"
          value={panel}
          onChange={(v) => setPanel(v as Panel)}
          aria-label="Side panel"
          data-testid="side-panel-tabs"
          data={[
            { value: "properties", label: "Properties" },
            { value: "history", label: "History" },
            // Test runs are for those who may change the pathway (the server's rule too).
            ...(canEdit ? [{ value: "test", label: "Test run" }] : []),
          ]}
        />
        {panel === "properties" &&
          (panelActivity ? (
            <PropertyPanel
              key={panelActivity.id}
              activity={panelActivity}
              document={definition}
              descriptors={descriptors}
              apply={apply}
              problems={activityProblems}
              focus={fieldFocus}
              onConnect={() => setConnectOpen(true)}
              readOnly={readOnly}
            />
          ) : selection.nodes.length > 1 ? (
            <Stack gap="xs">
              <Text fw={600}>{selection.nodes.length} activities selected</Text>
              <Text size="sm" c="dimmed">
                Align them from the toolbar, copy them with Ctrl+C, or delete them with Delete.
              </Text>
            </Stack>
          ) : (
            <WorkflowPanel document={definition} apply={apply} version={doc.draft.version} status={meta.status} problems={problems.filter((p) => problemTarget(checked, p.path).kind === "workflow")} readOnly={readOnly} />
          ))}
        {panel === "history" && <VersionHistory definitionId={definitionId} working={definition} descriptors={descriptors} canEdit={canEdit} dirty={doc.draft.dirty} onRevert={revert} />}
        {panel === "test" && canEdit && <TestRunPanel definitionId={definitionId} document={definition} descriptors={descriptors} run={testRun} onRunChange={setTestRun} />}
      </aside>
      <div className="cf-designer-problems">
        <ValidationPanel
          problems={problems}
          document={checked}
          descriptors={descriptors}
          checking={validation.checking}
          error={validation.error}
          canRun={validation.report?.canRun}
          onSelect={(target: ProblemTarget, _problem: ValidationProblem) => onProblem(target)}
        />
      </div>

      <ConnectModal
        opened={connectOpen}
        onClose={() => setConnectOpen(false)}
        source={selectedActivity}
        document={definition}
        descriptors={descriptors}
        onConnect={(port, target) => selectedActivity && apply((d) => connect(d, selectedActivity.id, port, target))}
      />
      <JsonCodeView opened={codeOpen} onClose={() => setCodeOpen(false)} document={definition} onApply={(d: ElsaDefinition) => apply(() => d)} readOnly={readOnly} />
      <ConflictModal
        opened={conflict !== null}
        definitionId={definitionId}
        mine={definition}
        descriptors={descriptors}
        message={conflict ?? undefined}
        onClose={() => setConflict(null)}
        onReload={(theirs) => {
          doc.replace(theirs);
          setMeta(theirs);
          setConflict(null);
          notifications.show({ message: "Their version is loaded. Ctrl+Z brings yours back." });
        }}
        onOverwrite={async () => {
          await save(true);
        }}
      />
      <Modal opened={retireOpen} onClose={() => setRetireOpen(false)} title="Retire this pathway?">
        <Stack gap="sm">
          <Text size="sm">No new instances will start on it and its timers stop. Instances already running finish on the version they started on.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRetireOpen(false)}>
              Cancel
            </Button>
            <Button color="red.9" onClick={() => void retire()}>
              Retire
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={importErrors !== null} onClose={() => setImportErrors(null)} title="The file was not imported">
        <Stack gap="xs" role="alert">
          {importErrors?.map((e) => (
            <Text key={e} size="sm">
              {e}
            </Text>
          ))}
        </Stack>
      </Modal>
    </div>
  );
}

