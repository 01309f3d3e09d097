import { Kbd, Modal, Table } from "@mantine/core";
import type { Shortcut } from "./useShortcuts";

export function ShortcutSheet({ opened, onClose, shortcuts }: { opened: boolean; onClose(): void; shortcuts: Shortcut[] }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Key</Table.Th>
            <Table.Th scope="col">What it does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.keys}>
              <Table.Td>
                <Kbd>{shortcut.keys}</Kbd>
              </Table.Td>
              <Table.Td>{shortcut.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
