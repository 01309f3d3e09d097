import { Anchor, Table, Text, VisuallyHidden } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import type { MetricResult } from "./api";
import { formatMeasure, formatPercent } from "./describe";
import type { ItemSet } from "./items/itemsApi";
import { withItems } from "./items/itemsParams";
import { measureLabel, presentationOf, ratioLabel } from "./presentation";

/**
 * Every rate and figure with its exact definition, as a table. For those who may read patient data, each count opens
 * the list of the items it counts; for others the numbers stay plain text, with nothing to press.
 */
export function FiguresTable({ result, canDrill }: { result: MetricResult; canDrill: boolean }) {
  const p = presentationOf(result.metric, result.title);
  const [params] = useSearchParams();
  const count = (figure: string, label: string, n: number, set: ItemSet | undefined, what: string) =>
    canDrill && n > 0 ? (
      <Anchor component={Link} to={`?${withItems(params, figure, set).toString()}`} aria-label={`${n}: list the ${what} of ${label}`} fw={600}>
        {n}
      </Anchor>
    ) : (
      <Text span fw={600} inherit>
        {n}
      </Text>
    );

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
          <Text size="sm" c="dimmed" component="span">
            Every figure of this metric with what it counts{canDrill ? "; each number opens the items behind it." : "."}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Figure</Table.Th>
            <Table.Th scope="col" ta="right">
              Value
            </Table.Th>
            <Table.Th scope="col">Counts</Table.Th>
            <Table.Th scope="col">Out of</Table.Th>
            <Table.Th scope="col" ta="right">
              Not counted
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.ratios.map((ratio) => {
            const label = ratioLabel(p, ratio.name);
            return (
              <Table.Tr key={ratio.name}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td ta="right">{formatPercent(ratio.rate)}</Table.Td>
                <Table.Td>
                  {count(ratio.name, label, ratio.numerator, "numerator", "items counted")}: {ratio.numeratorDefinition}
                </Table.Td>
                <Table.Td>
                  {count(ratio.name, label, ratio.denominator, "denominator", "items it is out of")}: {ratio.denominatorDefinition}
                </Table.Td>
                <Table.Td ta="right">{count(ratio.name, label, ratio.denominator - ratio.numerator, "missed", "items not counted")}</Table.Td>
              </Table.Tr>
            );
          })}
          {Object.entries(result.measures).map(([name, measure]) => {
            const label = measureLabel(p, name);
            return (
              <Table.Tr key={name}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td ta="right">{formatMeasure(measure)}</Table.Td>
                <Table.Td colSpan={3}>
                  {measure.definition}
                  {canDrill && measure.value !== null && measure.value !== 0 && (
                    <>
                      {" · "}
                      <Anchor component={Link} to={`?${withItems(params, name).toString()}`} size="sm">
                        List the items
                        <VisuallyHidden> behind {label}</VisuallyHidden>
                      </Anchor>
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
