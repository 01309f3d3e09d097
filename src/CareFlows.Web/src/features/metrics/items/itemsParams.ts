import { useSearchParams } from "react-router";
import { itemSets, type ItemSet, type MetricItemsQuery } from "./itemsApi";

/** The address parameters of the item list, beside the metric's own period and filters. */
export const itemParamNames = ["items", "in", "itemsSort", "itemsPage", "itemsPageSize"] as const;

export const itemPageSizes = ["25", "50", "100", "200"];
export const defaultItemPageSize = "50";

/** The list shown under a metric, if any, as the address says: `?items=contactRate&in=missed&itemsSort=-counted&itemsPage=2`. */
export function itemsQueryOf(params: URLSearchParams): MetricItemsQuery | null {
  const figure = params.get("items");
  if (!figure) return null;
  const set = params.get("in");
  const page = Number(params.get("itemsPage"));
  const size = params.get("itemsPageSize");
  return {
    figure,
    in: itemSets.includes(set as ItemSet) ? (set as ItemSet) : undefined,
    sort: params.get("itemsSort") || undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    pageSize: size && itemPageSizes.includes(size) ? Number(size) : undefined,
  };
}

/** The address that lists a figure's items (a fresh list: first page, default order), keeping the period and filters. */
export function withItems(params: URLSearchParams, figure: string | null, set?: ItemSet): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of itemParamNames) next.delete(name);
  if (figure) {
    next.set("items", figure);
    if (set) next.set("in", set);
  }
  return next;
}

/** The item list's state in the address, and its changes (which keep the figure, and go back to page 1 unless paging). */
export function useItemsParams() {
  const [params, setParams] = useSearchParams();
  const query = itemsQueryOf(params);
  const change = (changes: Partial<Record<(typeof itemParamNames)[number], string | null>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!("itemsPage" in changes)) next.delete("itemsPage");
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  return {
    query,
    params,
    show: (set: ItemSet) => change({ in: set }),
    sortBy: (sort: string | null) => change({ itemsSort: sort }),
    goTo: (page: number) => change({ itemsPage: page > 1 ? String(page) : null }),
    resize: (size: string | null) => change({ itemsPageSize: size === defaultItemPageSize ? null : size }),
    close: () => setParams((current) => withItems(current, null)),
  };
}
