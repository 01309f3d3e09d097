import type { ReactNode } from "react";
import { ListResults, type ListQuery } from "./ListResults";
import { Pager } from "./Pager";

/** One page of a list the server pages, as every paged endpoint answers it. */
export interface ResultPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

interface PagedResultsProps<T> {
  query: ListQuery<T> & { data?: ResultPage<T> };
  /** What the list holds, in the plural ("users"): says what is loading and where in the list a page is. */
  noun: string;
  errorTitle: string;
  empty: ReactNode;
  onPageChange: (page: number) => void;
  children: (items: T[]) => ReactNode;
}

/** A server-paged list: its loading, failure and empty states, then the page's rows and the page links under them. */
export function PagedResults<T>({ onPageChange, children, ...list }: PagedResultsProps<T>) {
  return (
    <ListResults {...list}>
      {(items) => (
        <>
          {children(items)}
          {list.query.data && <Pager page={list.query.data.page} pageSize={list.query.data.pageSize} total={list.query.data.total} onChange={onPageChange} label={list.noun} />}
        </>
      )}
    </ListResults>
  );
}
