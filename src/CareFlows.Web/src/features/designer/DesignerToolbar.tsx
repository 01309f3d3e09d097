import { memo } from "react";
import { ActionIcon, Badge, Button, Divider, Group, Menu, Text, Tooltip } from "@mantine/core";
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconArrowLeft,
  IconBraces,
  IconChevronDown,
  IconClipboard,
  IconCopy,
  IconDownload,
  IconHierarchy,
  IconLayoutAlignBottom,
  IconLayoutAlignCenter,
  IconLayoutAlignLeft,
  IconLayoutAlignMiddle,
  IconLayoutAlignRight,
  IconLayoutAlignTop,
  IconPlugConnected,
  IconTrash,
  IconUpload,
} from "@tabler/icons-react";
import { Link } from "react-router";
import type { Alignment } from "./model/document";
import { StatusBadge } from "./versions/VersionHistory";

export interface DesignerToolbarProps {
  name: string;
  version: number | null;
  status: string | null;
  dirty: boolean;
  canEdit: boolean;
  canUndo: boolean;
  canRedo: boolean;
  selectedCount: number;
  hasSelection: boolean;
  saving: boolean;
  publishing: boolean;
  canRetire: boolean;
  onUndo(): void;
  onRedo(): void;
  onCopy(): void;
  onPaste(): void;
  onDelete(): void;
  onConnect(): void;
  onAlign(alignment: Alignment): void;
  onLayout(): void;
  onCode(): void;
  onImport(): void;
  onExport(): void;
  onSave(): void;
  onPublish(): void;
  onRetire(): void;
}

// Memoized, and given the icon's component rather than an element, so that a tool re-renders (with its tooltip)
// only when it is enabled or disabled.
const Tool = memo(function Tool({ label, onClick, disabled, icon: Icon, testId }: { label: string; onClick(): void; disabled?: boolean; icon: typeof IconCopy; testId?: string }) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray.8" size="lg" aria-label={label} onClick={onClick} disabled={disabled} data-testid={testId}>
        <Icon size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
});

const alignments: { value: Alignment; label: string; Icon: typeof IconLayoutAlignLeft }[] = [
  { value: "left", label: "Align left edges", Icon: IconLayoutAlignLeft },
  { value: "center", label: "Align centres", Icon: IconLayoutAlignCenter },
  { value: "right", label: "Align right edges", Icon: IconLayoutAlignRight },
  { value: "top", label: "Align top edges", Icon: IconLayoutAlignTop },
  { value: "middle", label: "Align middles", Icon: IconLayoutAlignMiddle },
  { value: "bottom", label: "Align bottom edges", Icon: IconLayoutAlignBottom },
];

/**
 * Save, Publish and the editing tools, each with a name a screen reader says and a shortcut where there is one.
 * Memoized: its handlers are stable, so it re-renders only when what it shows changes.
 */
export const DesignerToolbar = memo(function DesignerToolbar(p: DesignerToolbarProps) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" role="toolbar" aria-label="Designer tools">
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Tooltip label="Back to pathways">
          <ActionIcon component={Link} to="/definitions" variant="subtle" color="gray.8" size="lg" aria-label="Back to pathways">
            <IconArrowLeft size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <div style={{ minWidth: 0 }}>
          <Text component="h1" fw={700} size="md" truncate>
            {p.name || "Untitled pathway"}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {p.version ? `Version ${p.version}` : "New"}
            </Text>
            {p.status && <StatusBadge status={p.status} />}
            {p.dirty && (
              <Badge size="sm" color="orange" variant="light" c="dark.7" data-testid="unsaved-badge">
                Unsaved changes
              </Badge>
            )}
          </Group>
        </div>
      </Group>
      <Group gap={2} wrap="nowrap">
        {p.canEdit && (
          <>
            <Tool label="Undo (Ctrl+Z)" onClick={p.onUndo} disabled={!p.canUndo} testId="undo" icon={IconArrowBackUp} />
            <Tool label="Redo (Ctrl+Shift+Z)" onClick={p.onRedo} disabled={!p.canRedo} testId="redo" icon={IconArrowForwardUp} />
            <Divider orientation="vertical" mx={4} />
            <Tool label="Copy (Ctrl+C)" onClick={p.onCopy} disabled={p.selectedCount === 0} icon={IconCopy} />
            <Tool label="Paste (Ctrl+V)" onClick={p.onPaste} icon={IconClipboard} />
            <Tool label="Delete selected (Delete)" onClick={p.onDelete} disabled={!p.hasSelection} icon={IconTrash} />
            <Tool label="Connect to…" onClick={p.onConnect} disabled={p.selectedCount !== 1} testId="connect-to" icon={IconPlugConnected} />
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="subtle" color="gray.8" size="compact-sm" rightSection={<IconChevronDown size={14} aria-hidden />} disabled={p.selectedCount < 2}>
                  Align
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {alignments.map(({ value, label, Icon }) => (
                  <Menu.Item key={value} leftSection={<Icon size={16} aria-hidden />} onClick={() => p.onAlign(value)}>
                    {label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Tool label="Auto-layout" onClick={p.onLayout} testId="auto-layout" icon={IconHierarchy} />
            <Divider orientation="vertical" mx={4} />
          </>
        )}
        <Tool label="JSON code view" onClick={p.onCode} testId="code-view" icon={IconBraces} />
        {p.canEdit && (
          <Tool label="Import Elsa JSON into this pathway" onClick={p.onImport} icon={IconUpload} />
        )}
        <Tool label="Export as Elsa JSON" onClick={p.onExport} testId="export" icon={IconDownload} />
        {p.canEdit && (
          <>
            <Divider orientation="vertical" mx={4} />
            <Button size="sm" variant="default" onClick={p.onSave} loading={p.saving} data-testid="save">
              Save draft
            </Button>
            <Button size="sm" onClick={p.onPublish} loading={p.publishing} data-testid="publish">
              Publish
            </Button>
            {p.canRetire && (
              <Button size="sm" variant="subtle" color="red" c="red.9" onClick={p.onRetire} data-testid="retire">
                Retire
              </Button>
            )}
          </>
        )}
      </Group>
    </Group>
  );
});
