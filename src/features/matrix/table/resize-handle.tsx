/** Narrowest and widest a column can be dragged or stepped to. */
export const MIN_COLUMN_PX = 96;
export const MAX_COLUMN_PX = 640;
/** How far one arrow key press resizes a column. */
const KEY_STEP_PX = 16;

/** Drag (pointer) or arrow keys (keyboard) to resize a column. */
export function ResizeHandle({
  label,
  size,
  onPointerDown,
  onResize,
}: {
  label: string;
  size: number;
  onPointerDown: (event: unknown) => void;
  onResize: (delta: number) => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA pattern for a resizer
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={Math.round(size)}
      aria-valuemin={MIN_COLUMN_PX}
      aria-valuemax={MAX_COLUMN_PX}
      tabIndex={0}
      className="resize-handle"
      onMouseDown={onPointerDown}
      onTouchStart={onPointerDown}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          onResize(e.key === 'ArrowLeft' ? -KEY_STEP_PX : KEY_STEP_PX);
        }
      }}
    />
  );
}
