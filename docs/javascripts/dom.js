// The one way the site's scripts build elements: h(tag, attrs, ...children). Text is always set as text
// (never parsed as HTML), so a title or a note from a file can never become markup.
const SVG = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["svg", "path"]);

/**
 * An element with attributes and children. An attribute that is null, undefined or false is left out, true
 * is an empty attribute, a function under "on…" is an event listener; children are nodes or text, nested
 * in arrays as they come, with null, undefined and false left out.
 */
export function h(tag, attrs, ...children) {
  const el = SVG_TAGS.has(tag) ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
