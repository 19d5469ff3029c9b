// A minimal DOM: only what templates/search.js touches, plus traps for HTML insertion,
// so that a test sees content reach the page as text or not at all.

export class Node {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }
  appendChild(child) {
    return this.insertBefore(child, null);
  }
  insertBefore(child, ref) {
    if (child.parentNode) child.parentNode.removeChild(child);
    const at = ref ? this.childNodes.indexOf(ref) : -1;
    if (ref && at < 0) throw new Error('insertBefore: reference is not a child');
    this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild(child) {
    const at = this.childNodes.indexOf(child);
    if (at < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }
  get nextSibling() {
    const siblings = this.parentNode ? this.parentNode.childNodes : [];
    return siblings[siblings.indexOf(this) + 1] || null;
  }
  get firstChild() { return this.childNodes[0] || null; }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(value) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    const text = String(value ?? '');
    if (text) this.appendChild(this.ownerDocument.createTextNode(text));
  }
}

export class Text extends Node {
  constructor(doc, data) {
    super(doc);
    this.nodeType = 3;
    this.data = String(data);
  }
  get textContent() { return this.data; }
  set textContent(value) { this.data = String(value); }
}

export class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this.nodeType = 1;
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = new Map();
    this.hidden = false;
  }
  get id() { return this.getAttribute('id') || ''; }
  set id(v) { this.setAttribute('id', v); }
  get className() { return this.getAttribute('class') || ''; }
  set className(v) { this.setAttribute('class', v); }
  get value() {
    if (this._value !== undefined) return this._value;
    return this.getAttribute('value') ?? (this.tagName === 'OPTION' ? this.textContent : '');
  }
  set value(v) { this._value = String(v); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  hasAttribute(name) { return this.attributes.has(name); }
  removeAttribute(name) { this.attributes.delete(name); }
  // What the theme's scripts use of classList and style.
  get classList() {
    const e = this, names = () => e.className.split(/\s+/).filter(Boolean);
    const list = {
      contains: (c) => names().includes(c),
      add: (c) => { if (!names().includes(c)) e.className = [...names(), c].join(' '); },
      remove: (c) => { e.className = names().filter((n) => n !== c).join(' '); },
      toggle: (c, on = !names().includes(c)) => { if (on) list.add(c); else list.remove(c); return on; },
    };
    return list;
  }
  get style() { return this._style || (this._style = {}); }
  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
  }
  removeEventListener(type, fn) {
    const fns = this.listeners.get(type) || [];
    if (fns.includes(fn)) fns.splice(fns.indexOf(fn), 1);
  }
  dispatchEvent(event) {
    event.target = event.target || this;
    for (const fn of [...(this.listeners.get(event.type) || [])]) fn.call(this, event);
    const handler = this['on' + event.type];
    if (typeof handler === 'function') handler.call(this, event);
    return !event.defaultPrevented;
  }
  focus() { this.ownerDocument.activeElement = this; }
  blur() { if (this.ownerDocument.activeElement === this) this.ownerDocument.activeElement = null; }
  click() { this.dispatchEvent(makeEvent('click')); }
  get children() { return this.childNodes.filter((c) => c.nodeType === 1); }
  // Only `tag`, `.class` and `tag.class`: all the script asks for.
  querySelectorAll(selector) {
    const m = /^([a-z0-9]*)(?:\.([\w-]+))?$/i.exec(selector.trim());
    if (!m) throw new Error('fake DOM: unsupported selector ' + selector);
    const [, tag, cls] = m;
    return descendants(this).filter((e) => (!tag || e.tagName === tag.toUpperCase()) &&
      (!cls || e.className.split(/\s+/).includes(cls)));
  }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }
  set innerHTML(html) { this.ownerDocument.htmlWrites.push(['innerHTML', html]); }
  get innerHTML() { throw new Error('fake DOM: innerHTML is not supported'); }
  set outerHTML(html) { this.ownerDocument.htmlWrites.push(['outerHTML', html]); }
  insertAdjacentHTML(where, html) { this.ownerDocument.htmlWrites.push(['insertAdjacentHTML', html]); }
}

// A select's value is one of its options' values, as in a browser.
class SelectElement extends Element {
  get options() { return this.querySelectorAll('option'); }
  get value() {
    const opts = this.options;
    if (this._value !== undefined) return this._value;
    const chosen = opts.find((o) => o.hasAttribute('selected')) || opts[0];
    return chosen ? chosen.value : '';
  }
  set value(v) {
    this._value = this.options.some((o) => o.value === String(v)) ? String(v) : '';
  }
}

export function descendants(node) {
  const out = [];
  for (const c of node.childNodes) if (c.nodeType === 1) out.push(c, ...descendants(c));
  return out;
}

export function makeEvent(type, props = {}) {
  return {
    type, defaultPrevented: false, ...props,
    preventDefault() { this.defaultPrevented = true; },
    stopPropagation() {},
  };
}

export class Document extends Node {
  constructor() {
    super(null);
    this.ownerDocument = this;
    this.activeElement = null;
    this.htmlWrites = [];
    this.created = [];
    this.body = this.appendChild(this.createElement('body'));
  }
  createElement(tag) {
    const e = tag.toLowerCase() === 'select' ? new SelectElement(this, tag) : new Element(this, tag);
    this.created.push(e);
    return e;
  }
  createTextNode(data) { return new Text(this, data); }
  getElementById(id) { return descendants(this).find((e) => e.id === id) || null; }
  querySelectorAll(selector) { return this.body.querySelectorAll(selector); }
  querySelector(selector) { return this.body.querySelector(selector); }
  write(html) { this.htmlWrites.push(['document.write', html]); }
}

const VOID = new Set(['input', 'br', 'img', 'meta', 'link', 'hr']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e) => ENTITIES[e]);

// Parses a fragment of simple, well-formed markup (the theme's search block) into `parent`.
export function parseInto(doc, parent, html) {
  const stack = [parent];
  const re = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/g;
  for (let m; (m = re.exec(html));) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      if (m[4].trim()) top.appendChild(doc.createTextNode(decode(m[4])));
      continue;
    }
    const [, closing, tag, attrs] = m;
    if (closing) {
      if (top.tagName !== tag.toUpperCase()) throw new Error(`markup: </${tag}> closes <${top.tagName}>`);
      stack.pop();
      continue;
    }
    const e = doc.createElement(tag);
    for (const a of attrs.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) e.setAttribute(a[1], decode(a[2] ?? ''));
    top.appendChild(e);
    if (!VOID.has(tag.toLowerCase()) && !attrs.trim().endsWith('/')) stack.push(e);
  }
  if (stack.length !== 1) throw new Error('markup: unclosed <' + stack[stack.length - 1].tagName + '>');
}
