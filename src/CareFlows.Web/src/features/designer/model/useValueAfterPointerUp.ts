import { startTransition, useEffect, useRef, useState } from "react";

/**
 * `value`, except that while a pointer is pressed it keeps the one from before the press, and takes the latest when
 * the pointer is released. Pressing on an activity to drag it selects it; the property panel's editors then mount
 * after the drop instead of stalling the drag. On release the latest value is rendered as a transition, which React
 * renders in slices between frames, so even the frame after the drop is not held up by mounting a large panel.
 */
export function useValueAfterPointerUp<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  const latest = useRef(value);
  const pressed = useRef(false);
  latest.current = value;

  useEffect(() => {
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      pressed.current = false;
      startTransition(() => setSettled(latest.current));
    };
    window.addEventListener("pointerdown", down, true);
    window.addEventListener("pointerup", up, true);
    window.addEventListener("pointercancel", up, true);
    return () => {
      window.removeEventListener("pointerdown", down, true);
      window.removeEventListener("pointerup", up, true);
      window.removeEventListener("pointercancel", up, true);
    };
  }, []);

  useEffect(() => {
    if (!pressed.current) setSettled(value);
  }, [value]);

  // Unpressed, the value shows as soon as anything renders with it: a click that selects never waits on the effect.
  return pressed.current ? settled : value;
}
