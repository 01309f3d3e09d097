import { useMemo } from "react";
import { useParams } from "react-router";
import { ReactFlowProvider } from "@xyflow/react";
import { Center, Loader } from "@mantine/core";
import { ApiError } from "../../api/problem";
import { useAuth } from "../../auth/AuthContext";
import { clearDraft, draftKey, readDraft } from "../../auth/drafts";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useActivityDescriptors } from "../../components/flow/activityDescriptors";
import { NotFound } from "../../components/NotFound";
import { useDefinition } from "./api/definitionsApi";
import { Designer } from "./Designer";
import type { DesignerDraft } from "./model/useDesignerDocument";

/** `/definitions/:definitionId`: loads the latest version and the activity types, then opens the designer. */
export function DesignerPage() {
  const { definitionId = "" } = useParams();
  const { user, can } = useAuth();
  const definition = useDefinition(definitionId);
  const descriptors = useActivityDescriptors();
  const key = draftKey(user?.name ?? "", `designer:${definitionId}`);

  // A draft left from a save is not work in progress; only unsaved changes are restored.
  const restored = useMemo(() => {
    const draft = readDraft<DesignerDraft>(key);
    if (draft && (!draft.dirty || draft.definitionId !== definitionId)) clearDraft(key);
    return !!draft?.dirty && draft.definitionId === definitionId;
  }, [key, definitionId]);

  if (definition.isLoading || descriptors.isLoading) {
    return (
      <Center h="60vh">
        <Loader aria-label="Loading the pathway" />
      </Center>
    );
  }
  if (definition.error instanceof ApiError && definition.error.status === 404) return <NotFound />;
  if (definition.error || descriptors.error) {
    return <ErrorAlert error={definition.error ?? descriptors.error} title="The pathway could not be opened" onRetry={() => void (definition.error ? definition.refetch() : descriptors.refetch())} />;
  }
  return (
    <ReactFlowProvider>
      <Designer key={definitionId} initial={definition.data!} descriptors={descriptors.data!} draftKey={key} canEdit={can.editDefinitions} restored={restored} />
    </ReactFlowProvider>
  );
}
