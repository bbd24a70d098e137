// How fast one socket may send plenary messages — views, starts, stops: the browser sends at most
// one view every 150 ms (components/plenary/present-control.tsx); a bucket of 20 refilled at 10 a second lets that
// through with room, and refuses a flood before any work is done (a start asks the database and
// tells every clause of the instrument).
export const VIEW_BURST = 20;
export const VIEWS_PER_SECOND = 10;

export function viewRate(now: () => number = Date.now): () => boolean {
  let tokens = VIEW_BURST;
  let last = now();
  return () => {
    const at = now();
    tokens = Math.min(VIEW_BURST, tokens + ((at - last) / 1000) * VIEWS_PER_SECOND);
    last = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
