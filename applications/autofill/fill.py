"""Put the proposed values into the page, and read them back before the form is sent.

Both work in the field's own frame (`page.frames[field.frame]`), by its selector, and
report problems in words instead of raising: one field that cannot be filled must not
stop the others, and the user reads why.
"""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Locator, Page

from applications.autofill import FormField
from applications.autofill.review import question_text
from applications.autofill.values import country_code, normalize
from hunter.browser import ACTION_TIMEOUT_MS

CHOICE = (
    "input[type=radio], input[type=checkbox], [role=radio], [role=checkbox], "
    "[role=menuitemradio], [role=menuitemcheckbox]"
)
TEXT_ENTRY = "input, textarea, [contenteditable=''], [contenteditable=true]"
SUGGESTION_TIMEOUT_MS = 5_000
# Suggestions unchanged this long are all there will be.
SUGGESTIONS_SETTLED_S = 1.0
# A suggestion that does not take a click this soon has been replaced: look again.
PICK_TIMEOUT_MS = 2_000
# A cover letter from the answer bank is text; a form that wants a file gets it as one.
COVER_LETTER_FILE = "cover-letter.txt"

# The words a user sees next to a choice: its <label>s, its ARIA label, the label around
# it, a custom widget's own text, or the text right after it; its value as a last resort.
CHOICE_LABEL = """el => {
  const text = node => (node ? (node.innerText ?? node.textContent ?? '') : '').trim();
  if (el.labels && el.labels.length) return Array.from(el.labels).map(text).join(' ');
  if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
  const ids = el.getAttribute('aria-labelledby');
  if (ids) return ids.split(/\\s+/).map(id => text(el.ownerDocument.getElementById(id))).join(' ');
  const around = el.closest('label');
  if (around) return text(around);
  if (el.getAttribute('role')) return text(el);
  let next = el.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && !next.textContent.trim()) {
    next = next.nextSibling;
  }
  if (next && (next.nodeType === Node.TEXT_NODE || !next.querySelector?.('input'))) {
    return text(next);
  }
  return (el.value || '').trim();
}"""
CHOICE_LABELS = f"elements => elements.map({CHOICE_LABEL})"
SELECT_OPTIONS = "el => Array.from(el.options).map(o => (o.label || o.text || '').trim())"
SELECTED_OPTIONS = "el => Array.from(el.selectedOptions).map(o => (o.label || o.text || '').trim())"
# Whether an answer button shows itself chosen: true, false, or null when it cannot tell.
PRESSED = """el => {
  for (const name of ['aria-pressed', 'aria-checked', 'aria-selected']) {
    const state = el.getAttribute(name);
    if (state !== null) return state === 'true';
  }
  if (/(^|[-_\\s])(active|selected|checked|pressed|is-on)/i.test(el.className || '')) return true;
  return null;
}"""
FILE_NAMES = "el => Array.from(el.files || []).map(f => f.name)"
# The listbox a combobox controls, by the ids ARIA gives it on itself or a wrapper.
CONTROLLED_LIST = """el => {
  for (let node = el; node && node.getAttribute; node = node.parentElement) {
    const id = node.getAttribute('aria-controls') || node.getAttribute('aria-owns');
    if (id) return id.split(/\\s+/)[0];
  }
  return '';
}"""


class _Problem(Exception):
    """A field could not be filled or read, for a reason the user reads."""


async def fill_form_fields(page: Page, fields: list[FormField]) -> list[str]:
    """Put every non-empty value into the page. Returns the problems, one per field that
    could not be filled ("“Country”: no option “Atlantis”"); never raises for a field."""
    problems = []
    for field in fields:
        if field.is_empty:
            continue
        try:
            await _fill(_element(page, field), field)
        except _Problem as problem:
            problems.append(f"“{question_text(field)}”: {problem}")
        except (PlaywrightError, OSError, ValueError) as error:
            problems.append(f"“{question_text(field)}”: could not be filled ({_brief(error)})")
    return problems


async def read_back(page: Page, fields: list[FormField]) -> list[str]:
    """Read every filled field from the page and compare it with its value. Returns the
    mismatches with what was expected, for a last check before submitting; for a file,
    that the input holds a file of the right name."""
    mismatches = []
    for field in fields:
        if field.is_empty:
            continue
        expected = f"“{question_text(field)}”: expected {_shown(field.value, field)}"
        try:
            same, found = await _read(_element(page, field), field)
        except _Problem as problem:
            mismatches.append(f"{expected}; {problem}")
            continue
        except PlaywrightError as error:
            mismatches.append(f"{expected}; could not be read ({_brief(error)})")
            continue
        if not same:
            mismatches.append(f"{expected}, found {found}")
    return mismatches


# --- Finding the element ---------------------------------------------------------------------


def _element(page: Page, field: FormField) -> _Element:
    if not 0 <= field.frame < len(page.frames):
        raise _Problem("its frame is no longer on the page")
    frame = page.frames[field.frame]
    return _Element(frame, frame.locator(field.selector))


class _Element:
    def __init__(self, frame: Frame, locator: Locator) -> None:
        self.frame = frame
        self.locator = locator

    async def first(self) -> Locator:
        if not await self.locator.count():
            raise _Problem("not found on the page")
        return self.locator.first

    async def choices(self, field: FormField) -> list[tuple[Locator, str]]:
        """The choices of a group (radios, checkboxes, or the Yes/No buttons beside a
        hidden input), each with the words next to it: by the field's own selector per
        option when the analysis gave them, else the choices at or inside `selector`."""
        if field.option_selectors and len(field.option_selectors) == len(field.options):
            return [
                (self.frame.locator(selector).first, label)
                for selector, label in zip(field.option_selectors, field.options, strict=True)
            ]
        first = await self.first()
        if await first.evaluate(f"el => el.matches({json.dumps(CHOICE)})"):
            group = self.locator
        else:
            group = first.locator(CHOICE)
        labels = await group.evaluate_all(CHOICE_LABELS)
        if not labels:
            raise _Problem("has no choices on the page")
        return [(group.nth(index), label) for index, label in enumerate(labels)]


def _kind(field: FormField) -> str:
    if field.tag == "input" and field.input_type in ("radio", "checkbox", "file"):
        return field.input_type
    return field.tag


async def _kind_on_page(element: _Element, field: FormField) -> str:
    """The field's kind, where a native <select> (a combobox to ARIA) counts as a select."""
    kind = _kind(field)
    if kind == "combobox" and await (await element.first()).evaluate(
        "el => el.tagName === 'SELECT'"
    ):
        return "select"
    return kind


# --- Filling -------------------------------------------------------------------------------------


async def _fill(element: _Element, field: FormField) -> None:
    kind = await _kind_on_page(element, field)
    value = field.value
    if kind == "select":
        await _fill_select(element, value)
    elif kind in ("radio", "checkbox"):
        await _fill_choices(element, field)
    elif kind == "file":
        await _fill_file(element, field)
    elif kind == "combobox":
        await _fill_combobox(element, str(value), field.field_type)
    else:
        await (await element.first()).fill(str(value), timeout=ACTION_TIMEOUT_MS)


async def _fill_select(element: _Element, value: Any) -> None:
    select = await element.first()
    labels = await select.evaluate(SELECT_OPTIONS)
    wanted = value if isinstance(value, list) else [value]
    indexes = [_index_of(str(item), labels) for item in wanted]
    await select.select_option(index=indexes, timeout=ACTION_TIMEOUT_MS)


async def _fill_choices(element: _Element, field: FormField) -> None:
    value = field.value
    if isinstance(value, bool):
        # A lone box: ticked when the answer agrees with what its label says.
        await _set_checked(await element.first(), value)
        return
    choices = await element.choices(field)
    labels = [label for _, label in choices]
    wanted = {_index_of(str(item), labels) for item in _as_list(value)}
    for index, (choice, _) in enumerate(choices):
        if index in wanted:
            await _select(choice)
        elif isinstance(value, list) and await _is_choice(choice):
            # A group answered with a list is answered whole: the rest is unticked.
            await _set_checked(choice, False)


async def _is_choice(choice: Locator) -> bool:
    return await choice.evaluate(f"el => el.matches({json.dumps(CHOICE)})")


async def _select(choice: Locator) -> None:
    """Tick a radio or checkbox, or press an answer button (Ashby's Yes / No)."""
    if await _is_choice(choice):
        await _set_checked(choice, True)
    else:
        await choice.click(timeout=ACTION_TIMEOUT_MS)


async def _set_checked(choice: Locator, checked: bool) -> None:
    if await choice.is_checked() == checked:
        return
    if await choice.is_visible():
        await choice.set_checked(checked, timeout=ACTION_TIMEOUT_MS)
    else:
        # Styled forms hide the real input behind a drawing of their own; a click on the
        # input in the page does what the user's click on the drawing does.
        await choice.evaluate("el => el.click()")
    if await choice.is_checked() != checked:
        raise _Problem("could not be ticked" if checked else "could not be unticked")


async def _fill_file(element: _Element, field: FormField) -> None:
    upload = await element.first()
    path = str(field.value)
    if os.path.isfile(path):
        await upload.set_input_files(path, timeout=ACTION_TIMEOUT_MS)
    elif field.field_type == "cover_letter":
        letter = {"name": COVER_LETTER_FILE, "mimeType": "text/plain", "buffer": path.encode()}
        await upload.set_input_files(letter, timeout=ACTION_TIMEOUT_MS)
    else:
        raise _Problem(f"the file {path} does not exist")


async def _fill_combobox(element: _Element, text: str, field_type: str) -> None:
    """Type into a custom dropdown and pick the suggestion that is the value."""
    box = await element.first()
    entry = box if await box.evaluate(f"el => el.matches({json.dumps(TEXT_ENTRY)})") else None
    if entry is None and await box.locator(TEXT_ENTRY).count():
        entry = box.locator(TEXT_ENTRY).first
    if entry is not None and await entry.get_attribute("list"):
        # <input list=...> only suggests: the typed text is the answer.
        await entry.fill(text, timeout=ACTION_TIMEOUT_MS)
        return
    target = entry or box
    await target.click(timeout=ACTION_TIMEOUT_MS)
    options = await _suggestions(element.frame, target)

    async def search(query: str) -> list[str] | None:
        if entry is not None:
            # Key by key, as a person types, looking at the suggestions after each key:
            # a list that searches by prefix shows "United States" while "United S" is
            # typed, and never for all of "United States of America".
            await entry.fill("", timeout=ACTION_TIMEOUT_MS)
            for key in query:
                await entry.press_sequentially(key, timeout=ACTION_TIMEOUT_MS)
                if await _pick(options, text, field_type) is None:
                    return None
        return await _wait_and_pick(options, text, field_type)

    seen = await search(text)
    # Suggestions that come late from a server, for the whole text or nothing: the first
    # word, then the meaning, may still find it.
    first_word = text.split()[0].strip(",") if text.split() else ""
    if seen is not None and entry is not None and first_word and first_word != text:
        seen = await search(first_word)
    if seen is None:
        return
    await target.press("Escape")
    if not seen:
        raise _Problem(f"typed “{text}”, but no suggestion appeared to choose")
    raise _Problem(f"none of the suggestions ({', '.join(seen[:5])}) is “{text}”")


async def _suggestions(frame: Frame, target: Locator) -> Locator:
    """The options a combobox shows: in the listbox it names, else in any visible one."""
    listbox = await target.evaluate(CONTROLLED_LIST)
    if listbox:
        return frame.locator(f"[id={json.dumps(listbox)}] [role=option]:visible")
    return frame.locator("[role=listbox] [role=option]:visible")


async def _pick(options: Locator, text: str, field_type: str) -> list[str] | None:
    """Click the suggestion that is `text` if it shows now: None when clicked, else the
    suggestions shown."""
    seen = [" ".join(option.split()) for option in await options.all_inner_texts()]
    index = _find(text, seen, field_type)
    if index is None:
        return seen
    # The list may change under us (an answer to an earlier key arriving late): click
    # only the suggestion just read, and if it went, look again.
    option = options.nth(index)
    try:
        if " ".join((await option.inner_text(timeout=PICK_TIMEOUT_MS)).split()) != seen[index]:
            return seen
        await option.click(timeout=PICK_TIMEOUT_MS)
    except PlaywrightError:
        return seen
    return None


async def _wait_and_pick(options: Locator, text: str, field_type: str) -> list[str] | None:
    """Click the suggestion that is `text` once it shows (suggestions often come from a
    server, a moment after typing). None when clicked; else the suggestions last seen,
    once they have stopped changing or the wait is over."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SUGGESTION_TIMEOUT_MS / 1000
    last: list[str] | None = None
    changed_at = loop.time()
    while True:
        seen = await _pick(options, text, field_type)
        if seen is None:
            return None
        now = loop.time()
        if seen != last:
            last, changed_at = seen, now
        if now >= deadline or (seen and now - changed_at >= SUGGESTIONS_SETTLED_S):
            return seen
        await asyncio.sleep(0.1)


def _find(wanted: str, labels: list[str], field_type: str = "") -> int | None:
    """Where the wanted option is among the page's: the same words, else the only one
    that contains them ("Yes" in "Yes *"); a country also by what it names ("United
    States of America" is "United States")."""
    want = normalize(wanted)
    words = [normalize(label) for label in labels]
    if want in words:
        return words.index(want)
    holding = [i for i, label in enumerate(words) if want and f" {want} " in f" {label} "]
    if not holding and field_type == "country" and (code := country_code(wanted)):
        holding = [i for i, label in enumerate(labels) if country_code(label) == code]
    if not holding:
        holding = [i for i, label in enumerate(labels) if same_place(wanted, label)]
    return holding[0] if len(holding) == 1 else None


def same_place(wanted: str, label: str) -> bool:
    """Whether a place suggestion is the wanted place written another way: the same town
    first, each country after it the same country whatever its name, and any other part
    (a state, a region) there too. "Berlin, Germany" is "Berlin, Land Berlin,
    Deutschland" and "Austin, TX" is "Austin, TX, USA"; "Austin, TX" is not "Austin,
    Texas" (Hunter does not guess)."""
    want = [part for part in wanted.split(",") if part.strip()]
    have = [part for part in label.split(",") if part.strip()]
    if len(want) < 2 or len(have) < 2 or normalize(want[0]) != normalize(have[0]):
        return False
    have_words = {normalize(part) for part in have[1:]}
    have_countries = {country_code(part) for part in have[1:]} - {""}
    for part in want[1:]:
        code = country_code(part)
        if not (code in have_countries if code else normalize(part) in have_words):
            return False
    return True


def _index_of(wanted: str, labels: list[str]) -> int:
    index = _find(wanted, labels)
    if index is not None:
        return index
    shown = ", ".join(f"“{label}”" for label in labels[:8] if label)
    raise _Problem(f"no option “{wanted}” (the page offers {shown or 'none'})")


# --- Reading back ---------------------------------------------------------------------------------


async def _read(element: _Element, field: FormField) -> tuple[bool, str]:
    """Whether the page holds the field's value, and what it holds, as the user would
    read it."""
    kind = await _kind_on_page(element, field)
    value = field.value
    if kind == "select":
        selected = await (await element.first()).evaluate(SELECTED_OPTIONS)
        return _same_choices(value, selected), _shown(selected, field)
    if kind in ("radio", "checkbox"):
        if isinstance(value, bool):
            ticked = await (await element.first()).is_checked()
            return ticked == value, _shown(ticked, field)
        choices = await element.choices(field)
        chosen = await _chosen(element, choices)
        if chosen is None:
            return False, "nothing Hunter can read (the page does not show which is chosen)"
        return _same_choices(value, chosen), _shown(chosen, field)
    if kind == "file":
        names = await (await element.first()).evaluate(FILE_NAMES)
        return _file_name(field) in names, _shown(names, field)
    box = await element.first()
    if kind == "combobox":
        same, found = await _read_combobox(box, str(value))
    else:
        found = await box.input_value()
        same = _same_text(str(value), found, phone=field.field_type == "phone")
    return same, _shown(found, field)


async def _read_combobox(box: Locator, value: str) -> tuple[bool, str]:
    """A combobox shows its choice in its input, or as text in its widget."""
    found = ""
    if await box.evaluate("el => 'value' in el && el.tagName !== 'BUTTON'"):
        found = await box.input_value()
    if not found.strip():
        found = " ".join((await box.inner_text()).split())
    want, have = normalize(value), normalize(found)
    same = bool(want) and (want == have or f" {want} " in f" {have} ")
    return same or same_place(value, found), found


async def _chosen(element: _Element, choices: list[tuple[Locator, str]]) -> list[str] | None:
    """The labels of the chosen choices; None when the page does not tell."""
    chosen = []
    told = False
    for choice, label in choices:
        if await _is_choice(choice):
            told = True
            if await choice.is_checked():
                chosen.append(label)
            continue
        # An answer button says it is chosen by ARIA or, failing that, by a class name.
        state = await choice.evaluate(PRESSED)
        told = told or state is not None
        if state:
            chosen.append(label)
    if told:
        return chosen
    # Buttons that say nothing beside a hidden checkbox: ticked is "Yes".
    holder = element.locator.first
    if await element.locator.count() and await _is_choice(holder):
        yes = [label for _, label in choices if normalize(label) in ("yes", "true")]
        no = [label for _, label in choices if normalize(label) in ("no", "false")]
        if yes and no:
            return yes[:1] if await holder.is_checked() else no[:1]
    return None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _same_choices(value: Any, found: list[str]) -> bool:
    wanted = value if isinstance(value, list) else [value]
    return sorted(normalize(item) for item in wanted) == sorted(normalize(item) for item in found)


def _same_text(expected: str, found: str, *, phone: bool) -> bool:
    if " ".join(expected.split()) == " ".join(found.split()):
        return True
    if phone:
        # Phone inputs format what they are given: "(415) 555-0123" is +14155550123.
        want = "".join(filter(str.isdigit, expected))
        have = "".join(filter(str.isdigit, found))
        return len(have) >= 7 and (want == have or want.endswith(have))
    return False


def _file_name(field: FormField) -> str:
    path = str(field.value)
    return os.path.basename(path) if os.path.isfile(path) else COVER_LETTER_FILE


def _shown(value: Any, field: FormField) -> str:
    """A value as the user would recognise it: “text”, a ticked box, nothing."""
    if isinstance(value, bool):
        return "a ticked box" if value else "an unticked box"
    if _kind(field) == "file" and value == field.value:
        value = _file_name(field)
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    return _quoted(str(value)) if str(value).strip() else "nothing"


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"


def _brief(error: Exception) -> str:
    return str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
