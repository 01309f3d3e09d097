import { List, Stack, Text } from "@mantine/core";
import { organisationTimeZone } from "../../components/format";
import type { MetricResult } from "./api";
import { filtersText, measureSentence, periodText, ratioSentence } from "./describe";
import { measureLabel, presentationOf, ratioLabel } from "./presentation";
import type { Names } from "./charts/MetricVisuals";

/**
 * What a metric counts, in the server's own words: its population, each rate with its numerator and denominator, its
 * other figures, and the period and filters it covers.
 */
export function TrustNotes({ result, names, ratiosShown }: { result: MetricResult; names: Pick<Names, "pathway" | "team">; ratiosShown?: string[] }) {
  const p = presentationOf(result.metric, result.title);
  const ratios = ratiosShown ? result.ratios.filter((r) => ratiosShown.includes(r.name)) : result.ratios;
  return (
    <Stack gap={6}>
      <Text size="sm">
        <Text span fw={600}>
          Who is counted:{" "}
        </Text>
        {result.population}
      </Text>
      {(ratios.length > 0 || Object.keys(result.measures).length > 0) && (
        <List size="sm" spacing={4}>
          {ratios.map((ratio) => (
            <List.Item key={ratio.name}>
              <Text span fw={600} size="sm">
                {ratioLabel(p, ratio.name)}
              </Text>{" "}
              {ratioSentence(ratio)}
            </List.Item>
          ))}
          {Object.entries(result.measures).map(([name, measure]) => (
            <List.Item key={name}>{measureSentence(measureLabel(p, name), measure)}</List.Item>
          ))}
        </List>
      )}
      <Text size="sm" c="dimmed">
        Period {periodText(result.from, result.to, organisationTimeZone())}; {filtersText(result.filters, names)}.
      </Text>
    </Stack>
  );
}
