/**
 * "Is this element, or any ancestor below `top`, one of these?", asked for every text node of a page: each element
 * is judged once, and an answer climbs only as far as the nearest element already judged.
 */
export function ancestorTest(matches: (el: Element) => boolean): (el: Element | null, top: Node) => boolean {
  const cache = new Map<Element, boolean>();
  return (el, top) => {
    const path: Element[] = [];
    let value = false;
    for (let cur = el; cur && cur !== top; cur = cur.parentElement) {
      const known = cache.get(cur);
      if (known !== undefined) {
        value = known;
        break;
      }
      path.push(cur);
      if (matches(cur)) {
        value = true;
        break;
      }
    }
    for (const p of path) cache.set(p, value);
    return value;
  };
}
