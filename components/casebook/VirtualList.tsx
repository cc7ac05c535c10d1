/**
 * A windowed list: only the rows in view (plus `overscan` above and below) are in the DOM, so 5,000 rows
 * scroll as smoothly as 50. Fixed row height; the container fills its parent (give it a height via CSS).
 * `activeIndex` is kept in view (keyboard navigation moves it).
 */
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

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

function VirtualListInner<T>({ items, rowHeight, renderRow, overscan = 8, activeIndex, header, headerHeight = 0, ...rest }: Props<T>, ref: React.Ref<VirtualListHandle>) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const scrollToIndex = (index: number) => {
    const el = box.current;
    if (!el || index < 0) return;
    const top = index * rowHeight;
    const viewTop = el.scrollTop;
    const viewBottom = viewTop + el.clientHeight - headerHeight;
    if (top < viewTop) el.scrollTop = top;
    else if (top + rowHeight > viewBottom) el.scrollTop = top + rowHeight - (el.clientHeight - headerHeight);
  };
  useImperativeHandle(ref, () => ({ scrollToIndex }));
  useEffect(() => {
    if (activeIndex !== undefined) scrollToIndex(activeIndex);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the active row moves
  }, [activeIndex]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i += 1) rows.push(renderRow(items[i], i, { position: 'absolute', top: i * rowHeight, height: rowHeight, left: 0, right: 0 }));

  return (
    <div ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} style={{ overflow: 'auto', position: 'relative' }} {...rest}>
      {header}
      <div style={{ position: 'relative', height: items.length * rowHeight }}>{rows}</div>
    </div>
  );
}

/** See the module comment. */
export const VirtualList = forwardRef(VirtualListInner) as <T>(p: Props<T> & { ref?: React.Ref<VirtualListHandle> }) => ReturnType<typeof VirtualListInner>;
