"""Open an application page in Chromium, find its form and list what the form asks.

Everything here uses Playwright's async API. `analyze_form_fields` runs one JavaScript
function (`LIST_FIELDS_JS`) in every frame of the page; it returns plain records that
become `FormField`s, each typed by `detect_field_type`.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from playwright.async_api import BrowserContext, Frame, Page
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeoutError

from applications.autofill import FormField
from applications.autofill.captcha import is_captcha_frame
from applications.autofill.fields import detect_field_type

# How long to let a page's scripts render a form after it has loaded.
SETTLE_TIMEOUT_MS = 5_000
# Job page → apply page → embedded form is the longest chain seen in the wild.
MAX_HOPS = 3

APPLY_TEXT = re.compile(
    r"^\W*(apply( now| online| here| today)?|apply (for|to) (this|the) (job|position|role|opening)"
    r"|i(['’]m| am) interested|start (your |an |my )?application|apply manually)\W*$",
    re.IGNORECASE,
)


# Marks around a question that say whether it must be answered, not what it asks; a
# screen-reader "Required" counts among them.
REQUIRED_MARKS = re.compile(
    r"^\s*([*✱]+|required\b\.?)|([*✱]+|\brequired\.?)\s*$|\(\s*(optional|required)\s*\)",
    re.IGNORECASE,
)


class FormPageError(Exception):
    """The application page could not be opened; the message says why."""


# One function, run in each frame: every question of the forms in it, in page order.
LIST_FIELDS_JS = r"""
() => {
  const SKIP_TYPES = new Set([
    'hidden', 'submit', 'button', 'reset', 'image', 'password', 'search',
  ]);
  const CHOICE_TYPES = new Set(['checkbox', 'radio', 'file']);
  const CONTROL = [
    'input:not([type=hidden])', 'select', 'textarea', '[role=combobox]',
    'button[aria-haspopup=listbox]',
  ].join(', ');
  const HONEYPOT = new RegExp([
    'honey', 'hpot', '^hp[_-]', '[_-]hp$', 'bot[_-]?(field|check|trap)',
    'leave[_ -]?(this[_ -]?)?(field[_ -]?)?(blank|empty)', 'do[_ -]?not[_ -]?fill',
  ].join('|'), 'i');
  const CAPTCHA = /captcha|turnstile/i;
  // Button and drop-zone texts that name no question.
  const GENERIC = new RegExp('^(' + [
    'attach( file)?', 'upload( (a )?file)?', '(choose|select) (a )?file', 'browse',
    'drop (your )?files? here', 'or drag and drop here', 'enter manually', 'paste', 'remove',
    'clear', 'select\\.*', 'select one', 'choose( one)?', 'type here\\.*', 'start typing\\.*',
    'write here\\.*', '\\*',
  ].join('|') + ')$', 'i');
  // "Please check one of the boxes below:" introduces choices; it is not the question.
  const INSTRUCTION = new RegExp(
    '^(please )?(check|select|choose|pick|tick|mark)\\b.{0,50}'
    + '\\b(below|apply|applies|box(es)?|options?|one)\\W*$', 'i');
  const STAR = /^[*✱]+$|[*✱]\s*$/;
  const HEADING = 'h1, h2, h3, h4, h5, h6, legend, [role=heading]';
  const SKIPPED_TEXT = new Set([
    'SCRIPT', 'STYLE', 'SVG', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT',
    'OPTION', 'IFRAME',
  ]);
  const NOT_LABELS = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'HR', 'BR', 'IMG', 'SVG', 'A']);

  const count = (selector) => {
    try { return document.querySelectorAll(selector).length; } catch (e) { return 0; }
  };
  const quote = (value) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const squash = (text) => (text || '').replace(/\s+/g, ' ').trim();
  const classOf = (el) => (typeof el.className === 'string' ? el.className : '');
  const typeOf = (el) => {
    if (el.tagName !== 'INPUT') return '';
    return (el.getAttribute('type') || 'text').toLowerCase();
  };
  const rendered = (el) => {
    if (el.checkVisibility) return el.checkVisibility({visibilityProperty: true});
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  };
  const isControl = (el) => !el.matches('input[type=hidden]') && el.matches(CONTROL);
  const holdsControl = (el) => isControl(el) || el.querySelector(CONTROL) !== null;
  const byId = (id) => (id ? document.getElementById(id) : null);

  // Visible text of an element, leaving out controls, buttons, hidden parts and error
  // messages; `star` says whether a visible required-asterisk was seen.
  function textOf(root, skip) {
    const parts = [];
    let star = false;
    let size = 0;
    const walk = (node) => {
      if (size > 2000) return; // long prose is no question: no need to read all of it
      if (node.nodeType === 3) {
        if (/^\s*[*✱]\s*$/.test(node.nodeValue)) star = true;
        parts.push(node.nodeValue);
        size += node.nodeValue.length;
        return;
      }
      if (node.nodeType !== 1 || (skip && skip(node))) return;
      if (SKIPPED_TEXT.has(node.tagName.toUpperCase())) return; // svg is lower case
      if (['alert', 'listbox'].includes(node.getAttribute('role'))) return;
      if (/(^|[\s_-])(error|errors|ng-hide|tooltip)($|[\s_-])/i.test(classOf(node))) return;
      if (!rendered(node)) return;
      parts.push(' ');
      for (const child of node.childNodes) walk(child);
      parts.push(' ');
    };
    walk(root);
    const text = squash(parts.join(''));
    if (STAR.test(text)) star = true;
    // Some forms mark the label itself and draw the asterisk with CSS.
    if (root.tagName === 'LABEL' && /(^|[\s_-])required($|[\s_-])/i.test(classOf(root))) {
      star = true;
    }
    return {text, star};
  }
  const withoutControls = (root) => textOf(root, (node) => node !== root && holdsControl(node));
  const useful = (found) => !!(found && found.text && !GENERIC.test(found.text));

  function labelledBy(el, exclude) {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/);
    const found = ids.filter((id) => id && !(exclude || []).includes(id))
      .map(byId).filter(Boolean).map((node) => textOf(node));
    const texts = found.filter(useful).map((f) => f.text);
    return {text: squash(texts.join(' ')), star: found.some((f) => f.star)};
  }

  function forLabels(el) {
    if (!el.id) return null;
    let labels = [];
    try {
      labels = [...document.querySelectorAll(`label[for="${quote(el.id)}"]`)];
    } catch (e) {
      return null;
    }
    const found = labels.map(withoutControls);
    const texts = found.filter(useful).map((f) => f.text);
    if (!texts.length) return null;
    return {text: squash(texts.join(' ')), star: found.some((f) => f.star)};
  }

  function wrappingLabel(el) {
    const label = el.closest('label');
    return label ? withoutControls(label) : null;
  }

  // A label[for] naming another element belongs to that element's question.
  function labelsAnother(node, el) {
    if (node.tagName !== 'LABEL' || !node.htmlFor) return false;
    const target = byId(node.htmlFor);
    return !!target && target !== el && !el.contains(target);
  }

  // The question text before the element: back through preceding siblings and up
  // through ancestors, stopping at anything that belongs to another question. A heading,
  // a label or a short line wins; a longer paragraph is kept only if nothing better comes.
  function precedingText(el) {
    let weak = null;
    let node = el;
    for (let depth = 0; node && depth < 8; depth++) {
      let sib = node.previousElementSibling;
      for (let seen = 0; sib && seen < 25; seen++, sib = sib.previousElementSibling) {
        if (holdsControl(sib) || labelsAnother(sib, el)) return weak;
        if (NOT_LABELS.has(sib.tagName.toUpperCase()) && !sib.matches(HEADING)) continue;
        const found = textOf(sib);
        const text = found.text;
        if (!text || text.length > 300 || GENERIC.test(text) || INSTRUCTION.test(text)) continue;
        const strong = sib.matches(HEADING) || sib.tagName === 'LABEL'
          || /label|question|title/i.test(classOf(sib))
          || text.endsWith('?') || (text.length <= 80 && !/:\s*$/.test(text));
        if (strong) return found;
        const intro = text.endsWith(':') && text.split(' ').length > 4;
        if (!weak && !intro) weak = found;
      }
      node = node.parentElement;
      if (!node || node === document.body || node.tagName === 'FORM') break;
    }
    return weak;
  }

  // Headings count only inside the form: a job description beside it has its own.
  let formRoot = null;
  function sectionHeading(el) {
    const root = el.closest('form') || formRoot || document.body;
    let node = el;
    for (let depth = 0; node && node !== root && node !== document.body && depth < 10; depth++) {
      let sib = node.previousElementSibling;
      for (let seen = 0; sib && seen < 40; seen++, sib = sib.previousElementSibling) {
        if (sib.matches(HEADING)) return textOf(sib).text;
        if (holdsControl(sib)) continue;
        const headings = sib.querySelectorAll(HEADING);
        if (headings.length) return textOf(headings[headings.length - 1]).text;
      }
      node = node.parentElement;
    }
    return '';
  }

  // #id when unique, else tag[name=...] (with its value for a choice), else a path.
  function selectorFor(el) {
    const tag = el.tagName.toLowerCase();
    if (el.id && count('#' + CSS.escape(el.id)) === 1) return '#' + CSS.escape(el.id);
    const name = el.getAttribute('name');
    if (name) {
      const byName = `${tag}[name="${quote(name)}"]`;
      if (count(byName) === 1) return byName;
      const value = el.getAttribute('value');
      const byValue = `${byName}[value="${quote(value || '')}"]`;
      if (value !== null && count(byValue) === 1) return byValue;
    }
    const parts = [];
    for (let node = el; node && node !== document.documentElement; node = node.parentElement) {
      if (node !== el && node.id && count('#' + CSS.escape(node.id)) === 1) {
        parts.unshift('#' + CSS.escape(node.id));
        return parts.join(' > ');
      }
      let index = 1;
      for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
        if (sib.tagName === node.tagName) index++;
      }
      parts.unshift(`${node.tagName.toLowerCase()}:nth-of-type(${index})`);
    }
    parts.unshift('html');
    return parts.join(' > ');
  }

  // A labelled group around a lone control (uploads in Greenhouse): its label.
  function groupLabel(el) {
    const parent = el.parentElement;
    const box = parent && parent.closest('[role=group][aria-labelledby], [role=group][aria-label]');
    if (!box || box.querySelectorAll(CONTROL).length > 1) return null;
    const named = labelledBy(box);
    return named.text ? named : {text: squash(box.getAttribute('aria-label')), star: false};
  }

  // Dropzone appends its file inputs to <body>, one per drop zone, in the zones' order.
  function dropZoneLabel(el) {
    if (!el.classList.contains('dz-hidden-input')) return null;
    const inputs = [...document.querySelectorAll('input.dz-hidden-input')];
    const zone = document.querySelectorAll('.dz-clickable')[inputs.indexOf(el)];
    if (!zone) return null;
    const label = zone.querySelector('label');
    return label ? withoutControls(label) : precedingText(zone);
  }

  function legendOf(el) {
    const fieldset = el.closest('fieldset');
    const legend = fieldset && fieldset.querySelector('legend');
    return legend ? textOf(legend) : null;
  }

  // The question of a field (or of a group's container), from the most to the least
  // explicit source; `source` says whether it is a label the user reads.
  function question(el, group) {
    const candidates = group
      ? [
        () => ({text: squash(el.getAttribute('aria-label')), star: false}),
        () => labelledBy(el), () => legendOf(el), () => precedingText(el),
      ]
      : [
        () => forLabels(el), () => wrappingLabel(el),
        () => ({text: squash(el.getAttribute('aria-label')), star: false}),
        () => labelledBy(el), () => groupLabel(el), () => dropZoneLabel(el),
        () => precedingText(el),
      ];
    for (const candidate of candidates) {
      const found = candidate();
      if (useful(found) && !INSTRUCTION.test(found.text)) return {...found, source: 'label'};
    }
    const placeholder = squash(el.getAttribute('placeholder'));
    if (placeholder && !GENERIC.test(placeholder)) {
      return {text: placeholder, star: false, source: 'placeholder'};
    }
    const name = squash(el.getAttribute('name') || el.id || '');
    // With nothing else to show, the section's heading ("Desired Salary") is the best
    // caption for the user; typing does not take it as the question.
    return {text: name || sectionHeading(el), star: false, source: 'name'};
  }

  function hintsFor(el, label) {
    const hints = [];
    const auto = el.getAttribute('autocomplete') || '';
    if (auto && !/^(on|off|none|nope|false|new-password|hp-.*)$/i.test(auto)) {
      hints.push(auto.replace(/-/g, ' '));
    }
    const aria = squash(el.getAttribute('aria-label'));
    if (aria && aria !== label) hints.push(aria);
    for (const id of (el.getAttribute('aria-describedby') || '').split(/\s+/)) {
      const node = byId(id);
      const text = node ? textOf(node).text : '';
      if (text && text.length <= 200 && !GENERIC.test(text)) hints.push(text);
    }
    for (const attribute of ['data-automation-id', 'data-qa', 'data-ui', 'data-testid']) {
      hints.push(el.getAttribute(attribute));
    }
    const entry = el.closest('[data-field-path], [data-automation-id^=formField]');
    if (entry) {
      hints.push(entry.getAttribute('data-field-path') || entry.getAttribute('data-automation-id'));
    }
    const heading = sectionHeading(el);
    if (heading.length <= 120) hints.push(heading);
    return hints.filter(Boolean).join(' | ');
  }

  function optionLabel(input, groupLabelIds) {
    const found = forLabels(input) || wrappingLabel(input);
    if (useful(found)) return found.text;
    const aria = squash(input.getAttribute('aria-label'));
    if (aria) return aria;
    const named = labelledBy(input, groupLabelIds);
    if (named.text) return named.text;
    const next = input.nextElementSibling;
    const text = next && !holdsControl(next) ? textOf(next).text : '';
    return text || squash(input.getAttribute('value') || '');
  }

  // Inputs that are not questions: honeypots, CAPTCHA answers, hidden helpers, the
  // search box of a widget, import-your-resume uploads.
  function isDecoy(el) {
    const type = typeOf(el);
    const words = [el.getAttribute('name'), el.id, classOf(el)].join(' ');
    if (HONEYPOT.test(el.getAttribute('name') || '') || HONEYPOT.test(el.id || '')) return true;
    if (/honeypot/i.test(words) || CAPTCHA.test(words)) return true;
    if (el.disabled || el.closest('[hidden], [role=listbox], [role=menu], [role=option]')) {
      return true;
    }
    if (el.closest('[role=search], form[action*=search]')) return true;
    if (CHOICE_TYPES.has(type)) {
      if (type !== 'file') return false;
      for (let node = el.parentElement, depth = 0; node && depth < 4; depth++) {
        const marks = classOf(node) + ' ' + (node.getAttribute('data-ui') || '');
        if (/autofill|resume-?import|import-?resume|parse-?resume/i.test(marks)) return true;
        node = node.parentElement;
      }
      return false;
    }
    if (el.tagName === 'SELECT') return false; // custom dropdowns hide the real <select>
    // Out of sight and out of the tab order: a helper the page fills itself, or a trap.
    const proxied = el.closest('[role=checkbox], [role=radio], [role=switch]');
    if (el.closest('[aria-hidden=true]') && el.tabIndex === -1 && !proxied) return true;
    if (!rendered(el)) return true;
    const box = el.getBoundingClientRect();
    return box.right < -100 || box.bottom < -100;
  }

  const commonAncestor = (nodes) => {
    let node = nodes[0].parentElement;
    while (node && !nodes.every((n) => node.contains(n))) node = node.parentElement;
    return node || document.body;
  };
  const elements = [...document.querySelectorAll(CONTROL)]
    .filter((el) => !SKIP_TYPES.has(typeOf(el)));
  const real = elements.filter((el) => !isDecoy(el));
  if (real.length) formRoot = commonAncestor(real);

  function groupRecord(members, kind, container, name) {
    const groupIds = (container.getAttribute('aria-labelledby') || '').split(/\s+/);
    const found = question(container, true);
    const grouped = container.matches('fieldset, [role=group], [role=radiogroup]');
    const marked = (m) => m.required || m.getAttribute('aria-required') === 'true';
    const required = members.some(marked)
      || container.getAttribute('aria-required') === 'true'
      || container.querySelector('[role=checkbox][aria-required=true]') !== null
      || container.querySelector('[role=radio][aria-required=true]') !== null;
    return {
      id: grouped ? container.id || '' : '', name: name || '', tag: kind, input_type: kind,
      label: found.text, label_source: found.source, placeholder: '',
      required: required || found.star, options: members.map((m) => optionLabel(m, groupIds)),
      option_selectors: members.map(selectorFor), multiple: kind === 'checkbox',
      selector: selectorFor(container), hints: hintsFor(members[0], found.text),
    };
  }

  // The choices answering one question: those in a fieldset or ARIA group holding
  // nothing else, else those sharing the name (plus unnamed extras among them).
  function groupOf(el, type, taken) {
    const name = el.getAttribute('name');
    const box = el.closest('fieldset, [role=group], [role=radiogroup]');
    if (box) {
      const inBox = [...box.querySelectorAll(`input[type=${type}]`)]
        .filter((m) => !taken.has(m));
      const onlyChoices = [...box.querySelectorAll(CONTROL)].every((c) => typeOf(c) === type);
      if (onlyChoices && inBox.length >= 2) {
        const shared = inBox.every((m) => m.getAttribute('name') === name);
        return {members: inBox, container: box, name: shared ? name : ''};
      }
    }
    if (!name) return null;
    const scope = el.form || document;
    const selector = `input[type=${type}][name="${quote(name)}"]`;
    const members = [...scope.querySelectorAll(selector)].filter((m) => !isDecoy(m));
    if (members.length < 2 && type === 'checkbox') return null;
    const container = commonAncestor(members.length > 1 ? members : [el.parentElement]);
    if (type === 'checkbox') {
      for (const extra of container.querySelectorAll('input[type=checkbox]:not([name])')) {
        if (!members.includes(extra)) members.push(extra);
      }
    }
    return {members, container, name};
  }

  // A yes/no answered with buttons beside the one input that holds the answer (Ashby).
  function answerButtons(el) {
    if (el.closest('label') || forLabels(el)) return [];
    const buttons = [...(el.parentElement ? el.parentElement.children : [])]
      .filter((b) => b.tagName === 'BUTTON' && squash(b.textContent).length <= 40);
    return buttons.length >= 2 ? buttons : [];
  }

  function replacesSelect(el) {
    const hidden = (select) => select.getAttribute('aria-hidden') === 'true'
      || select.tabIndex === -1 || !rendered(select) || /hidden/i.test(classOf(select));
    // Up to the element that holds both the widget and the select it replaces (select2
    // nests its combobox three levels below that).
    for (let node = el.parentElement, depth = 0; node && depth < 3; depth++) {
      if ([...node.querySelectorAll('select')].some(hidden)) return true;
      node = node.parentElement;
    }
    return false;
  }

  function listOptions(el) {
    if (el.tagName === 'SELECT') {
      const placeholder = /^(-+|select|choose|please|none selected)/i;
      return [...el.options]
        .filter((o) => !(o.value === '' && (!squash(o.text) || placeholder.test(squash(o.text)))))
        .map((o) => squash(o.text)).filter(Boolean);
    }
    const list = byId(el.getAttribute('aria-controls')) || byId(el.getAttribute('aria-owns'));
    if (!list) return [];
    return [...list.querySelectorAll('[role=option]')]
      .map((o) => textOf(o).text || squash(o.textContent)).filter(Boolean).slice(0, 300);
  }

  const records = [];
  const taken = new Set();
  for (const el of elements) {
    if (taken.has(el)) continue;
    const tag = el.tagName;
    const type = typeOf(el);
    const custom = tag !== 'INPUT' && tag !== 'SELECT' && tag !== 'TEXTAREA';
    if (custom && el.querySelector('input, select, textarea')) continue;
    if (isDecoy(el)) continue;
    // A custom combobox standing in for a hidden <select> beside it (select2, chosen):
    // the <select> is the field.
    if (custom && replacesSelect(el)) continue;
    if (type === 'radio' || type === 'checkbox') {
      const group = groupOf(el, type, taken);
      if (group) {
        group.members.forEach((m) => taken.add(m));
        records.push(groupRecord(group.members, type, group.container, group.name));
        continue;
      }
    }
    taken.add(el);
    const found = question(el, false);
    let kind = tag === 'SELECT' ? 'select' : tag === 'TEXTAREA' ? 'textarea' : 'input';
    let options = [];
    let optionSelectors = [];
    if (tag === 'SELECT') {
      options = listOptions(el);
    } else if (custom || el.getAttribute('role') === 'combobox') {
      kind = 'combobox';
      options = listOptions(el);
    } else if (type === 'file') {
      kind = 'file';
    } else if (type === 'checkbox' || type === 'radio') {
      kind = type;
      const buttons = answerButtons(el);
      options = buttons.map((b) => squash(b.textContent));
      optionSelectors = buttons.map(selectorFor);
    }
    records.push({
      id: el.id || '', name: el.getAttribute('name') || '', tag: kind, input_type: type,
      label: found.text, label_source: found.source,
      placeholder: squash(el.getAttribute('placeholder')),
      required: el.required || el.getAttribute('aria-required') === 'true' || found.star,
      options, option_selectors: optionSelectors, multiple: !!el.multiple,
      selector: selectorFor(el), hints: hintsFor(el, found.text),
    });
  }
  // "(Optional)" in the question outweighs an asterisk elsewhere.
  return records.map((record) => ({
    ...record, required: !!record.required && !/\(\s*optional\s*\)/i.test(record.label),
  }));
}
"""

# How much of a form a frame shows: what tells an application form from a search box.
COUNT_FIELDS_JS = r"""
() => {
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : !!el.getClientRects().length);
  const typeOf = (el) => (el.getAttribute('type') || '').toLowerCase();
  const skipped = ['hidden', 'submit', 'button', 'reset', 'image', 'search'];
  const controls = [...document.querySelectorAll('input, select, textarea, [role=combobox]')]
    .filter((el) => !skipped.includes(typeOf(el)) && !el.disabled)
    // Custom widgets hide the real file input or select: then its box must show.
    .filter((el) => shown(el) || (el.parentElement && shown(el.parentElement)));
  return {
    controls: controls.length,
    files: controls.filter((el) => typeOf(el) === 'file').length,
  };
}
"""

# The page's Apply links and buttons, each marked with data-hunter-apply for clicking.
FIND_APPLY_JS = r"""
(pattern) => {
  const apply = new RegExp(pattern, 'i');
  const squash = (t) => (t || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => (el.checkVisibility
    ? el.checkVisibility({visibilityProperty: true}) : !!el.offsetParent);
  const clickable = 'a, button, [role=button], [role=tab], input[type=submit], input[type=button]';
  const found = [];
  for (const el of document.querySelectorAll(clickable)) {
    const text = squash(el.innerText || el.value || el.getAttribute('aria-label'));
    // The "Application" tab of a posting (Ashby) leads to the form too.
    const tab = el.getAttribute('role') === 'tab'
      || (el.tagName === 'A' && /\/application\/?$/.test(el.getAttribute('href') || ''));
    if (!(apply.test(text) || (tab && /^application$/i.test(text))) || !visible(el)) continue;
    const href = el.tagName === 'A' ? el.href : '';
    el.setAttribute('data-hunter-apply', String(found.length));
    found.push({href: /^https?:/.test(href) && !/#$/.test(href) ? href : '', index: found.length});
  }
  return found;
}
"""


async def open_page(context: BrowserContext, url: str, *, timeout_ms: int) -> Page:
    """A new page of `context` showing `url`; FormPageError when it cannot be loaded."""
    page = await context.new_page()
    try:
        response = await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        await page.close()
        raise FormPageError(f"{url} did not load within {timeout_ms / 1000:g} s.") from None
    except PlaywrightError as exc:
        await page.close()
        reason = str(exc).splitlines()[0].removeprefix("Page.goto: ")
        raise FormPageError(f"{url} could not be opened: {reason}") from None
    if response is not None and response.status >= 400:
        await page.close()
        raise FormPageError(f"{url} answered HTTP {response.status}.")
    await _settle(page)
    return page


async def _settle(page: Page) -> None:
    """Give the page's scripts a moment to render: pages keep loading after their HTML."""
    with contextlib.suppress(PlaywrightError):
        await page.wait_for_load_state("load", timeout=SETTLE_TIMEOUT_MS)
    with contextlib.suppress(PlaywrightError):
        await page.wait_for_load_state("networkidle", timeout=SETTLE_TIMEOUT_MS)


async def _form_size(frame: Frame) -> dict[str, int]:
    try:
        return await frame.evaluate(COUNT_FIELDS_JS)
    except PlaywrightError:
        return {"controls": 0, "files": 0}


def _is_form(size: dict[str, int]) -> bool:
    # A search box or a newsletter sign-up is not an application form.
    return size["files"] > 0 or size["controls"] >= 3


async def find_application_form(page: Page) -> None:
    """Bring the application form into view: follow an Apply link or button when the
    page has no form, and move into the iframe that holds an embedded one."""
    for _ in range(MAX_HOPS):
        here = await _form_size(page.main_frame)
        frame, size = await _embedded_form(page)
        # A career site's own small form (a job-alert sign-up) is not the application.
        if frame is not None and size["controls"] > here["controls"]:
            if not frame.url.startswith(("http://", "https://")):
                return  # a srcdoc/about:blank frame: analysed where it is
            # Open the embedded form as the page itself: screenshots show all of it, and
            # later sessions find its fields in the same frame.
            try:
                await page.goto(frame.url, wait_until="domcontentloaded")
            except PlaywrightError:
                return
            await _settle(page)
            continue
        if _is_form(here) or not await _follow_apply(page):
            return


async def _embedded_form(page: Page) -> tuple[Frame | None, dict[str, int]]:
    """The child frame holding the largest form, with its size."""
    best: tuple[Frame | None, dict[str, int]] = (None, {"controls": 0, "files": 0})
    for frame in page.frames[1:]:
        if is_captcha_frame(frame):
            continue
        with contextlib.suppress(PlaywrightError):
            await frame.wait_for_load_state("load", timeout=SETTLE_TIMEOUT_MS)
        size = await _form_size(frame)
        if _is_form(size) and size["controls"] > best[1]["controls"]:
            best = (frame, size)
    return best


async def _follow_apply(page: Page) -> bool:
    """Follow the page's Apply link, or click its Apply button; False when there is none."""
    try:
        candidates = await page.main_frame.evaluate(FIND_APPLY_JS, APPLY_TEXT.pattern)
    except PlaywrightError:
        return False
    if not candidates:
        return False
    first = candidates[0]
    try:
        if first["href"]:
            # Going to the link ourselves keeps us in this tab even for target=_blank.
            await page.goto(first["href"], wait_until="domcontentloaded")
        else:
            opened: list[Page] = []

            def remember(popup: Page) -> None:
                opened.append(popup)

            page.context.on("page", remember)
            try:
                await page.locator(f"[data-hunter-apply='{first['index']}']").click()
                await page.wait_for_timeout(300)
            finally:
                page.context.remove_listener("page", remember)
            for popup in opened:
                url = popup.url
                await popup.close()
                if url.startswith(("http://", "https://")):
                    await page.goto(url, wait_until="domcontentloaded")
                    break
    except PlaywrightError:
        return False
    await _settle(page)
    await _wait_for_form(page)
    return True


async def _wait_for_form(page: Page) -> None:
    """A button may reveal the form without loading a page: wait for it a little."""
    for _ in range(SETTLE_TIMEOUT_MS // 250):
        for frame in page.frames:
            if _is_form(await _form_size(frame)):
                return
        await page.wait_for_timeout(250)


async def analyze_form_fields(page: Page) -> list[FormField]:
    """Every question of the forms on the page, in every frame, each typed by
    `detect_field_type` (field_type, type_confidence)."""
    fields: list[FormField] = []
    for index, frame in enumerate(page.frames):
        if is_captcha_frame(frame):
            continue  # the challenge's own widgets are for the person, not the form
        try:
            records: list[dict[str, Any]] = await frame.evaluate(LIST_FIELDS_JS)
        except PlaywrightError:
            continue  # a frame that went away or refuses scripts
        for record in records:
            # A label made up from the placeholder or the name is no evidence of its
            # own: typing sees those as what they are, the user sees them as the label.
            shown = _display_label(record["label"])
            from_label = record["label_source"] == "label"
            field = FormField(
                frame=index,
                selector=record["selector"],
                id=record["id"],
                name=record["name"],
                tag=record["tag"],
                input_type=record["input_type"],
                label=shown if from_label else "",
                placeholder=record["placeholder"],
                required=record["required"],
                options=record["options"],
                option_selectors=record["option_selectors"],
                multiple=record["multiple"],
                hints=record["hints"],
            )
            field.field_type, field.type_confidence = detect_field_type(field)
            field.label = shown
            fields.append(field)
    return fields


def _display_label(text: str) -> str:
    """The question without its required-asterisk or "(Optional)" marks."""
    for _ in range(2):  # "* Required" is two marks
        text = REQUIRED_MARKS.sub(" ", text).strip()
    return " ".join(text.split())


async def take_screenshot(page: Page, path: Path | str) -> Path:
    """A full-page screenshot at `path` (folders created as needed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(path), full_page=True)
    return path
