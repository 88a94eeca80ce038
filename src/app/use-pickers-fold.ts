import { type RefObject, useEffect, useRef, useState } from 'react';
import { isComplete, type ViewState } from './view-params';

/**
 * Whether the pickers are unfolded. A page that opens on a comparison (a link, a reload)
 * folds them once the comparison shows, unless focus is already in them. A comparison chosen
 * by hand leaves them open, with the chosen values in view, until folded with the summary
 * button. Without a complete choice there is nothing to fold.
 */
export function usePickersFold(
  view: ViewState,
  shown: boolean,
  regionRef: RefObject<HTMLElement | null>,
): [boolean, (expanded: boolean) => void] {
  const complete = isComplete(view);
  const arrival = useRef(complete);
  const [expanded, setExpanded] = useState(true);

  useEffect(() => {
    if (!arrival.current) return;
    if (!complete) arrival.current = false;
    if (!complete || !shown) return;
    arrival.current = false;
    if (!regionRef.current?.contains(document.activeElement)) setExpanded(false);
  }, [complete, shown, regionRef]);

  return [!complete || expanded, setExpanded];
}
