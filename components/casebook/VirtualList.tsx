/**
 * A windowed list over @tanstack/react-virtual: only the rows in view (plus `overscan` above and below) are in
 * the DOM, so 5,000 rows scroll as smoothly as 50. Fixed row height; the container fills its parent (give it
 * a height via CSS). `activeIndex` is kept in view below the sticky header (keyboard navigation moves it).
 *
 * Why the library and not our own (issue #16): the hand-rolled list it replaces (git history, before
 * 2026-12-04) re-rendered the whole window on every scroll event and measured its height only once mounted;
 * the virtualizer batches scroll updates, takes the scroll box's size before the first paint (`initialRect`)
 * and scrolls an index into view below the sticky header. Ours was not measured faster. The bench's case book
 * phase (tests/bench/casebook.ts, 5,000 employees, 3 loads × 5 filters), run back to back on the 2-core VM
 * under a load average of 15–22 from other sessions (so only the order of magnitude means anything):
 *   hand-rolled list, full read first:        first rows 2039 ms median (best load 493 ms), filter 14.2 ms median
 *   this list, first screen from loadFirstScreen: first rows 605 ms median (best load 432 ms), filter 25.2 ms median
 * The filter difference (the grid settling after a search, n = 15 each) is within this machine's noise (the same
 * code measured 25–31 ms in three runs); rerun `npm run bench -- --only storage,casebook` on a quiet machine.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, type HTMLAttributes, type ReactNode } from 'react';

export interface VirtualListHandle {
  scrollToIndex(index: number): void;
}

interface Props<T> extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number, style: { position: 'absolute'; top: number; height: number; left: 0; right: 0 }) => ReactNode;
  overscan?: number;
  activeIndex?: number;
  /** Rendered above the rows, inside the scroll container (sticky header). */
  header?: ReactNode;
  headerHeight?: number;
}

/** The scroll box's height before it is measured: a laptop screen's worth of rows for the first paint. */
const INITIAL_HEIGHT = 600;

function VirtualListInner<T>({ items, rowHeight, renderRow, overscan = 8, activeIndex, header, headerHeight = 0, ...rest }: Props<T>, ref: React.Ref<VirtualListHandle>) {
  const box = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => box.current,
    estimateSize: () => rowHeight,
    overscan,
    // The rows start below the header inside the scroll box; an index scrolled into view must not hide under it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialRect: { width: 0, height: INITIAL_HEIGHT },
  });

  const scrollToIndex = (index: number) => {
    if (index >= 0 && index < items.length) virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  useImperativeHandle(ref, () => ({ scrollToIndex }));
  useEffect(() => {
    if (activeIndex !== undefined) scrollToIndex(activeIndex);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the active row moves
  }, [activeIndex]);

  return (
    <div ref={box} style={{ overflow: 'auto', position: 'relative' }} {...rest}>
      {header}
      <div style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => renderRow(items[v.index], v.index, { position: 'absolute', top: v.index * rowHeight, height: rowHeight, left: 0, right: 0 }))}
      </div>
    </div>
  );
}

/** See the module comment. */
export const VirtualList = forwardRef(VirtualListInner) as <T>(p: Props<T> & { ref?: React.Ref<VirtualListHandle> }) => ReturnType<typeof VirtualListInner>;
